import { actionResponse, readBody } from '$lib/server/alerts/alert-request';
import { SnoozeBody } from '$lib/server/alerts/user-actions';
import { requireApiToken } from '$lib/server/http/api-auth';
import { getRuntime } from '$lib/server/runtime/runtime';
import type { RequestHandler } from './$types';

/** Snoozes an alert for the user named in the body, for `minutes` or until `untilMs`. See docs/api.md. */
export const POST: RequestHandler = async ({ request, params }) => {
	const runtime = getRuntime();
	const denied = requireApiToken(request, runtime.config.apiTokens);
	if (denied) return denied;
	const body = await readBody(request, SnoozeBody);
	if (body instanceof Response) return body;
	return actionResponse(await runtime.alerts.snooze(params.id, body));
};
