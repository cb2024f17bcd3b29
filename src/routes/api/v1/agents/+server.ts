import { json } from '@sveltejs/kit';
import { requireApiToken } from '$lib/server/http/api-auth';
import { agentCounts, agentViews } from '$lib/server/live/floor';
import { getRuntime } from '$lib/server/runtime/runtime';
import type { RequestHandler } from './$types';

/** Every agent known to the floor with displayed state and open contacts, plus counts. See docs/api.md. */
export const GET: RequestHandler = ({ request, url }) => {
	const runtime = getRuntime();
	const denied = requireApiToken(request, runtime.config.apiTokens);
	if (denied) return denied;
	const teamParam = url.searchParams.get('team');
	const teamIds = teamParam ? teamParam.split(',').filter(Boolean) : undefined;
	const now = runtime.clock();
	const agents = agentViews(runtime.floor, now, teamIds ? { teamIds } : undefined);
	return json({
		asOf: runtime.floor.lastEventTs,
		freshness: runtime.freshness(),
		agents,
		counts: agentCounts(runtime.floor, now)
	});
};
