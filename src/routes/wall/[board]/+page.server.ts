import { error, redirect } from '@sveltejs/kit';
import { clearDeviceCookie, DEVICE_COOKIE } from '$lib/server/devices/cookie';
import { getDevices } from '$lib/server/devices/instance';
import { wallAccess } from '$lib/server/devices/wall-access';
import { getRuntime } from '$lib/server/runtime/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, setHeaders, locals, cookies, url }) => {
	const runtime = getRuntime();
	const devices = getDevices(runtime);
	const access = await wallAccess(
		{ locals, cookies, boardId: params.board, requirePairing: runtime.config.env.WALL_REQUIRE_PAIRING },
		devices
	);
	if (!access.ok) {
		const query = url.search;
		if (access.reason === 'other-board') redirect(303, `/wall/${encodeURIComponent(access.boardId)}${query}`);
		// A revoked TV goes back to pairing (blank), never on to an open board.
		if (cookies.get(DEVICE_COOKIE)) clearDeviceCookie(cookies);
		redirect(303, `/wall${query}`);
	}
	if (access.device) devices.touch(access.device.id, { seenMs: Date.now() }).catch(() => undefined);
	const board = runtime.boardData(params.board);
	if (!board) error(404, `No board "${params.board}"`);
	// A cached copy would show old figures as if they were current before the socket catches up.
	setHeaders({ 'cache-control': 'no-store' });
	return {
		boardId: params.board,
		board,
		freshness: runtime.freshness(),
		centreTimeZone: runtime.timeZone
	};
};
