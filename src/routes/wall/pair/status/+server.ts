import { json } from '@sveltejs/kit';
import { setDeviceCookie } from '$lib/server/devices/cookie';
import { getDevices } from '$lib/server/devices/instance';
import { getRuntime } from '$lib/server/runtime/runtime';
import type { RequestHandler } from './$types';

/**
 * The TV's poll while it shows its code. Keyed by the secret poll id, never the code, so the token
 * only ever reaches the screen that asked. Once bound, the token goes into the HttpOnly cookie (never
 * the body, so the page's script never holds it) and the body carries the restore key, once.
 */
export const POST: RequestHandler = async ({ request, cookies, url }) => {
	const body = (await request.json().catch(() => null)) as { pollId?: unknown } | null;
	const pollId = typeof body?.pollId === 'string' ? body.pollId : '';
	const headers = { 'cache-control': 'no-store' };
	const status = pollId ? await getDevices(getRuntime()).pairingStatus(pollId) : null;
	if (!status)
		return json({ error: 'not_found', message: 'pairing expired: ask again' }, { status: 404, headers });
	if (status.state === 'pending') return json(status, { headers });
	setDeviceCookie(cookies, status.token, url.protocol === 'https:');
	return json({ state: status.state, boardId: status.boardId, restoreKey: status.restoreKey }, { headers });
};
