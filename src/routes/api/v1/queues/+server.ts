import { json } from '@sveltejs/kit';
import { requireApiToken } from '$lib/server/http/api-auth';
import { parseWindowParams } from '$lib/server/http/window-params';
import { queueFigures } from '$lib/server/live/floor';
import { getRuntime } from '$lib/server/runtime/runtime';
import type { RequestHandler } from './$types';

/** Queue figures per queue, channel, team and for the whole centre, over one window. See docs/api.md. */
export const GET: RequestHandler = ({ request, url }) => {
	const runtime = getRuntime();
	const denied = requireApiToken(request, runtime.config.apiTokens);
	if (denied) return denied;
	const params = parseWindowParams(url, runtime.setup, 'day');
	if (params instanceof Response) return params;
	const queueParam = url.searchParams.get('queue');
	const queueIds = queueParam ? queueParam.split(',').filter(Boolean) : undefined;
	const figures = queueFigures(runtime.floor, params.window, runtime.clock(), queueIds, {
		...(params.shiftId ? { shiftId: params.shiftId } : {})
	});
	return json({
		asOf: figures.asOf,
		window: params.window,
		span: figures.span,
		shift: figures.shift,
		...(params.window === 'shift' && !figures.shift
			? { note: 'no shift is running now: nothing is counted' }
			: {}),
		timeZone: runtime.timeZone,
		freshness: runtime.freshness(),
		queues: figures.queues,
		channels: figures.channels,
		teams: figures.teams,
		centre: figures.centre
	});
};
