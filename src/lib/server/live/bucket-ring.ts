/**
 * Fixed-size ring of time buckets, each a row of numeric fields packed in one Float64Array: the
 * accumulators of the sliding windows. Writing touches one row (or a few, for a span); a query sums
 * the rows of the buckets it covers. Memory is fixed at creation: `buckets × fields` doubles.
 *
 * Expiry needs no timer and no event: every row carries the index of the bucket it holds, and a row
 * whose index is not the one asked for is simply not there (it was overwritten or is too old). So
 * state depends only on the events written and a quiet queue's window empties as the query time moves.
 */
export class BucketRing {
	readonly bucketMs: number;
	readonly buckets: number;
	readonly fields: number;
	readonly #isMax: boolean[];
	readonly #data: Float64Array;
	/** Bucket index (epoch ms ÷ bucketMs) held by each row; NaN when never written. */
	readonly #held: Float64Array;
	#newest = Number.NEGATIVE_INFINITY;

	constructor(options: { bucketMs: number; buckets: number; fields: number; maxFields?: readonly number[] }) {
		this.bucketMs = options.bucketMs;
		this.buckets = options.buckets;
		this.fields = options.fields;
		this.#isMax = Array.from({ length: options.fields }, (_, f) => options.maxFields?.includes(f) ?? false);
		this.#data = new Float64Array(options.buckets * options.fields);
		this.#held = new Float64Array(options.buckets).fill(Number.NaN);
	}

	bucketOf(ms: number): number {
		return Math.floor(ms / this.bucketMs);
	}

	/**
	 * Offset of the row of bucket `index`, cleared if it held an older bucket; -1 when the bucket is
	 * older than the ring keeps (a late event past the span: it belongs to no sliding window any more).
	 */
	rowFor(index: number): number {
		if (index <= this.#newest - this.buckets) return -1;
		if (index > this.#newest) this.#newest = index;
		const row = ((index % this.buckets) + this.buckets) % this.buckets;
		const offset = row * this.fields;
		if (this.#held[row] !== index) {
			this.#data.fill(0, offset, offset + this.fields);
			this.#held[row] = index;
		}
		return offset;
	}

	/** Adds `value` to `field` of the bucket containing `atMs`; false when too old to keep. */
	add(atMs: number, field: number, value: number): boolean {
		const offset = this.rowFor(this.bucketOf(atMs));
		if (offset < 0) return false;
		this.#data[offset + field]! += value;
		return true;
	}

	/** Merges `values` (one per field) into the bucket containing `atMs`; false when too old to keep. */
	merge(atMs: number, values: ArrayLike<number>): boolean {
		const offset = this.rowFor(this.bucketOf(atMs));
		if (offset < 0) return false;
		const data = this.#data;
		for (let f = 0; f < this.fields; f++) {
			const v = values[f]!;
			if (this.#isMax[f]) {
				if (v > data[offset + f]!) data[offset + f] = v;
			} else data[offset + f]! += v;
		}
		return true;
	}

	/**
	 * Spreads a constant rate over [fromMs, toMs): each bucket gets `perMs[f] × overlap` in each field.
	 * Only the buckets the ring can still hold are visited, so an agent idle for hours costs at most
	 * one pass over the ring.
	 */
	spread(fromMs: number, toMs: number, perMs: ArrayLike<number>): void {
		if (toMs <= fromMs) return;
		const last = this.bucketOf(toMs - 1);
		let index = Math.max(this.bucketOf(fromMs), last - this.buckets + 1);
		for (; index <= last; index++) {
			const lo = Math.max(fromMs, index * this.bucketMs);
			const hi = Math.min(toMs, (index + 1) * this.bucketMs);
			const offset = this.rowFor(index);
			if (offset < 0) continue;
			const overlap = hi - lo;
			for (let f = 0; f < this.fields; f++) {
				const rate = perMs[f]!;
				if (rate !== 0) this.#data[offset + f]! += rate * overlap;
			}
		}
	}

	/** Merges the buckets with index in [fromIndex, toIndex] into `target` (length ≥ fields). */
	sumInto(target: Float64Array, fromIndex: number, toIndex: number): Float64Array {
		const data = this.#data;
		const lo = Math.max(fromIndex, toIndex - this.buckets + 1);
		for (let index = lo; index <= toIndex; index++) {
			const row = ((index % this.buckets) + this.buckets) % this.buckets;
			if (this.#held[row] !== index) continue;
			const offset = row * this.fields;
			for (let f = 0; f < this.fields; f++) {
				const v = data[offset + f]!;
				if (this.#isMax[f]) {
					if (v > target[f]!) target[f] = v;
				} else target[f]! += v;
			}
		}
		return target;
	}
}
