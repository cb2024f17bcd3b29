import { z } from 'zod';
import { BoardDefinition } from './schema';

/** One saved state of a board. Versions count up from 1 and are never rewritten; a rollback adds one. */
export const BoardVersion = z.object({
	v: z.literal(1),
	version: z.number().int().positive(),
	board: BoardDefinition,
	savedAtMs: z.number().int(),
	/** Who saved it: a user name, `api`, or `setup` for the seed. */
	savedBy: z.string().min(1).max(100),
	/** Set on a rollback: the version whose content this one restores. */
	restoredFrom: z.number().int().positive().nullable().default(null)
});
export type BoardVersion = z.infer<typeof BoardVersion>;

export interface SaveMeta {
	savedBy: string;
	nowMs: number;
}

/** Thrown when a save names the version it edited and the board has moved on since (another editor). */
export class BoardVersionConflict extends Error {
	constructor(
		readonly boardId: string,
		readonly expected: number,
		readonly actual: number
	) {
		super(
			`board "${boardId}" is at version ${actual}, not ${expected}: reload it and apply your change again`
		);
	}
}

export class UnknownBoardVersion extends Error {
	constructor(
		readonly boardId: string,
		readonly version: number
	) {
		super(`board "${boardId}" has no version ${version}`);
	}
}

/** The version a save creates on top of `head` (null for a new board). */
export function nextVersion(
	head: BoardVersion | null,
	board: BoardDefinition,
	meta: SaveMeta,
	baseVersion?: number
): BoardVersion {
	const current = head?.version ?? 0;
	if (baseVersion !== undefined && baseVersion !== current) {
		throw new BoardVersionConflict(board.boardId, baseVersion, current);
	}
	return {
		v: 1,
		version: current + 1,
		board,
		savedAtMs: meta.nowMs,
		savedBy: meta.savedBy,
		restoredFrom: null
	};
}

/** A rollback: the old version's content saved again as the newest, so the history stays whole. */
export function rollbackVersion(head: BoardVersion, target: BoardVersion, meta: SaveMeta): BoardVersion {
	return { ...nextVersion(head, target.board, meta), restoredFrom: target.version };
}

/** Reads a stored version; null for a record that no longer validates (logged and skipped by the store). */
export function parseVersion(text: string): BoardVersion | null {
	try {
		const parsed = BoardVersion.safeParse(JSON.parse(text));
		return parsed.success ? parsed.data : null;
	} catch {
		return null;
	}
}

/** Newest first, as the editor lists them. */
export function sortVersions(versions: readonly BoardVersion[]): BoardVersion[] {
	return [...versions].sort((a, b) => b.version - a.version);
}
