import { json } from '@sveltejs/kit';
import { requireApiToken } from '$lib/server/http/api-auth';
import { getRuntime } from '$lib/server/runtime/runtime';
import { invalidSettings, parseJsonBody, unknownQueue } from '$lib/server/settings/http';
import { mergePatch, QueueSettings, QueueSettingsPatch } from '$lib/server/settings/schema';
import type { QueueSettingsEntry } from '$lib/server/settings/store';
import { resolveBands } from '$lib/shared/metrics/cards/thresholds';
import type { RequestHandler } from './$types';

/**
 * One queue's targets, thresholds and limits: read, replace (PUT), change some (PATCH) or go back to the
 * set-up's values (DELETE). See docs/api.md.
 */

function body(entry: QueueSettingsEntry) {
	return {
		...entry,
		// The bands as derived, so a caller sees where amber and red now start without redoing the rule.
		bands: resolveBands(entry.settings.targets, entry.settings.thresholds)
	};
}

export const GET: RequestHandler = ({ request, params }) => {
	const runtime = getRuntime();
	const denied = requireApiToken(request, runtime.config.apiTokens);
	if (denied) return denied;
	const entry = runtime.settings.queue(params.queueId);
	if (!entry) return unknownQueue(params.queueId, runtime.settings.queueIds());
	return json(body(entry));
};

export const PUT: RequestHandler = async ({ request, params }) => {
	const runtime = getRuntime();
	const denied = requireApiToken(request, runtime.config.apiTokens);
	if (denied) return denied;
	if (!runtime.settings.hasQueue(params.queueId))
		return unknownQueue(params.queueId, runtime.settings.queueIds());
	const settings = await parseJsonBody(request, QueueSettings);
	if (settings instanceof Response) return settings;
	return json(body(await runtime.settings.putQueue(params.queueId, settings)));
};

export const PATCH: RequestHandler = async ({ request, params }) => {
	const runtime = getRuntime();
	const denied = requireApiToken(request, runtime.config.apiTokens);
	if (denied) return denied;
	const current = runtime.settings.queue(params.queueId);
	if (!current) return unknownQueue(params.queueId, runtime.settings.queueIds());
	const patch = await parseJsonBody(request, QueueSettingsPatch);
	if (patch instanceof Response) return patch;
	const merged = QueueSettings.safeParse(mergePatch(current.settings, patch));
	if (!merged.success) return invalidSettings(merged.error);
	return json(body(await runtime.settings.putQueue(params.queueId, merged.data)));
};

export const DELETE: RequestHandler = async ({ request, params }) => {
	const runtime = getRuntime();
	const denied = requireApiToken(request, runtime.config.apiTokens);
	if (denied) return denied;
	if (!runtime.settings.hasQueue(params.queueId))
		return unknownQueue(params.queueId, runtime.settings.queueIds());
	return json(body(await runtime.settings.resetQueue(params.queueId)));
};
