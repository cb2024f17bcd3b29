import type { Cookies } from '@sveltejs/kit';

/**
 * The TV's token, set only by the server and HttpOnly: no script on the page can read it, so a script
 * injected into a board cannot carry it off. A lost cookie is restored through `/wall/restore` with the
 * separate restore key the page keeps (docs/auth.md "TV pairing").
 */
export const DEVICE_COOKIE = 'cc_device';
/** Long-lived on purpose: a TV has no one to sign it in again; revoking is how access ends. */
export const DEVICE_COOKIE_MAX_AGE_S = 10 * 365 * 24 * 3600;

const attributes = (secure: boolean) => ({
	path: '/',
	httpOnly: true,
	// Lax, like the session: the token only reads, so Strict would guard nothing and would drop the
	// cookie when a signage launcher on another site opens the board.
	sameSite: 'lax' as const,
	secure
});

export function setDeviceCookie(cookies: Cookies, token: string, secure: boolean): void {
	cookies.set(DEVICE_COOKIE, token, { ...attributes(secure), maxAge: DEVICE_COOKIE_MAX_AGE_S });
}

export function clearDeviceCookie(cookies: Cookies, secure: boolean): void {
	cookies.delete(DEVICE_COOKIE, attributes(secure));
}
