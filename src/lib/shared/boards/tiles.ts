/**
 * The tile catalogue: every tile a board can show, by id. Shared by the board schema (server), the editor
 * and the wallboard, without zod, so the TV bundle stays small. Ids are stable: boards stored in Redis
 * name them, and TVs on an old bundle skip an id they do not know rather than failing.
 */
export const TILE_IDS = [
	'waiting',
	'longest-wait',
	'answer-rate',
	'answer-rate-15',
	'service-level',
	'abandoned',
	'asa',
	'aht',
	'agents-available',
	'agents-on-contact',
	'agents-wrap-up',
	'agents-not-ready',
	'vip-waiting',
	'repeat-rate',
	'csat',
	'trend-answer-rate',
	'trend-waiting',
	'queue-table',
	'alerts'
] as const;
export type TileId = (typeof TILE_IDS)[number];

export function isTileId(value: string): value is TileId {
	return (TILE_IDS as readonly string[]).includes(value);
}

/** How a tile is laid out: a figure in the grid, a chart two cells wide, or a band of its own. */
export type TileKind = 'figure' | 'chart' | 'table' | 'ticker';

export function tileKind(id: TileId): TileKind {
	if (id === 'queue-table') return 'table';
	if (id === 'alerts') return 'ticker';
	if (id.startsWith('trend-')) return 'chart';
	return 'figure';
}

/** What today's boards show when a board names no tiles: the whole-centre layout TVs have always had. */
export const DEFAULT_TILES: readonly TileId[] = [
	'waiting',
	'longest-wait',
	'answer-rate',
	'service-level',
	'abandoned',
	'asa',
	'aht',
	'agents-available',
	'agents-on-contact',
	'agents-wrap-up',
	'agents-not-ready',
	'queue-table',
	'alerts'
];

export const BOARD_THEMES = ['dark', 'light'] as const;
export type BoardTheme = (typeof BOARD_THEMES)[number];

/** A page of a board: the tiles shown together. */
export interface BoardPage {
	tiles: TileId[];
}

/** The part of a board a TV lays out from; sent in the board frame's `board.layout`. */
export interface BoardLayout {
	pages: BoardPage[];
	/** Seconds each page stays up when there are several; null shows the first page only. */
	rotationSec: number | null;
	theme: BoardTheme;
}

export const DEFAULT_LAYOUT: BoardLayout = {
	pages: [{ tiles: [...DEFAULT_TILES] }],
	rotationSec: null,
	theme: 'dark'
};
