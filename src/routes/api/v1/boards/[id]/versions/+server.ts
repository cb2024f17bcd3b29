import { json } from '@sveltejs/kit';
import { boardAdminOf } from '$lib/server/boards/guard';
import { unauthorized, unknownBoard, versionBody } from '$lib/server/boards/http';
import { getRuntime } from '$lib/server/runtime/runtime';
import type { RequestHandler } from './$types';

/** Every saved version of a board, newest first. */
export const GET: RequestHandler = async (event) => {
	if (!boardAdminOf(event)) return unauthorized();
	const store = getRuntime().boardService.store;
	if (!store.get(event.params.id))
		return unknownBoard(
			event.params.id,
			store.list().map((v) => v.board.boardId)
		);
	const versions = await store.versions(event.params.id);
	return json({ boardId: event.params.id, versions: versions.map(versionBody) });
};
