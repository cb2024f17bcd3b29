/**
 * Slot numbers for a bounded memory kept in columns (typed arrays and plain arrays indexed by slot):
 * fresh slots while fewer than `limit` are in use, then the oldest slot again and again, so the memory
 * forgets its oldest entry by overwriting it. The columns grow with `grownTo` as fresh slots are taken.
 */
export class SlotRing {
	readonly limit: number;
	#used = 0;
	#oldest = 0;

	constructor(limit: number) {
		if (!Number.isInteger(limit) || limit < 1)
			throw new RangeError('a bounded memory holds at least 1 entry');
		this.limit = limit;
	}

	/** Slots taken so far (at most `limit`). */
	get used(): number {
		return this.#used;
	}

	/** Whether the next slot taken is the oldest one, whose entry is to be forgotten. */
	get full(): boolean {
		return this.#used === this.limit;
	}

	take(): number {
		if (this.#used < this.limit) return this.#used++;
		const slot = this.#oldest;
		this.#oldest = (slot + 1) % this.limit;
		return slot;
	}

	/** The slot `age` places after the oldest (0: the oldest). */
	slotAt(age: number): number {
		return this.full ? (this.#oldest + age) % this.limit : age;
	}
}

/** A column grown to hold `capacity` slots (at most the ring's limit), keeping what it held. */
export function grownTo<T extends Float64Array | Int32Array | Uint8Array>(column: T, capacity: number): T {
	const grown = new (column.constructor as new (length: number) => T)(capacity);
	grown.set(column);
	return grown;
}
