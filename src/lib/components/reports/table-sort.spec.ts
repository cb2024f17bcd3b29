import { describe, expect, it } from 'vitest';
import { nextSort, sortRows } from './table-sort';

const rows = [
	{ startMs: 1, rate: 0.9 },
	{ startMs: 2, rate: null },
	{ startMs: 3, rate: 0.5 },
	{ startMs: 4, rate: 0.9 }
];
const value = (row: (typeof rows)[number], _key: 'rate') => row.rate;

describe('sortRows', () => {
	it('sorts up and down with empty figures last both ways', () => {
		expect(sortRows(rows, { key: 'rate', direction: 'asc' }, value).map((r) => r.startMs)).toEqual([
			3, 1, 4, 2
		]);
		expect(sortRows(rows, { key: 'rate', direction: 'desc' }, value).map((r) => r.startMs)).toEqual([
			1, 4, 3, 2
		]);
	});

	it('keeps time order among equal values and leaves its input alone', () => {
		const copy = [...rows];
		sortRows(rows, { key: 'rate', direction: 'desc' }, value);
		expect(rows).toEqual(copy);
	});
});

describe('nextSort', () => {
	it('flips the direction on the same column and starts a new column with its first direction', () => {
		expect(nextSort({ key: 'time', direction: 'asc' }, 'time')).toEqual({ key: 'time', direction: 'desc' });
		expect(nextSort<'time' | 'gap'>({ key: 'time', direction: 'asc' }, 'gap', 'desc')).toEqual({
			key: 'gap',
			direction: 'desc'
		});
	});
});
