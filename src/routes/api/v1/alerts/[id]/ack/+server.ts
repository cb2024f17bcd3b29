import { actionResponse, readBody } from '$lib/server/alerts/alert-request';
import { AckBody } from '$lib/server/alerts/user-actions';
import { requireApiToken } from '$lib/server/http/api-auth';
import { getRuntime } from '$lib/server/runtime/runtime';
import type { RequestHandler } from './$types';

/** Acknowledges an alert for the user named in the body (until accounts exist). See docs/api.md. */
export const POST: RequestHandler = async ({ request, params }) => {
	const runtime = getRuntime();
	const denied = requireApiToken(request, runtime.config.apiTokens);
	if (denied) return denied;
	const body = await readBody(request, AckBody);
	if (body instanceof Response) return body;
	return actionResponse(await runtime.alerts.acknowledge(params.id, body.user));
};
