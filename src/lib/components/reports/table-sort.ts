/** Sorting of the report table: one column, up or down, empty figures always last. */

export type SortDirection = 'asc' | 'desc';

export interface SortState<K extends string> {
	key: K;
	direction: SortDirection;
}

/** A click on a header: the same column flips direction, a new one starts with its natural direction. */
export function nextSort<K extends string>(
	current: SortState<K>,
	key: K,
	firstDirection: SortDirection = 'asc'
): SortState<K> {
	if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
	return { key, direction: firstDirection };
}

/**
 * A sorted copy. Nulls (a rate with nothing offered) go last in both directions, since "worst first"
 * should list intervals that had a figure; ties keep time order so a sort is stable to read.
 */
export function sortRows<T extends { startMs: number }, K extends string>(
	rows: readonly T[],
	sort: SortState<K>,
	value: (row: T, key: K) => number | null
): T[] {
	const sign = sort.direction === 'asc' ? 1 : -1;
	return [...rows].sort((a, b) => {
		const va = value(a, sort.key);
		const vb = value(b, sort.key);
		if (va === null || vb === null) return va === vb ? a.startMs - b.startMs : va === null ? 1 : -1;
		return (va - vb) * sign || a.startMs - b.startMs;
	});
}
