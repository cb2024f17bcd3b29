/**
 * A hash table from string ids to slots of a column store (small non-negative integers), for the
 * bounded memories that hold hundreds of thousands of ids (finished contacts, customers' sightings).
 *
 * A Map with string keys compares a looked-up id with every key along its chain, and each of those keys
 * is a string somewhere in the heap: at that size, a cache miss per key compared, on every look-up,
 * insert and delete. Here the cells are pairs [hash, slot + 1] in one Int32Array, probed linearly, so a
 * look-up reads one or two adjacent cells and compares a key (the caller's column, by slot) only when
 * the whole 32-bit hash matches; an absent id is usually one cache miss. Deleting shifts the cells
 * after it back (no tombstones), so the table never fills with dead cells however long it runs.
 */
export class IdTable {
	/** Pairs [hash, slot + 1]; slot + 1 = 0 marks an empty cell. */
	#cells: Int32Array;
	#mask: number;
	#size = 0;

	constructor(expected = 512) {
		let cells = 16;
		while (cells < expected * 2) cells *= 2;
		this.#cells = new Int32Array(cells * 2);
		this.#mask = cells - 1;
	}

	/**
	 * The id's hash, what every method takes: FNV-1a over its UTF-16 code units, its bits then mixed so
	 * that ids differing in their last characters (c1001, c1002) land apart.
	 */
	static hash(id: string): number {
		let h = 0x811c9dc5;
		for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
		h ^= h >>> 15;
		h = Math.imul(h, 0x2c1b3c6d);
		return h ^ (h >>> 12);
	}

	get size(): number {
		return this.#size;
	}

	/** Empties the table (its cells stay allocated). */
	clear(): void {
		this.#cells.fill(0);
		this.#size = 0;
	}

	/** The cell of `id` (hash `hash`), checked against `keys[slot]`; -1 when the table does not hold it. */
	find(id: string, hash: number, keys: readonly (string | null | undefined)[]): number {
		const cells = this.#cells;
		const mask = this.#mask;
		for (let cell = hash & mask; ; cell = (cell + 1) & mask) {
			const stored = cells[2 * cell + 1]!;
			if (stored === 0) return -1;
			if (cells[2 * cell] === hash && keys[stored - 1] === id) return cell;
		}
	}

	/** The slot held in `cell` (from find). */
	slotAt(cell: number): number {
		return this.#cells[2 * cell + 1]! - 1;
	}

	/** Points `cell` (from find, with no insert or remove since) at another slot of the same id. */
	setSlotAt(cell: number, slot: number): void {
		this.#cells[2 * cell + 1] = slot + 1;
	}

	/** Adds an id the table does not hold (the caller looked, or knows). */
	insert(hash: number, slot: number): void {
		if ((this.#size + 1) * 2 > this.#mask + 1) this.#grow();
		this.#place(hash, slot + 1);
		this.#size++;
	}

	/** Removes the id of hash `hash` held at `slot`; false when the table does not hold it. */
	remove(hash: number, slot: number): boolean {
		const cells = this.#cells;
		const mask = this.#mask;
		for (let cell = hash & mask; ; cell = (cell + 1) & mask) {
			const stored = cells[2 * cell + 1]!;
			if (stored === 0) return false;
			if (stored === slot + 1) {
				this.removeAt(cell);
				return true;
			}
		}
	}

	/** Removes what `cell` (from find) holds, moving back the cells probed past it. */
	removeAt(cell: number): void {
		const cells = this.#cells;
		const mask = this.#mask;
		let hole = cell;
		for (let next = (hole + 1) & mask; cells[2 * next + 1] !== 0; next = (next + 1) & mask) {
			const home = cells[2 * next]! & mask;
			// The cell at `next` stays unless its home lies outside (hole, next], cyclically.
			const stays = hole <= next ? hole < home && home <= next : hole < home || home <= next;
			if (stays) continue;
			cells[2 * hole] = cells[2 * next]!;
			cells[2 * hole + 1] = cells[2 * next + 1]!;
			hole = next;
		}
		cells[2 * hole] = 0;
		cells[2 * hole + 1] = 0;
		this.#size--;
	}

	#place(hash: number, stored: number): void {
		const cells = this.#cells;
		const mask = this.#mask;
		let cell = hash & mask;
		while (cells[2 * cell + 1] !== 0) cell = (cell + 1) & mask;
		cells[2 * cell] = hash;
		cells[2 * cell + 1] = stored;
	}

	/** Twice the cells; each pair moved by its stored hash (no key is read). */
	#grow(): void {
		const old = this.#cells;
		this.#cells = new Int32Array(old.length * 2);
		this.#mask = old.length - 1;
		for (let i = 0; i < old.length; i += 2) if (old[i + 1] !== 0) this.#place(old[i]!, old[i + 1]!);
	}
}
