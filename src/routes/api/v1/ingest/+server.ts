import { json } from '@sveltejs/kit';
import { requireApiToken } from '$lib/server/http/api-auth';
import { getRuntime } from '$lib/server/runtime/runtime';
import type { RequestHandler } from './$types';

/** What the inbound edge has seen: counters, rejections by reason, recovery state. See docs/api.md. */
export const GET: RequestHandler = ({ request }) => {
	const runtime = getRuntime();
	const denied = requireApiToken(request, runtime.config.apiTokens);
	if (denied) return denied;
	const { ingest, floor } = runtime;
	return json({
		freshness: runtime.freshness(),
		ready: runtime.ready(),
		stats: { ...ingest.stats },
		rejected: ingest.deadLetters.counts(),
		rejectedTotal: ingest.deadLetters.total(),
		deadLetterStream: `${runtime.config.env.CC_PREFIX}:deadletter`,
		floor: { eventsApplied: floor.eventsApplied, anomalies: floor.anomalies },
		realtime: { ...runtime.hub.stats }
	});
};
