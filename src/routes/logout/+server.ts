import { redirect } from '@sveltejs/kit';
import { clearSessionCookie, SESSION_COOKIE } from '$lib/server/auth/cookie';
import { getAuth } from '$lib/server/auth/instance';
import { getRuntime } from '$lib/server/runtime/runtime';
import type { RequestHandler } from './$types';

/**
 * POST only (a form button): a GET would let any page sign a user out with an <img>. Kit's origin check
 * refuses cross-site form posts before this runs. The session is deleted on the server, not just the cookie.
 */
export const POST: RequestHandler = async ({ cookies, url }) => {
	await getAuth(getRuntime()).logout(cookies.get(SESSION_COOKIE));
	clearSessionCookie(cookies, { secure: url.protocol === 'https:' });
	const lang = url.searchParams.get('lang');
	redirect(303, lang ? `/login?lang=${encodeURIComponent(lang)}` : '/login');
};
