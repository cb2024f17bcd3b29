import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { version } from '$app/environment';
import { authenticate, requireSignIn } from '$lib/server/auth/handles';
import { getAuth } from '$lib/server/auth/instance';
import { ConfigError } from '$lib/server/config';
import { getRuntime } from '$lib/server/runtime/runtime';
import { consoleLogger } from '$lib/server/util/logger';
import { resolveLocale } from '$lib/shared/i18n';

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
	bootstrapFirstAdmin();
};

/**
 * Not awaited: with Redis down at start-up the check would wait for it, and the server must come up
 * (and say so on /readyz) regardless. Sign-ins wait for it instead.
 */
function bootstrapFirstAdmin(): void {
	const runtime = getRuntime();
	const logger = consoleLogger('auth');
	getAuth(runtime)
		.bootstrap({
			username: runtime.config.env.ADMIN_USERNAME,
			password: runtime.config.env.ADMIN_PASSWORD,
			mode: runtime.mode,
			logger
		})
		.catch((err: unknown) => logger.error('first-admin check failed', { error: String(err) }));
}

/**
 * Sets <html lang> the way the page picks its language (?lang=, else the board's language, else zh-CN),
 * so screen readers, fonts and TVs without JavaScript see the right script from the first byte.
 */
const htmlLang: Handle = async ({ event, resolve }) => {
	const boardId = /^\/wall\/([^/]+)/.exec(event.url.pathname)?.[1];
	const boardLanguage = boardId
		? getRuntime().boardService.store.get(safeDecode(boardId))?.board.language
		: undefined;
	const lang = resolveLocale(event.url.searchParams.get('lang'), boardLanguage);
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang) });
};

/** A malformed escape in a typed-in URL is a not-found board, not a server error. */
function safeDecode(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

export const handle: Handle = sequence(authenticate, requireSignIn, htmlLang);
