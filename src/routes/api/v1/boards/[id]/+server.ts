import { json } from '@sveltejs/kit';
import { boardAdminOf } from '$lib/server/boards/guard';
import { conflict, invalidBoard, unauthorized, unknownBoard, versionBody } from '$lib/server/boards/http';
import { parseBoard } from '$lib/server/boards/schema';
import { BoardVersionConflict } from '$lib/server/boards/versions';
import { getRuntime } from '$lib/server/runtime/runtime';
import { readJsonBody } from '$lib/server/settings/http';
import type { RequestHandler } from './$types';

/** One board: read its current version, or save a new one (PUT creates the board when it is new). */
export const GET: RequestHandler = (event) => {
	if (!boardAdminOf(event)) return unauthorized();
	const store = getRuntime().boardService.store;
	const head = store.get(event.params.id);
	if (!head)
		return unknownBoard(
			event.params.id,
			store.list().map((v) => v.board.boardId)
		);
	return json(versionBody(head));
};

/**
 * Body: the whole board (its `boardId` may be left out; it must match the URL when given). Optional
 * `?baseVersion=N`: refuse with 409 when the board is no longer at version N (someone else saved).
 */
export const PUT: RequestHandler = async (event) => {
	const admin = boardAdminOf(event);
	if (!admin) return unauthorized();
	const runtime = getRuntime();
	const raw = await readJsonBody(event.request);
	if (raw instanceof Response) return raw;
	const body = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {};
	if ('boardId' in body && body.boardId !== event.params.id) {
		return invalidBoard([{ field: 'boardId', message: `must be "${event.params.id}", as in the URL` }]);
	}
	const parsed = parseBoard({ ...body, boardId: event.params.id }, runtime.setup);
	if (!parsed.ok) return invalidBoard(parsed.issues);
	const base = event.url.searchParams.get('baseVersion');
	const baseVersion = base === null ? undefined : Number(base);
	if (baseVersion !== undefined && !Number.isSafeInteger(baseVersion)) {
		return invalidBoard([{ field: 'baseVersion', message: 'must be a whole number' }]);
	}
	try {
		const saved = await runtime.boardService.store.save(parsed.board, admin.savedBy, baseVersion);
		return json(versionBody(saved));
	} catch (err) {
		if (err instanceof BoardVersionConflict) return conflict(err.message);
		throw err;
	}
};
