import { json } from '@sveltejs/kit';
import type { BoardIssue } from './schema';
import { describeBoardIssues } from './schema';
import type { BoardVersion } from './versions';

export function unauthorized(): Response {
	return json(
		{ error: 'unauthorized', message: 'send Authorization: Bearer <token> with one of the API_TOKENS' },
		{ status: 401, headers: { 'www-authenticate': 'Bearer' } }
	);
}

/** A 400 naming every field to fix, the first as `parameter` like the API's other 400s. */
export function invalidBoard(issues: BoardIssue[]): Response {
	return json(
		{
			error: 'bad_request',
			message: describeBoardIssues(issues),
			parameter: issues[0]?.field ?? 'body',
			issues
		},
		{ status: 400 }
	);
}

export function unknownBoard(boardId: string, known: string[]): Response {
	return json(
		{ error: 'not_found', message: `no board "${boardId}"; boards are: ${known.join(', ')}` },
		{ status: 404 }
	);
}

export function conflict(message: string): Response {
	return json({ error: 'conflict', message }, { status: 409 });
}

/** A version as the API shows it. */
export function versionBody(v: BoardVersion) {
	return {
		boardId: v.board.boardId,
		version: v.version,
		savedAtMs: v.savedAtMs,
		savedBy: v.savedBy,
		restoredFrom: v.restoredFrom,
		board: v.board
	};
}
