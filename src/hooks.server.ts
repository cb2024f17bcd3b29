import type { Handle, ServerInit } from '@sveltejs/kit';
import { version } from '$app/environment';
import { ConfigError } from '$lib/server/config';
import { getRuntime } from '$lib/server/runtime/runtime';

/** Starts the live runtime with the server, not on the first request, so ingest catches up at once. */
export const init: ServerInit = async () => {
	try {
		getRuntime({ buildId: version });
	} catch (err) {
		// A bad variable is the operator's to fix: say which one, without a stack trace in the way.
		if (!(err instanceof ConfigError)) throw err;
		console.error(`cannot start: ${err.message}`);
		process.exit(1);
	}
};

/** Sets <html lang> from ?lang=, so screen readers and fonts pick the right script. */
export const handle: Handle = async ({ event, resolve }) => {
	const lang = event.url.searchParams.get('lang') === 'en' ? 'en' : 'zh-CN';
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang) });
};
