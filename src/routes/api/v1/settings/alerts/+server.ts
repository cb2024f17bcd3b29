import { json } from '@sveltejs/kit';
import { requireApiToken } from '$lib/server/http/api-auth';
import { getRuntime } from '$lib/server/runtime/runtime';
import { parseJsonBody } from '$lib/server/settings/http';
import { AlertSetup } from '$lib/shared/centre/alert-setup';
import type { RequestHandler } from './$types';

/**
 * Alert hysteresis, busy-period detection and peak periods: read, or replace as a whole (fields left
 * out take their defaults, as in the set-up file). See docs/api.md "Alert settings".
 */
export const GET: RequestHandler = ({ request }) => {
	const runtime = getRuntime();
	const denied = requireApiToken(request, runtime.config.apiTokens);
	return denied ?? json(runtime.settings.alerts());
};

export const PUT: RequestHandler = async ({ request }) => {
	const runtime = getRuntime();
	const denied = requireApiToken(request, runtime.config.apiTokens);
	if (denied) return denied;
	const body = await parseJsonBody(request, AlertSetup);
	if (body instanceof Response) return body;
	return json(await runtime.settings.putAlerts(body));
};
