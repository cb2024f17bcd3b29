import { IdTable } from './id-table';

/**
 * A map from string ids to values over an IdTable, for the floor's open contacts: looked up several
 * times per contact event, where a Map's chain compares (each key a string elsewhere in the heap) were
 * the largest single cost of applying an event. Values sit in columns by slot, slots of deleted entries
 * are reused, and iteration runs in slot order (deterministic: it depends on the events applied alone).
 */
export class IdMap<T> implements Iterable<[string, T]> {
	readonly #table = new IdTable();
	readonly #keys: (string | undefined)[] = [];
	readonly #values: (T | undefined)[] = [];
	readonly #free: number[] = [];

	get size(): number {
		return this.#table.size;
	}

	get(id: string): T | undefined {
		const cell = this.#table.find(id, IdTable.hash(id), this.#keys);
		return cell < 0 ? undefined : this.#values[this.#table.slotAt(cell)];
	}

	has(id: string): boolean {
		return this.#table.find(id, IdTable.hash(id), this.#keys) >= 0;
	}

	set(id: string, value: T): this {
		const hash = IdTable.hash(id);
		const cell = this.#table.find(id, hash, this.#keys);
		if (cell >= 0) {
			this.#values[this.#table.slotAt(cell)] = value;
			return this;
		}
		const slot = this.#free.pop() ?? this.#keys.length;
		this.#keys[slot] = id;
		this.#values[slot] = value;
		this.#table.insert(hash, slot);
		return this;
	}

	delete(id: string): boolean {
		const cell = this.#table.find(id, IdTable.hash(id), this.#keys);
		if (cell < 0) return false;
		const slot = this.#table.slotAt(cell);
		this.#table.removeAt(cell);
		this.#keys[slot] = undefined;
		this.#values[slot] = undefined;
		this.#free.push(slot);
		return true;
	}

	clear(): void {
		this.#table.clear();
		this.#keys.length = 0;
		this.#values.length = 0;
		this.#free.length = 0;
	}

	*entries(): IterableIterator<[string, T]> {
		for (let slot = 0; slot < this.#keys.length; slot++) {
			const id = this.#keys[slot];
			if (id !== undefined) yield [id, this.#values[slot]!];
		}
	}

	*keys(): IterableIterator<string> {
		for (const [id] of this.entries()) yield id;
	}

	*values(): IterableIterator<T> {
		for (const [, value] of this.entries()) yield value;
	}

	[Symbol.iterator](): IterableIterator<[string, T]> {
		return this.entries();
	}
}
