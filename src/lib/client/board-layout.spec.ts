import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT, type TileId } from '$lib/shared/boards/tiles';
import type { BoardInfo } from '$lib/shared/protocol/frames';
import { arrange, layoutFrom, pageIndexAt, themeOf } from './board-layout';

const info = (layout: unknown): BoardInfo =>
	({
		boardId: 'b',
		title: { 'zh-CN': 'b' },
		language: 'zh-CN',
		queueIds: [],
		timeZone: 'UTC',
		layout
	}) as BoardInfo;

const shape = (tiles: TileId[], aspect?: number) =>
	arrange(tiles, aspect).rows.map((r) => r.cells.map((c) => c.id).length);

describe('layoutFrom', () => {
	it('uses the default layout for a board frame from an older server', () => {
		expect(layoutFrom(info(undefined))).toBe(DEFAULT_LAYOUT);
	});

	it('skips tiles this bundle does not know instead of failing', () => {
		const layout = layoutFrom(info({ pages: [{ tiles: ['waiting', 'hologram'] }], theme: 'light' }));
		expect(layout.pages).toEqual([{ tiles: ['waiting'] }]);
		expect(layout.theme).toBe('light');
	});

	it('rotates only with several pages and a sane interval', () => {
		expect(layoutFrom(info({ pages: [{ tiles: ['waiting'] }], rotationSec: 10 })).rotationSec).toBeNull();
		expect(
			layoutFrom(info({ pages: [{ tiles: ['waiting'] }, { tiles: ['asa'] }], rotationSec: 1 })).rotationSec
		).toBeNull();
	});
});

describe('pageIndexAt', () => {
	it('turns pages on the clock so every TV shows the same page', () => {
		const layout = layoutFrom(info({ pages: [{ tiles: ['waiting'] }, { tiles: ['asa'] }], rotationSec: 10 }));
		expect([0, 9_999, 10_000, 20_000].map((t) => pageIndexAt(layout, t))).toEqual([0, 0, 1, 0]);
	});
});

describe('themeOf', () => {
	it('lets ?theme= win over the board setting', () => {
		expect(themeOf('light', DEFAULT_LAYOUT)).toBe('light');
		expect(themeOf('pink', DEFAULT_LAYOUT)).toBe('dark');
	});
});

describe('arrange', () => {
	it('puts four larger tiles above a queue table and the rest in a second row', () => {
		const result = arrange([...DEFAULT_LAYOUT.pages[0]!.tiles]);
		expect(result.table && result.ticker).toBe(true);
		expect(result.rows.map((r) => [r.cells.length, r.primary])).toEqual([
			[4, true],
			[7, false]
		]);
	});

	it.each([
		[['waiting', 'asa', 'aht'] as TileId[], [3]],
		[
			[
				'waiting',
				'asa',
				'aht',
				'abandoned',
				'csat',
				'repeat-rate',
				'vip-waiting',
				'agents-available'
			] as TileId[],
			[4, 4]
		]
	])('fills a 16:9 screen with %j as rows of %j', (tiles, rows) => {
		expect(shape(tiles)).toEqual(rows);
	});

	it('gives charts two columns', () => {
		const result = arrange(['trend-answer-rate', 'trend-waiting', 'waiting', 'answer-rate']);
		expect(result.rows.flatMap((r) => r.cells.map((c) => c.span))).toEqual([2, 2, 1, 1]);
		expect(result.rows.every((r) => r.columns === r.cells.reduce((n, c) => n + c.span, 0))).toBe(true);
	});
});
