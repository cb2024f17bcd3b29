import { json } from '@sveltejs/kit';
import { requireApiToken } from '$lib/server/http/api-auth';
import { getRuntime } from '$lib/server/runtime/runtime';
import { invalidSettings, readJsonBody } from '$lib/server/settings/http';
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
	const raw = await readJsonBody(request);
	if (raw instanceof Response) return raw;
	const parsed = NotReadyLimitsBody.safeParse(raw);
	if (!parsed.success) return invalidSettings(parsed.error);
	return json(await runtime.settings.putNotReadyLimits(parsed.data.notReadyLimitsSec));
};
