import type { BoardSetup, CentreSetup } from '../../shared/centre/setup';
import { DEFAULT_LAYOUT, DEFAULT_TILES, type BoardLayout } from '../../shared/boards/tiles';
import type { BoardDefinition } from './schema';

/**
 * The queues a board covers: its own list plus every queue of its teams, in that order, without
 * repeats. An empty result means every queue (a board naming neither queues nor teams).
 */
export function boardScope(board: Pick<BoardDefinition, 'queues' | 'teams'>, setup: CentreSetup): string[] {
	const ids = new Set(board.queues);
	for (const teamId of board.teams) {
		for (const queueId of setup.teams.find((t) => t.teamId === teamId)?.queues ?? []) ids.add(queueId);
	}
	return [...ids];
}

/** A set-up board as a stored board: the default tiles, owned by its team or the centre. */
export function boardFromSetup(board: BoardSetup, setup: CentreSetup): BoardDefinition {
	return {
		boardId: board.boardId,
		title: board.title,
		ownerTeamId: board.ownerTeamId ?? setup.centreId,
		queues: board.queues,
		teams: board.teams ?? [],
		pages: [{ tiles: [...DEFAULT_TILES] }],
		rotationSec: null,
		language: board.language,
		theme: 'dark',
		thresholds: {}
	};
}

/** What a TV lays out from. */
export function layoutOf(board: BoardDefinition): BoardLayout {
	return {
		pages: board.pages.map((p) => ({ tiles: [...p.tiles] })),
		rotationSec: board.pages.length > 1 ? board.rotationSec : null,
		theme: board.theme ?? DEFAULT_LAYOUT.theme
	};
}
