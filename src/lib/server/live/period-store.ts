import { KeptPeriods } from './kept-periods';

/**
 * Accumulators per period (a local day, a shift segment) and key (a queue), keeping only the newest
 * `kept` periods so memory stays bounded however long the process runs.
 */
export class PeriodStore<T> {
	readonly #create: () => T;
	readonly #periods: KeptPeriods<Map<string, T>>;
	/** Made once: a closure per write would be an allocation on the apply path. */
	readonly #newPeriod = (): Map<string, T> => new Map();

	constructor(kept: number, create: () => T) {
		this.#periods = new KeptPeriods(kept);
		this.#create = create;
	}

	get size(): number {
		return this.#periods.size;
	}

	/**
	 * The accumulator of `key` in the period starting at `periodStartMs`, created on first use; null for
	 * a period older than every one kept (KeptPeriods).
	 */
	entry(periodStartMs: number, key: string): T | null {
		const period = this.#periods.getOrCreate(periodStartMs, this.#newPeriod);
		if (!period) return null;
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
	periodsStartingIn(fromMs: number, toMs: number): Iterable<ReadonlyMap<string, T>> {
		return this.#periods.periodsStartingIn(fromMs, toMs);
	}
}
