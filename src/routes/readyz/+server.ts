import { getRuntime } from '$lib/server/runtime/runtime';
import type { RequestHandler } from './$types';

/** Readiness: the bus is connected and the first catch-up is done, so the figures are current. */
export const GET: RequestHandler = () => {
	const ready = getRuntime().ready();
	return new Response(ready ? 'ready\n' : 'not ready\n', {
		status: ready ? 200 : 503,
		headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' }
	});
};
