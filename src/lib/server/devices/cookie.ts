import type { Cookies } from '@sveltejs/kit';

/** The TV's token. Not HttpOnly: the page mirrors it in localStorage and restores the cookie from there. */
export const DEVICE_COOKIE = 'cc_device';
/** Long-lived on purpose: a TV has no one to sign it in again; revoking is how access ends. */
const TEN_YEARS_S = 10 * 365 * 24 * 3600;

export function setDeviceCookie(cookies: Cookies, token: string, secure: boolean): void {
	cookies.set(DEVICE_COOKIE, token, {
		path: '/',
		httpOnly: false,
		sameSite: 'lax',
		secure,
		maxAge: TEN_YEARS_S
	});
}

export function clearDeviceCookie(cookies: Cookies): void {
	cookies.delete(DEVICE_COOKIE, { path: '/' });
}
