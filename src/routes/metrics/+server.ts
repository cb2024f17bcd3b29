import { version } from '$app/environment';
import { requireApiToken } from '$lib/server/http/api-auth';
import { opsMetricFamilies } from '$lib/server/ops/ops-metrics';
import { readProcess } from '$lib/server/ops/process-probe';
import { PROMETHEUS_CONTENT_TYPE, renderPrometheus } from '$lib/server/ops/prometheus';
import { getRuntime } from '$lib/server/runtime/runtime';
import type { RequestHandler } from './$types';

/** The server's own health for Prometheus (bearer token, as `/api/v1/*`). See docs/api.md "/metrics". */
export const GET: RequestHandler = ({ request }) => {
	const runtime = getRuntime();
	const denied = requireApiToken(request, runtime.config.apiTokens);
	if (denied) return denied;
	const { floor, ingest } = runtime;
	const text = renderPrometheus(
		opsMetricFamilies({
			nowMs: Date.now(),
			buildId: version,
			mode: runtime.mode,
			startedAtMs: runtime.startedAtMs,
			ready: runtime.ready(),
			freshness: runtime.freshness(),
			ingest: ingest.stats,
			rejected: ingest.deadLetters.counts(),
			floor: {
				eventsApplied: floor.eventsApplied,
				anomalies: floor.anomalies,
				agents: floor.agents.size,
				openContacts: floor.contacts.size,
				supervisions: floor.supervisions.size
			},
			realtime: runtime.hub.stats,
			alerts: runtime.alerts.list(),
			supervisionPending: runtime.supervision.tracker.pendingCount,
			process: readProcess()
		})
	);
	return new Response(text, {
		headers: { 'content-type': PROMETHEUS_CONTENT_TYPE, 'cache-control': 'no-store' }
	});
};
