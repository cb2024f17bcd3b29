import { redirect, type Handle } from '@sveltejs/kit';
import { getRuntime } from '../runtime/runtime';
import { actorOf } from './actor';
import { clearSessionCookie, SESSION_COOKIE } from './cookie';
import { getAuth } from './instance';
import { toPublicUser } from './user';

/**
 * Puts the signed-in user (or null) on `locals`. Requests without a cookie skip the store entirely, so
 * wallboards and API integrations cost nothing here.
 */
export const authenticate: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.actor = null;
	const auth = getAuth(getRuntime());
	const sessionId = event.cookies.get(SESSION_COOKIE);
	if (sessionId || auth.trustedHeader) {
		const user = await auth.userOf({ sessionId, header: (name) => event.request.headers.get(name) });
		if (user) {
			event.locals.user = toPublicUser(user);
			event.locals.actor = actorOf(user);
		} else if (sessionId) {
			// A dead session's cookie would otherwise cost a store look-up on every request until it expires.
			clearSessionCookie(event.cookies, { secure: event.url.protocol === 'https:' });
		}
	}
	return resolve(event);
};

/** Areas where every page needs an account; which role may do what is each route's own check. */
const SIGNED_IN_AREAS = ['/admin', '/console', '/reports'];

/** Sends anonymous visitors of the signed-in areas to /login, and back where they were afterwards. */
export const requireSignIn: Handle = async ({ event, resolve }) => {
	const path = event.url.pathname;
	const guarded = SIGNED_IN_AREAS.some((area) => path === area || path.startsWith(`${area}/`));
	if (guarded && !event.locals.user) {
		if (event.request.method !== 'GET' && event.request.method !== 'HEAD') {
			return new Response('sign in first', { status: 401 });
		}
		const lang = event.url.searchParams.get('lang');
		const query = new URLSearchParams({ redirectTo: path + event.url.search, ...(lang ? { lang } : {}) });
		redirect(303, `/login?${query}`);
	}
	return resolve(event);
};
