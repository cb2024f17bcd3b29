import { json } from '@sveltejs/kit';
import { requireApiToken } from '$lib/server/http/api-auth';
import { parseWindowParams } from '$lib/server/http/window-params';
import { agentCounts, agentViews, resolveWindow } from '$lib/server/live/floor';
import { getRuntime } from '$lib/server/runtime/runtime';
import { countAgentRows } from '$lib/shared/metrics/count-agents';
import type { RequestHandler } from './$types';

/**
 * Every agent known to the floor with displayed state, open contacts and their durations, the agent's
 * figures over `window` (any window; default day), plus counts. See docs/api.md.
 */
export const GET: RequestHandler = ({ request, url }) => {
	const runtime = getRuntime();
	const denied = requireApiToken(request, runtime.config.apiTokens);
	if (denied) return denied;
	const params = parseWindowParams(url, runtime.setup, 'day');
	if (params instanceof Response) return params;
	const teamParam = url.searchParams.get('team');
	const teamIds = teamParam ? teamParam.split(',').filter(Boolean) : undefined;
	const now = runtime.clock();
	const resolved = resolveWindow(runtime.floor, params.window, now, params.shiftId);
	const agents = agentViews(runtime.floor, now, {
		...(teamIds ? { teamIds } : {}),
		durations: true,
		window: resolved
	});
	return json({
		asOf: runtime.floor.lastEventTs,
		freshness: runtime.freshness(),
		window: params.window,
		span: resolved.span,
		shift: resolved.shift,
		agents,
		// With ?team= the counts cover the agents listed, so a team's page adds up.
		counts: teamIds ? countAgentRows(agents) : agentCounts(runtime.floor, now)
	});
};
