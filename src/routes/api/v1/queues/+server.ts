import { json } from '@sveltejs/kit';
import { WINDOWS, type MetricWindow } from '$lib/shared/metrics/figures';
import { badRequest, requireApiToken } from '$lib/server/http/api-auth';
import { queueFigures } from '$lib/server/live/floor';
import { getRuntime } from '$lib/server/runtime/runtime';
import type { RequestHandler } from './$types';

/** Queue figures per queue and for the whole centre, over one window. See docs/api.md. */
export const GET: RequestHandler = ({ request, url }) => {
	const runtime = getRuntime();
	const denied = requireApiToken(request, runtime.config.apiTokens);
	if (denied) return denied;
	const window = url.searchParams.get('window') ?? 'day';
	if (!(WINDOWS as readonly string[]).includes(window)) {
		return badRequest(`window must be one of ${WINDOWS.join(', ')} (got "${window}")`, 'window');
	}
	const queueParam = url.searchParams.get('queue');
	const queueIds = queueParam ? queueParam.split(',').filter(Boolean) : undefined;
	const figures = queueFigures(runtime.floor, window as MetricWindow, runtime.clock(), queueIds);
	return json({
		asOf: figures.asOf,
		window,
		timeZone: runtime.timeZone,
		freshness: runtime.freshness(),
		queues: figures.queues,
		channels: figures.channels,
		centre: figures.centre
	});
};
