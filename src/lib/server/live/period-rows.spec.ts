import { describe, expect, it } from 'vitest';
import { PeriodRows, PeriodTable } from './period-rows';
import { TeamIndex } from './team-index';

const DAY_MS = 86_400_000;

describe('PeriodRows', () => {
	it('keeps a row per index, zero and absent until something is counted there', () => {
		const rows = new PeriodRows(0, 2);
		expect(rows.has(1)).toBe(false);
		rows.values[rows.rowAt(1) + 2]! += 5;
		expect(rows.has(1)).toBe(true);
		expect(rows.has(0)).toBe(false);
		expect(Array.from(rows.values.subarray(PeriodRows.STRIDE, 2 * PeriodRows.STRIDE))).toEqual([
			0, 0, 5, 0, 0, 0, 0, 0
		]);
	});

	it('grows to hold a new index and keeps what was counted', () => {
		const rows = new PeriodRows(0, 1);
		rows.values[rows.rowAt(0)] = 7;
		const at = rows.rowAt(100);
		expect(rows.capacity).toBeGreaterThanOrEqual(101);
		expect(at).toBe(100 * PeriodRows.STRIDE);
		expect(rows.values[0]).toBe(7);
		expect(rows.has(0) && rows.has(100) && !rows.has(50)).toBe(true);
		expect(rows.has(10_000)).toBe(false);
	});
});

describe('PeriodTable', () => {
	it('creates a period on first use and returns the same rows after', () => {
		const table = new PeriodTable(3);
		const today = table.rows(DAY_MS)!;
		expect(table.rows(DAY_MS)).toBe(today);
		expect(table.period(DAY_MS)).toBe(today);
		expect(table.period(2 * DAY_MS)).toBeUndefined();
	});

	it('keeps the newest `kept` periods: a new one pushes out the oldest, an older one gets null', () => {
		const table = new PeriodTable(2);
		const first = table.rows(DAY_MS)!;
		table.rows(2 * DAY_MS);
		table.rows(3 * DAY_MS);
		expect(table.size).toBe(2);
		expect(table.period(DAY_MS)).toBeUndefined();
		expect(table.rows(DAY_MS)).toBeNull();
		expect(table.rows(DAY_MS)).not.toBe(first);
	});

	it('starts a new period with as many rows as the largest held', () => {
		const table = new PeriodTable(3);
		table.rows(DAY_MS)!.rowAt(24_999);
		expect(table.rows(2 * DAY_MS)!.capacity).toBeGreaterThanOrEqual(25_000);
	});

	it('lists the periods starting in a range', () => {
		const table = new PeriodTable(4);
		for (const day of [1, 2, 3]) table.rows(day * DAY_MS);
		const starts = [...table.periodsStartingIn(2 * DAY_MS, 3 * DAY_MS)].map((p) => p.startMs).sort();
		expect(starts).toEqual([2 * DAY_MS, 3 * DAY_MS]);
	});
});

describe('TeamIndex', () => {
	it('numbers teams in the order first seen, once each', () => {
		const teams = new TeamIndex();
		expect([teams.of('t2'), teams.of('t1'), teams.of('t2'), teams.of('')]).toEqual([0, 1, 0, 2]);
		expect(teams.ids).toEqual(['t2', 't1', '']);
	});
});
