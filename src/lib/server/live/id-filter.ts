/**
 * A counting filter over string ids: "certainly not held" or "perhaps held". It sits in front of a map
 * of hundreds of thousands of ids where most look-ups are for ids the map has never held (a new
 * contact's id, asked of the finished contacts): such a look-up in a map that size is several cache
 * misses (the table and the keys compared along its chain), a probe here one.
 *
 * One counter per slot of a table 8 or more times the ids held, so about one id in eight not held still
 * answers "perhaps". Counters stop at 255 and then never go down (a slot that crowded only costs a
 * look-up too many, never a wrong "not held").
 */
export class IdFilter {
	readonly #counts: Uint8Array;
	readonly #mask: number;

	/** For up to `capacity` ids held at once. */
	constructor(capacity: number) {
		let size = 1024;
		while (size < capacity * 8 && size < 2 ** 26) size *= 2;
		this.#counts = new Uint8Array(size);
		this.#mask = size - 1;
	}

	/**
	 * The id's hash, what add, remove and mayHold take: FNV-1a over its UTF-16 code units, its bits then
	 * mixed so that ids differing in their last characters (c1001, c1002) spread over the table.
	 */
	static hash(id: string): number {
		let h = 0x811c9dc5;
		for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
		h ^= h >>> 15;
		h = Math.imul(h, 0x2c1b3c6d);
		return (h ^ (h >>> 12)) >>> 0;
	}

	add(hash: number): void {
		const slot = hash & this.#mask;
		if (this.#counts[slot]! < 255) this.#counts[slot]!++;
	}

	/** Takes back one add of the same hash. */
	remove(hash: number): void {
		const slot = hash & this.#mask;
		const count = this.#counts[slot]!;
		if (count > 0 && count < 255) this.#counts[slot] = count - 1;
	}

	/** False when no id with this hash is held. */
	mayHold(hash: number): boolean {
		return this.#counts[hash & this.#mask] !== 0;
	}
}
