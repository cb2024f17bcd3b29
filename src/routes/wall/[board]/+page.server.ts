import { error } from '@sveltejs/kit';
import { getRuntime } from '$lib/server/runtime/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, setHeaders }) => {
	const runtime = getRuntime();
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
