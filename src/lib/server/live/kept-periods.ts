/**
 * Periods (local days, shift segments) by start, keeping only the newest `kept`, so memory stays
 * bounded however long the process runs. What the period holds is the caller's: a map of queue
 * counters (PeriodStore), the agent and team rows (PeriodTable).
 */
export class KeptPeriods<P> {
	readonly kept: number;
	readonly #periods = new Map<number, P>();
	/** The period last asked for: nearly every write is to the current one, so no look-up by a float key. */
	#lastStartMs = Number.NaN;
	#last: P | undefined;

	constructor(kept: number) {
		this.kept = kept;
	}

	get size(): number {
		return this.#periods.size;
	}

	/**
	 * The period starting at `startMs`, made by `create` on first use (it may look at the periods held).
	 * A new period pushes out the oldest once `kept` are held; a period older than every one kept gets
	 * null: no window shows it any more.
	 */
	getOrCreate(startMs: number, create: (startMs: number) => P): P | null {
		if (startMs === this.#lastStartMs) return this.#last!;
		let period = this.#periods.get(startMs);
		if (period === undefined) {
			let oldestMs = Number.POSITIVE_INFINITY;
			if (this.#periods.size >= this.kept) {
				for (const heldMs of this.#periods.keys()) oldestMs = Math.min(oldestMs, heldMs);
				if (startMs < oldestMs) return null;
			}
			period = create(startMs);
			if (this.#periods.size >= this.kept) this.#periods.delete(oldestMs);
			this.#periods.set(startMs, period);
		}
		this.#lastStartMs = startMs;
		this.#last = period;
		return period;
	}

	get(startMs: number): P | undefined {
		return this.#periods.get(startMs);
	}

	values(): IterableIterator<P> {
		return this.#periods.values();
	}

	/** The periods starting in [fromMs, toMs], in no particular order. */
	*periodsStartingIn(fromMs: number, toMs: number): Iterable<P> {
		for (const [startMs, period] of this.#periods) if (startMs >= fromMs && startMs <= toMs) yield period;
	}
}
