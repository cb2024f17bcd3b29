/**
 * Accumulators per period (a local day, a shift segment) and key (a queue, an agent, a team), keeping
 * only the newest `kept` periods so memory stays bounded however long the process runs.
 */
export class PeriodStore<T> {
	readonly kept: number;
	readonly #create: () => T;
	readonly #periods = new Map<number, Map<string, T>>();
	#lastStartMs = Number.NaN;
	#last: Map<string, T> | undefined;

	constructor(kept: number, create: () => T) {
		this.kept = kept;
		this.#create = create;
	}

	get size(): number {
		return this.#periods.size;
	}

	/**
	 * The accumulator of `key` in the period starting at `periodStartMs`, created on first use. A new
	 * period pushes out the oldest once `kept` are held; a period older than every one kept gets null:
	 * it is shown by no window any more.
	 */
	entry(periodStartMs: number, key: string): T | null {
		// Nearly every write is to the current period: skip the lookup by a large float key then.
		let period = periodStartMs === this.#lastStartMs ? this.#last : this.#periods.get(periodStartMs);
		if (!period) {
			if (this.#periods.size >= this.kept) {
				const oldest = Math.min(...this.#periods.keys());
				if (periodStartMs < oldest) return null;
				this.#periods.delete(oldest);
			}
			period = new Map();
			this.#periods.set(periodStartMs, period);
		}
		this.#lastStartMs = periodStartMs;
		this.#last = period;
		let value = period.get(key);
		if (value === undefined) {
			value = this.#create();
			period.set(key, value);
		}
		return value;
	}

	period(periodStartMs: number): ReadonlyMap<string, T> | undefined {
		return this.#periods.get(periodStartMs);
	}

	/** The periods starting in [fromMs, toMs], in no particular order. */
	*periodsStartingIn(fromMs: number, toMs: number): Iterable<ReadonlyMap<string, T>> {
		for (const [startMs, period] of this.#periods) if (startMs >= fromMs && startMs <= toMs) yield period;
	}
}
