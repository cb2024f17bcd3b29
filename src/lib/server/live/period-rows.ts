import { AGENT_TOTAL_FIELDS } from '../../shared/metrics/agent-formulas';
import { KeptPeriods } from './kept-periods';

/**
 * Agent integrals of one period (a local day, a shift segment): a packed row in AGENT_TOTAL_FIELDS
 * order per dense index (an agent's position in the floor's list, or a team's in its registry).
 *
 * Rows in one typed array rather than an object per agent: an object's number fields are each a
 * separate heap number, so adding a closed piece to an agent's day and shift totals touched up to 18
 * scattered objects; a row is 64 contiguous bytes. Grown by doubling as agents or teams are added.
 */
export class PeriodRows {
	static readonly STRIDE = AGENT_TOTAL_FIELDS.length;
	readonly startMs: number;
	/** Packed rows; replaced when grown, so read it through the object, never keep it. */
	values: Float64Array;
	/** Per index: 1 once something was counted there (a team named by an accumulator). */
	present: Uint8Array;

	constructor(startMs: number, capacity: number) {
		this.startMs = startMs;
		this.values = new Float64Array(capacity * PeriodRows.STRIDE);
		this.present = new Uint8Array(capacity);
	}

	/** Rows held (every index below it reads, zero when nothing was counted). */
	get capacity(): number {
		return this.present.length;
	}

	/** Where the row of `index` starts in `values`, growing the rows to hold it and marking it present. */
	rowAt(index: number): number {
		if (index >= this.present.length) this.#grow(index + 1);
		this.present[index] = 1;
		return index * PeriodRows.STRIDE;
	}

	/** Whether anything was counted in the row of `index`. */
	has(index: number): boolean {
		return index < this.present.length && this.present[index] === 1;
	}

	#grow(minCapacity: number): void {
		const capacity = Math.max(minCapacity, this.present.length * 2, 64);
		const values = new Float64Array(capacity * PeriodRows.STRIDE);
		values.set(this.values);
		const present = new Uint8Array(capacity);
		present.set(this.present);
		this.values = values;
		this.present = present;
	}
}

/** PeriodRows per period start, keeping only the newest `kept` periods (KeptPeriods). */
export class PeriodTable {
	readonly #periods: KeptPeriods<PeriodRows>;
	/** As many rows as the largest period held: a new day or segment seldom has to grow. */
	readonly #newRows = (startMs: number): PeriodRows => {
		let capacity = 64;
		for (const rows of this.#periods.values()) capacity = Math.max(capacity, rows.capacity);
		return new PeriodRows(startMs, capacity);
	};

	constructor(kept: number) {
		this.#periods = new KeptPeriods(kept);
	}

	get size(): number {
		return this.#periods.size;
	}

	/** The rows of the period starting at `periodStartMs`, created on first use; null for a period older than every one kept. */
	rows(periodStartMs: number): PeriodRows | null {
		return this.#periods.getOrCreate(periodStartMs, this.#newRows);
	}

	period(periodStartMs: number): PeriodRows | undefined {
		return this.#periods.get(periodStartMs);
	}

	/** The periods starting in [fromMs, toMs], in no particular order. */
	periodsStartingIn(fromMs: number, toMs: number): Iterable<PeriodRows> {
		return this.#periods.periodsStartingIn(fromMs, toMs);
	}
}
