import { redirect } from '@sveltejs/kit';
import { clearDeviceCookie, DEVICE_COOKIE } from '$lib/server/devices/cookie';
import { getDevices } from '$lib/server/devices/instance';
import { getRuntime } from '$lib/server/runtime/runtime';
import type { PageServerLoad } from './$types';

/**
 * A paired TV goes to its board; any other screen shows a pairing code. The page cannot see the
 * HttpOnly cookie, so it is told what the server saw: `cookie` is `dead` when a token came and was
 * refused (revoked: forget the restore key too), `none` when none came (perhaps the browser dropped it:
 * try the restore key first).
 */
export const load: PageServerLoad = async ({ cookies, setHeaders, url }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const token = cookies.get(DEVICE_COOKIE);
	if (token) {
		const device = await getDevices(getRuntime()).byToken(token);
		const lang = url.searchParams.get('lang');
		if (device) redirect(303, `/wall/${encodeURIComponent(device.boardId)}${lang ? `?lang=${lang}` : ''}`);
		clearDeviceCookie(cookies, url.protocol === 'https:');
	}
	return { cookie: token ? ('dead' as const) : ('none' as const) };
};
