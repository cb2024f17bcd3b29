import {
	BOARD_THEMES,
	DEFAULT_LAYOUT,
	isTileId,
	tileKind,
	type BoardLayout,
	type BoardTheme,
	type TileId
} from '$lib/shared/boards/tiles';
import type { BoardInfo } from '$lib/shared/protocol/frames';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * The layout a board frame asks for, made safe to render: unknown tile ids (a newer server's tiles on
 * an old bundle) are skipped, empty pages dropped; without a usable layout, the default one.
 */
export function layoutFrom(info: BoardInfo): BoardLayout {
	const raw: unknown = info.layout;
	if (!isObj(raw) || !Array.isArray(raw.pages)) return DEFAULT_LAYOUT;
	const pages = raw.pages.flatMap((page: unknown) => {
		if (!isObj(page) || !Array.isArray(page.tiles)) return [];
		const tiles = [...new Set(page.tiles.filter((t): t is TileId => typeof t === 'string' && isTileId(t)))];
		return tiles.length ? [{ tiles }] : [];
	});
	if (pages.length === 0) return DEFAULT_LAYOUT;
	const rotation = raw.rotationSec;
	const theme = (BOARD_THEMES as readonly unknown[]).includes(raw.theme) ? (raw.theme as BoardTheme) : 'dark';
	return {
		pages,
		rotationSec: typeof rotation === 'number' && rotation >= 5 && pages.length > 1 ? rotation : null,
		theme
	};
}

/**
 * The page shown at `nowMs`. Pages turn on the clock, not on page load, so every TV showing the board
 * shows the same page at the same time.
 */
export function pageIndexAt(layout: BoardLayout, nowMs: number): number {
	if (layout.rotationSec === null || layout.pages.length < 2) return 0;
	return Math.floor(nowMs / (layout.rotationSec * 1000)) % layout.pages.length;
}

/** `?theme=light|dark` wins over the board's own setting, so one TV in a bright room can differ. */
export function themeOf(param: string | null, layout: BoardLayout): BoardTheme {
	return param === 'light' || param === 'dark' ? param : layout.theme;
}

export interface GridCell {
	id: TileId;
	/** Columns taken: charts take two. */
	span: number;
}

export interface GridRow {
	cells: GridCell[];
	/** Columns of the row: the sum of its cells' spans. */
	columns: number;
	/** The first row of a board with a queue table: its tiles are drawn larger. */
	primary: boolean;
}

export interface Arrangement {
	rows: GridRow[];
	table: boolean;
	ticker: boolean;
}

/** A figure tile reads best about this much wider than tall; charts twice that. */
const CELL_ASPECT = 1.5;
/** Above a queue table: at most this many tiles in the first, larger row. */
const PRIMARY_ROW_TILES = 4;

/**
 * Places a page's tiles. The queue table and the alert ticker are bands of their own; the rest go in
 * rows. With a table, the first four tiles form a larger first row and the rest a second (the table
 * takes the remaining height). Without one, the rows and columns are chosen so the smallest tile is as
 * large as the screen (`width` ÷ `height`) allows.
 */
export function arrange(tiles: readonly TileId[], aspect = 16 / 9): Arrangement {
	const cells: GridCell[] = [];
	let table = false;
	let ticker = false;
	for (const id of tiles) {
		const kind = tileKind(id);
		if (kind === 'table') table = true;
		else if (kind === 'ticker') ticker = true;
		else cells.push({ id, span: kind === 'chart' ? 2 : 1 });
	}
	if (cells.length === 0) return { rows: [], table, ticker };
	if (table) {
		const first = cells.slice(0, PRIMARY_ROW_TILES);
		const rest = cells.slice(PRIMARY_ROW_TILES);
		const rows = [row(first, rest.length > 0)];
		if (rest.length) rows.push(row(rest, false));
		return { rows, table, ticker };
	}
	const units = cells.reduce((n, c) => n + c.span, 0);
	let best = { rows: 1, score: -1 };
	for (let r = 1; r <= Math.min(4, cells.length); r++) {
		const cols = Math.ceil(units / r);
		// Cell size in screen heights: width share ÷ aspect wanted, against height share.
		// Holes in the last row cost twice: a ragged grid reads as a broken one from across the room.
		const fill = units / (cols * r);
		const score = Math.min(aspect / cols / CELL_ASPECT, 1 / r) * fill * fill;
		if (score > best.score + 1e-9) best = { rows: r, score };
	}
	return { rows: splitRows(cells, best.rows), table, ticker };
}

function row(cells: GridCell[], primary: boolean): GridRow {
	return { cells, columns: cells.reduce((n, c) => n + c.span, 0), primary };
}

/** Splits cells into `count` rows of as even a width as their order allows. */
function splitRows(cells: GridCell[], count: number): GridRow[] {
	const units = cells.reduce((n, c) => n + c.span, 0);
	const rows: GridRow[] = [];
	let current: GridCell[] = [];
	let used = 0;
	let done = 0;
	for (const cell of cells) {
		const left = count - rows.length;
		const target = (units - done) / left;
		if (current.length && used + cell.span > Math.ceil(target) && left > 1) {
			rows.push(row(current, false));
			done += used;
			current = [];
			used = 0;
		}
		current.push(cell);
		used += cell.span;
	}
	if (current.length) rows.push(row(current, false));
	return rows;
}
