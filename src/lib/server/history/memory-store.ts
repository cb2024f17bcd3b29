import { rowField, type IntervalRow, type IntervalSize } from './interval-row';
import type { HistoryStore, WriteMode } from './store';

interface StoredInterval {
	closed: Map<string, string>;
	open: Map<string, string>;
}

/**
 * The in-process store of the embedded mode with the semantics of the Redis one (whole rows per field,
 * `fill` never overwrites a closed row, open rows apart and dropped at close, nothing past retention),
 * kept as JSON so readers get copies, as from Redis.
 */
export class MemoryHistoryStore implements HistoryStore {
	readonly #intervals = new Map<string, StoredInterval>();
	readonly #retentionMs: number;
	readonly #clock: () => number;

	constructor(options: { retentionMs: number; clock?: () => number }) {
		this.#retentionMs = options.retentionMs;
		this.#clock = options.clock ?? Date.now;
	}

	async write(rows: readonly IntervalRow[], mode: WriteMode): Promise<void> {
		const oldestMs = this.#clock() - this.#retentionMs;
		for (const row of rows) {
			if (row.startMs < oldestMs) continue;
			const id = `${row.size}:${row.startMs}`;
			let stored = this.#intervals.get(id);
			if (!stored) {
				stored = { closed: new Map(), open: new Map() };
				this.#intervals.set(id, stored);
			}
			const field = rowField(row);
			if (!row.closed) {
				stored.open.set(field, JSON.stringify(row));
				continue;
			}
			stored.open.clear();
			if (mode === 'fill' && stored.closed.has(field)) continue;
			stored.closed.set(field, JSON.stringify(row));
		}
		this.#prune(oldestMs);
	}

	async read(
		size: IntervalSize,
		startsMs: readonly number[],
		fields?: readonly string[]
	): Promise<IntervalRow[]> {
		const wanted = fields ? new Set(fields) : null;
		const oldestMs = this.#clock() - this.#retentionMs;
		const rows: IntervalRow[] = [];
		for (const startMs of startsMs) {
			const stored = this.#intervals.get(`${size}:${startMs}`);
			if (!stored || startMs < oldestMs) continue;
			const merged = new Map([...stored.open, ...stored.closed]);
			for (const [field, json] of merged)
				if (!wanted || wanted.has(field)) rows.push(JSON.parse(json) as IntervalRow);
		}
		return rows;
	}

	async close(): Promise<void> {}

	#prune(oldestMs: number): void {
		for (const id of this.#intervals.keys()) {
			if (Number(id.slice(id.indexOf(':') + 1)) < oldestMs) this.#intervals.delete(id);
		}
	}
}
