import type { Cookies } from '@sveltejs/kit';
import type { SessionPolicy } from './session-policy';

/** `__Host-` would be stronger but needs HTTPS, and TVs and test rigs run on plain HTTP on the LAN. */
export const SESSION_COOKIE = 'cc_session';

/**
 * HttpOnly so page scripts never see it; SameSite=Lax so it rides top-level navigations but not
 * cross-site sub-requests; Secure whenever the page itself came over HTTPS (Kit's default would also
 * drop it on plain-HTTP LAN addresses other than localhost, where the floor's screens live).
 */
export function setSessionCookie(
	cookies: Cookies,
	sessionId: string,
	options: { secure: boolean; policy: SessionPolicy }
): void {
	cookies.set(SESSION_COOKIE, sessionId, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: options.secure,
		// The browser may forget it at the absolute deadline; the server enforces both deadlines anyway.
		maxAge: Math.floor(options.policy.absoluteMs / 1000)
	});
}

export function clearSessionCookie(cookies: Cookies, options: { secure: boolean }): void {
	cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: options.secure });
}
