import { json } from '@sveltejs/kit';
import { requireApiToken } from '$lib/server/http/api-auth';
import { getRuntime } from '$lib/server/runtime/runtime';
import { liveStaffingAll, liveStaffingOf } from '$lib/server/staffing/live-staffing';
import type { RequestHandler } from './$types';

/** The staffing model on the live floor: per queue λ, AHT, patience, agents, required, gap. See docs/api.md. */
export const GET: RequestHandler = ({ request, url }) => {
	const runtime = getRuntime();
	const denied = requireApiToken(request, runtime.config.apiTokens);
	if (denied) return denied;
	const { floor } = runtime;
	const queueParam = url.searchParams.get('queue');
	const queueIds = queueParam ? [...new Set(queueParam.split(',').filter(Boolean))] : null;
	// Unlike the queue figures (where an unknown queue is a tile of zeros), a staffing answer for a queue
	// nobody configured or routed to would read as "0 agents needed": say it is unknown instead.
	const unknown = queueIds?.filter((id) => !floor.queues.has(id)) ?? [];
	if (unknown.length > 0) {
		return json(
			{
				error: 'not_found',
				message: `unknown queue ${unknown.join(', ')}: not in the centre set-up and not seen in any event`,
				parameter: 'queue'
			},
			{ status: 404 }
		);
	}
	const now = runtime.clock();
	return json({
		asOf: floor.lastEventTs,
		freshness: runtime.freshness(),
		queues: queueIds ? liveStaffingOf(floor, queueIds, now) : liveStaffingAll(floor, now)
	});
};
