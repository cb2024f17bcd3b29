import { json } from '@sveltejs/kit';
import { requireApiToken } from '$lib/server/http/api-auth';
import { getRuntime } from '$lib/server/runtime/runtime';
import { parseJsonBody } from '$lib/server/settings/http';
import { NotReadyLimitsBody } from '$lib/server/settings/schema';
import type { RequestHandler } from './$types';

/** Centre-wide limits per not-ready reason, in seconds: read or replace. See docs/api.md. */
export const GET: RequestHandler = ({ request }) => {
	const runtime = getRuntime();
	const denied = requireApiToken(request, runtime.config.apiTokens);
	return denied ?? json(runtime.settings.notReadyLimits());
};

export const PUT: RequestHandler = async ({ request }) => {
	const runtime = getRuntime();
	const denied = requireApiToken(request, runtime.config.apiTokens);
	if (denied) return denied;
	const body = await parseJsonBody(request, NotReadyLimitsBody);
	if (body instanceof Response) return body;
	return json(await runtime.settings.putNotReadyLimits(body.notReadyLimitsSec));
};
