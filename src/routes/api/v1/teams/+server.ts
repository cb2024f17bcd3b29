import { json } from '@sveltejs/kit';
import { requireApiToken } from '$lib/server/http/api-auth';
import { parseWindowParams } from '$lib/server/http/window-params';
import { resolveWindow, teamViews } from '$lib/server/live/floor';
import { getRuntime } from '$lib/server/runtime/runtime';
import type { RequestHandler } from './$types';

/** Per team: agents by state now, agent figures over the window and the queue figures of its queues. See docs/api.md. */
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
	return json({
		asOf: runtime.floor.lastEventTs,
		window: params.window,
		span: resolved.span,
		shift: resolved.shift,
		...(params.window === 'shift' && !resolved.shift
			? { note: 'no shift is running now: nothing is counted' }
			: {}),
		timeZone: runtime.timeZone,
		freshness: runtime.freshness(),
		teams: teamViews(runtime.floor, resolved, now, teamIds ? { teamIds } : undefined)
	});
};
