import type { IntervalRow, IntervalSize } from './interval-row';

/**
 * Where interval rows live. One hash per interval, keyed by its size and start instant, one field per
 * queue, channel and the centre holding the whole row: a write replaces whole rows (HSET), so writing the
 * same interval twice, or from two replicas, leaves exactly one copy with the same content.
 *
 * Rows of an interval still running (`closed: false`) go to a second hash beside it, dropped when the
 * interval closes; a reader takes the closed row where there is one. So a process that stopped with an
 * interval open leaves no half-row that a later `fill` would have to respect.
 */
export interface HistoryStore {
	/**
	 * `replace` overwrites rows (the writer saw the whole interval); `fill` only adds rows not stored yet,
	 * for a writer that joined part-way and must not clobber a complete row with a partial one.
	 */
	write(rows: readonly IntervalRow[], mode: WriteMode): Promise<void>;
	/**
	 * Stored rows of the intervals of `size` starting at the given instants, in that order; with `fields`
	 * (row fields such as `q:orders-voice`, see rowField) only those rows are fetched.
	 */
	read(size: IntervalSize, startsMs: readonly number[], fields?: readonly string[]): Promise<IntervalRow[]>;
	close(): Promise<void>;
}

export type WriteMode = 'replace' | 'fill';

export const DAY_MS = 86_400_000;

/** Redis key of one interval's hash. Versioned so a change of row shape can live beside the old. */
export function intervalKey(prefix: string, size: IntervalSize, startMs: number): string {
	return `${prefix}:history:v1:i${size}:${startMs}`;
}

/** The hash of the rows of an interval still open. */
export function openIntervalKey(prefix: string, size: IntervalSize, startMs: number): string {
	return `${intervalKey(prefix, size, startMs)}:open`;
}

/** Rows grouped by the hash they go to, in first-seen order. */
export function groupByInterval(rows: readonly IntervalRow[]): Map<string, IntervalRow[]> {
	const groups = new Map<string, IntervalRow[]>();
	for (const row of rows) {
		const id = `${row.size}:${row.startMs}`;
		let group = groups.get(id);
		if (!group) {
			group = [];
			groups.set(id, group);
		}
		group.push(row);
	}
	return groups;
}
