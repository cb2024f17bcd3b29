import { requirePermission } from '$lib/server/auth/guard';
import { intervalsResponse } from '$lib/server/history/intervals-response';
import { getRuntime } from '$lib/server/runtime/runtime';
import type { RequestHandler } from './$types';

/**
 * The report API's interval export behind the session instead of a bearer token, so a manager downloads
 * from the page without an integration token. Same parameters, same function, same bytes.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	requirePermission(locals, url, 'reports.read');
	const runtime = getRuntime();
	return intervalsResponse(url, {
		store: runtime.history.store,
		timeZone: runtime.timeZone,
		attachment: true
	});
};
