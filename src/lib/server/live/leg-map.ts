import type { Leg } from './floor-state';

/**
 * A contact's legs by agent, or an agent's legs by contact: one nearly always (a chat agent's few, a
 * transferred contact's earlier legs), read and changed on every contact event.
 *
 * Not a Map: a Map is two objects (the map and its table), and removing its last entry replaces the
 * table, so an agent's was reallocated at every wrap-up and its next look-up was a cache miss. Here the
 * first leg sits in a field of this one object and the others in a list that is only ever appended to
 * or shifted within, never shortened, so nothing is reallocated as legs come and go.
 *
 * Iterate with `size` and `at(i)` (no iterator object per pass, for loops over 25,000 agents), or
 * `values()` for a copy, which callers that remove legs on the way walk.
 */
export class LegMap implements Iterable<[string, Leg]> {
	/** True: keyed by the leg's agent (a contact's legs); false: by its contact (an agent's). */
	readonly #byAgent: boolean;
	#first: Leg | null = null;
	/** The legs after the first, in `#rest[0 … #restCount)`; the slots after them are null. */
	#rest: (Leg | null)[] | null = null;
	#restCount = 0;

	constructor(keyedBy: 'agentId' | 'contactId') {
		this.#byAgent = keyedBy === 'agentId';
	}

	get size(): number {
		return this.#first === null ? 0 : 1 + this.#restCount;
	}

	/** The leg at position `i` (0 ≤ i < size), in the order added. */
	at(i: number): Leg {
		return (i === 0 ? this.#first : this.#rest![i - 1])!;
	}

	get(key: string): Leg | undefined {
		const i = this.#indexOf(key);
		return i < 0 ? undefined : this.at(i);
	}

	has(key: string): boolean {
		return this.#indexOf(key) >= 0;
	}

	/** Adds the leg, or puts it in place of the leg with the same key. */
	add(leg: Leg): void {
		const i = this.#indexOf(this.#keyOf(leg));
		if (i === 0 || this.#first === null) this.#first = leg;
		else if (i > 0) this.#rest![i - 1] = leg;
		else {
			const rest = (this.#rest ??= []);
			if (this.#restCount < rest.length) rest[this.#restCount] = leg;
			else rest.push(leg);
			this.#restCount++;
		}
	}

	delete(key: string): boolean {
		const i = this.#indexOf(key);
		if (i < 0) return false;
		const rest = this.#rest;
		if (i === 0) {
			if (this.#restCount === 0) {
				this.#first = null;
				return true;
			}
			this.#first = rest![0]!;
		}
		// Shift the later legs down over the one removed (from rest[0] when the first moved up).
		for (let k = Math.max(0, i - 1); k < this.#restCount - 1; k++) rest![k] = rest![k + 1]!;
		rest![--this.#restCount] = null;
		return true;
	}

	clear(): void {
		this.#first = null;
		if (this.#rest) this.#rest.fill(null);
		this.#restCount = 0;
	}

	/** A copy of the legs, in the order added. */
	values(): Leg[] {
		const out: Leg[] = [];
		for (let i = 0; i < this.size; i++) out.push(this.at(i));
		return out;
	}

	*[Symbol.iterator](): IterableIterator<[string, Leg]> {
		for (const leg of this.values()) yield [this.#keyOf(leg), leg];
	}

	#keyOf(leg: Leg): string {
		return this.#byAgent ? leg.agentId : leg.contactId;
	}

	#indexOf(key: string): number {
		const first = this.#first;
		if (first === null) return -1;
		if (this.#keyOf(first) === key) return 0;
		for (let k = 0; k < this.#restCount; k++) if (this.#keyOf(this.#rest![k]!) === key) return k + 1;
		return -1;
	}
}
