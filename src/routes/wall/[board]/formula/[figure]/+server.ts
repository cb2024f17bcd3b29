import { json } from '@sveltejs/kit';
import { formulaCardOf } from '$lib/server/cards/formula-card';
import { cardResponse } from '$lib/server/cards/respond';
import { parseWindowParams } from '$lib/server/http/window-params';
import { boardScope } from '$lib/server/boards/scope';
import { getDevices } from '$lib/server/devices/instance';
import { wallAccess } from '$lib/server/devices/wall-access';
import { getRuntime } from '$lib/server/runtime/runtime';
import type { RequestHandler } from './$types';

/**
 * A tile's formula card, for the board page itself: no API token, because the page has none and needs
 * none (TVs are never logged in). It is held to what the board already shows: only the board's queues,
 * and the roll-up is the board's, never the whole centre's unless the board covers every queue.
 */
export const GET: RequestHandler = async ({ url, params, locals, cookies }) => {
	const runtime = getRuntime();
	// The same rule as the board page: a paired TV reads only its own board's cards.
	const access = await wallAccess(
		{ locals, cookies, boardId: params.board, requirePairing: runtime.config.env.WALL_REQUIRE_PAIRING },
		getDevices(runtime)
	);
	if (!access.ok) {
		const status = access.reason === 'pair' ? 401 : 403;
		return json(
			{ error: status === 401 ? 'unauthorized' : 'forbidden', message: 'not this board' },
			{ status }
		);
	}
	const board = runtime.boardService.store.get(params.board)?.board;
	if (!board) return json({ error: 'not_found', message: `no board "${params.board}"` }, { status: 404 });
	const scope = boardScope(board, runtime.setup);
	const windowParams = parseWindowParams(url, runtime.setup, 'day');
	if (windowParams instanceof Response) return windowParams;
	return cardResponse(
		formulaCardOf(runtime.floor, runtime.timeZone, runtime.clock(), {
			figure: params.figure,
			window: windowParams.window,
			...(windowParams.shiftId ? { shiftId: windowParams.shiftId } : {}),
			queueId: url.searchParams.get('queue') || null,
			scopeName: board.title,
			...(scope.length ? { scope } : {})
		})
	);
};
