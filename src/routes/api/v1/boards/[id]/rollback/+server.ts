import { json } from '@sveltejs/kit';
import { badRequest } from '$lib/server/http/api-auth';
import { boardAdminOf } from '$lib/server/boards/guard';
import { unauthorized, unknownBoard, versionBody } from '$lib/server/boards/http';
import { UnknownBoardVersion } from '$lib/server/boards/versions';
import { getRuntime } from '$lib/server/runtime/runtime';
import { readJsonBody } from '$lib/server/settings/http';
import type { RequestHandler } from './$types';

/** Body `{ "version": N }`: makes version N current again, saved as a new version. */
export const POST: RequestHandler = async (event) => {
	const admin = boardAdminOf(event);
	if (!admin) return unauthorized();
	const store = getRuntime().boardService.store;
	const raw = await readJsonBody(event.request);
	if (raw instanceof Response) return raw;
	const version = (raw as { version?: unknown } | null)?.version;
	if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
		return badRequest('send { "version": N } with the version to restore (a whole number ≥ 1)', 'version');
	}
	try {
		return json(versionBody(await store.rollback(event.params.id, version, admin.savedBy)));
	} catch (err) {
		if (!(err instanceof UnknownBoardVersion)) throw err;
		if (!store.get(event.params.id))
			return unknownBoard(
				event.params.id,
				store.list().map((v) => v.board.boardId)
			);
		return json({ error: 'not_found', message: err.message }, { status: 404 });
	}
};
