import { error, redirect } from '@sveltejs/kit';
import { clearDeviceCookie, DEVICE_COOKIE, setDeviceCookie } from '$lib/server/devices/cookie';
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
	const secure = url.protocol === 'https:';
	const token = cookies.get(DEVICE_COOKIE);
	if (!access.ok) {
		const query = url.search;
		if (access.reason === 'other-board') redirect(303, `/wall/${encodeURIComponent(access.boardId)}${query}`);
		// A revoked TV goes back to pairing (blank), never on to an open board.
		if (token) clearDeviceCookie(cookies, secure);
		redirect(303, `/wall${query}`);
	}
	if (access.device && token) {
		devices.touch(access.device.id, { seenMs: Date.now() }).catch(() => undefined);
		// Set again on every load: keeps it ten years from now, and turns a cookie set before it was
		// HttpOnly into an HttpOnly one.
		setDeviceCookie(cookies, token, secure);
	}
	const board = runtime.boardData(params.board);
	if (!board) error(404, `No board "${params.board}"`);
	// A cached copy would show old figures as if they were current before the socket catches up.
	setHeaders({ 'cache-control': 'no-store' });
	return {
		// The page cannot read the HttpOnly cookie: it learns here whether it is a paired TV (refused
		// sockets send it back to /wall) and whether it may try its restore key (no account, no device).
		paired: access.device !== null,
		mayRestore: access.device === null && !locals.user && !token,
		boardId: params.board,
		board,
		freshness: runtime.freshness(),
		centreTimeZone: runtime.timeZone
	};
};
