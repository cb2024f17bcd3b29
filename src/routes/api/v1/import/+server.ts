import { json } from '@sveltejs/kit';
import { importEvents } from '$lib/server/history/import-events';
import { badRequest, requireApiToken } from '$lib/server/http/api-auth';
import { getRuntime } from '$lib/server/runtime/runtime';
import type { RequestHandler } from './$types';

/** An upload larger than this is refused: split the export by day and import the parts. */
const MAX_BODY_BYTES = 200 * 1024 * 1024;

/**
 * NDJSON of contract events (any dates, any order) into the interval history, through a floor of its
 * own: the live floor is not touched. Malformed lines are reported by number and skipped.
 */
export const POST: RequestHandler = async ({ request }) => {
	const runtime = getRuntime();
	const denied = requireApiToken(request, runtime.config.apiTokens);
	if (denied) return denied;
	const length = Number(request.headers.get('content-length') ?? '0');
	if (length > MAX_BODY_BYTES) {
		return json(
			{ error: 'too_large', message: `at most ${MAX_BODY_BYTES} bytes per import; split the file by day` },
			{ status: 413 }
		);
	}
	const text = await request.text();
	if (text.trim() === '') return badRequest('the body is empty: send NDJSON, one event per line', 'body');
	const { setup, timeZone, shrinkage, store } = runtime.history;
	const result = await importEvents(text, { setup, timeZone, shrinkage, store });
	return json(result);
};
