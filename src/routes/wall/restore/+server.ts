import { json } from '@sveltejs/kit';
import { setDeviceCookie } from '$lib/server/devices/cookie';
import { getDevices } from '$lib/server/devices/instance';
import { getRuntime } from '$lib/server/runtime/runtime';
import type { RequestHandler } from './$types';

/**
 * A paired TV whose browser dropped its cookie (kiosk profiles wiped at reboot) trades the restore key
 * its page kept for a new HttpOnly cookie and a new restore key. Each key works once; revoked devices'
 * keys never do.
 */
export const POST: RequestHandler = async ({ request, cookies, url }) => {
	const body = (await request.json().catch(() => null)) as { restoreKey?: unknown } | null;
	const key = typeof body?.restoreKey === 'string' ? body.restoreKey : '';
	const headers = { 'cache-control': 'no-store' };
	const restored = key ? await getDevices(getRuntime()).restore(key) : null;
	if (!restored)
		return json(
			{ error: 'not_found', message: 'unknown or spent restore key: pair again' },
			{ status: 404, headers }
		);
	setDeviceCookie(cookies, restored.token, url.protocol === 'https:');
	return json({ boardId: restored.device.boardId, restoreKey: restored.restoreKey }, { headers });
};
