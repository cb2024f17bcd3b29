import { requireApiToken } from '$lib/server/http/api-auth';
import { parseWindowParams } from '$lib/server/http/window-params';
import { formulaCardOf } from '$lib/server/cards/formula-card';
import { cardResponse } from '$lib/server/cards/respond';
import { getRuntime } from '$lib/server/runtime/runtime';
import type { RequestHandler } from './$types';

/** The formula card of one figure for a queue (or the whole centre) over a window. See docs/api.md. */
export const GET: RequestHandler = ({ request, url, params }) => {
	const runtime = getRuntime();
	const denied = requireApiToken(request, runtime.config.apiTokens);
	if (denied) return denied;
	const windowParams = parseWindowParams(url, runtime.setup, 'day');
	if (windowParams instanceof Response) return windowParams;
	return cardResponse(
		formulaCardOf(runtime.floor, runtime.timeZone, runtime.clock(), {
			figure: params.figure,
			window: windowParams.window,
			...(windowParams.shiftId ? { shiftId: windowParams.shiftId } : {}),
			queueId: url.searchParams.get('queue') || null
		})
	);
};
