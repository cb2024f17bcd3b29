import { intervalsResponse } from '$lib/server/history/intervals-response';
import { requireApiToken } from '$lib/server/http/api-auth';
import { getRuntime } from '$lib/server/runtime/runtime';
import type { RequestHandler } from './$types';

/** Stored interval rows (queues, channels, the centre) over a range, as JSON or CSV. See docs/reports.md. */
export const GET: RequestHandler = async ({ request, url }) => {
	const runtime = getRuntime();
	const denied = requireApiToken(request, runtime.config.apiTokens);
	if (denied) return denied;
	return intervalsResponse(url, {
		store: runtime.history.store,
		timeZone: runtime.timeZone,
		attachment: false
	});
};
