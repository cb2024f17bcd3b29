export interface Timer {
	atMs: number;
	/** Insertion order: timers due at the same millisecond run in the order they were set. */
	order: number;
	run: () => void;
}

/** Binary min-heap of timers by (atMs, order), so the simulation pops work in time order in O(log n). */
export class TimerHeap {
	#items: Timer[] = [];
	#order = 0;

	get size(): number {
		return this.#items.length;
	}

	push(atMs: number, run: () => void): void {
		const items = this.#items;
		items.push({ atMs, order: this.#order++, run });
		let i = items.length - 1;
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (!before(items[i] as Timer, items[parent] as Timer)) break;
			swap(items, i, parent);
			i = parent;
		}
	}

	/** Due time of the next timer, Infinity when none is set. */
	peekAtMs(): number {
		return this.#items[0]?.atMs ?? Infinity;
	}

	pop(): Timer | undefined {
		const items = this.#items;
		const top = items[0];
		const last = items.pop();
		if (top === undefined || last === undefined || items.length === 0) return top;
		items[0] = last;
		let i = 0;
		for (;;) {
			const left = 2 * i + 1;
			const right = left + 1;
			let smallest = i;
			if (left < items.length && before(items[left] as Timer, items[smallest] as Timer)) smallest = left;
			if (right < items.length && before(items[right] as Timer, items[smallest] as Timer)) smallest = right;
			if (smallest === i) break;
			swap(items, i, smallest);
			i = smallest;
		}
		return top;
	}
}

function before(a: Timer, b: Timer): boolean {
	return a.atMs < b.atMs || (a.atMs === b.atMs && a.order < b.order);
}

function swap(items: Timer[], i: number, j: number): void {
	const a = items[i] as Timer;
	items[i] = items[j] as Timer;
	items[j] = a;
}
