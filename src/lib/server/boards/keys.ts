/** Redis names of the boards (docs/api.md "Boards"). */
export function boardKeys(prefix: string) {
	return {
		/** Hash: boardId → JSON BoardVersion, the version every TV shows. */
		heads: `${prefix}:boards`,
		/** Hash per board: version number → JSON BoardVersion, every version ever saved. */
		versions: (boardId: string) => `${prefix}:boards.versions:${boardId}`,
		/** Pub/sub: `{ "boardId": … }` per change, so every replica re-reads that board. */
		changed: `${prefix}:boards.changed`
	} as const;
}
export type BoardKeys = ReturnType<typeof boardKeys>;

/** What a boards.changed message says; the receiver re-reads Redis, never trusts the message. */
export function parseBoardChange(message: string): string | null {
	try {
		const v = JSON.parse(message) as Record<string, unknown>;
		return typeof v.boardId === 'string' ? v.boardId : null;
	} catch {
		return null;
	}
}
