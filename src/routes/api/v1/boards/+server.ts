import { json } from '@sveltejs/kit';
import { boardAdminOf } from '$lib/server/boards/guard';
import { unauthorized, versionBody } from '$lib/server/boards/http';
import { getRuntime } from '$lib/server/runtime/runtime';
import type { RequestHandler } from './$types';

/** Every board's current version. See docs/api.md "Boards". */
export const GET: RequestHandler = (event) => {
	if (!boardAdminOf(event)) return unauthorized();
	return json({ boards: getRuntime().boardService.store.list().map(versionBody) });
};
