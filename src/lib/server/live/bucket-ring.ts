/**
 * Fixed-size ring of time buckets, each a row of numeric fields packed in one Float64Array: the
 * accumulators of the sliding windows. Writing touches one row (or a few, for a span); a query sums
 * the rows of the buckets it covers. Memory is fixed at creation: `buckets × fields` doubles, plus a
 * row per block (below).
 *
 * Expiry needs no timer and no event: every row carries the index of the bucket it holds, and a row
 * whose index is not the one asked for is simply not there (it was overwritten or is too old). So
 * state depends only on the events written and a quiet queue's window empties as the query time moves.
 *
 * Blocks: every `blockBuckets` consecutive buckets also add into one block row, so a window of an hour
 * is read as a few dozen rows (whole blocks in the middle, single buckets at its edges) instead of 360.
 * With 1,250 team rings and 150 queue rings read for five sliding windows on every tick, that is most
 * of what a tick costs. A block is only read when none of its buckets can have been overwritten, so a
 * sum is the same as the sum of the buckets (up to the order of floating-point additions).
 */
/** Writes remembered for addWritesSince: more than a team ring gets between two ticks. */
const LOGGED = 8;

export class BucketRing {
	readonly bucketMs: number;
	readonly buckets: number;
	readonly fields: number;
	readonly blockBuckets: number;
	readonly #isMax: boolean[];
	readonly #hasMax: boolean;
	readonly #data: Float64Array;
	/** Bucket index (epoch ms ÷ bucketMs) held by each row; NaN when never written. */
	readonly #held: Float64Array;
	readonly #blocks: number;
	readonly #blockData: Float64Array;
	readonly #blockHeld: Float64Array;
	#newest = Number.NEGATIVE_INFINITY;
	#version = 0;
	/** Σ of every sum field ever written and kept: a reader that knew it at version v knows what came since. */
	readonly #total: Float64Array;
	/** The last LOGGED writes: version after each, and the lowest and highest bucket it touched. */
	readonly #logVersion = new Float64Array(LOGGED).fill(-1);
	readonly #logLow = new Float64Array(LOGGED);
	readonly #logHigh = new Float64Array(LOGGED);

	constructor(options: {
		bucketMs: number;
		buckets: number;
		fields: number;
		maxFields?: readonly number[];
		blockBuckets?: number;
	}) {
		this.bucketMs = options.bucketMs;
		this.buckets = options.buckets;
		this.fields = options.fields;
		this.blockBuckets = options.blockBuckets ?? 30;
		this.#isMax = Array.from({ length: options.fields }, (_, f) => options.maxFields?.includes(f) ?? false);
		this.#hasMax = this.#isMax.includes(true);
		this.#data = new Float64Array(options.buckets * options.fields);
		this.#held = new Float64Array(options.buckets).fill(Number.NaN);
		// One more block than the span holds whole: a span of `buckets` straddles that many block rows.
		this.#blocks = Math.ceil(options.buckets / this.blockBuckets) + 1;
		this.#blockData = new Float64Array(this.#blocks * options.fields);
		this.#blockHeld = new Float64Array(this.#blocks).fill(Number.NaN);
		this.#total = new Float64Array(options.fields);
	}

	/**
	 * Adds what was written since `version` (when the total was `totalThen`) to `sum[at…]`, a sum over
	 * [fromIndex, toIndex] read at that version, if every write since fell inside those buckets; false
	 * (nothing added) otherwise, or when the writes since are no longer all in the log, or for a ring
	 * with max fields. A team ring read on every tick then costs a few additions instead of a sum over
	 * its rows, whatever the window's length.
	 */
	addWritesSince(
		version: number,
		totalThen: Float64Array,
		thenAt: number,
		fromIndex: number,
		toIndex: number,
		sum: Float64Array,
		at: number
	): boolean {
		if (this.#hasMax || this.#version - version > LOGGED) return false;
		for (let k = 0; k < LOGGED; k++) {
			const v = this.#logVersion[k]!;
			if (v > version && (this.#logLow[k]! < fromIndex || this.#logHigh[k]! > toIndex)) return false;
		}
		for (let f = 0; f < this.fields; f++) sum[at + f]! += this.#total[f]! - totalThen[thenAt + f]!;
		return true;
	}

	/** Copies the running total (see addWritesSince) into `into[at…]`. */
	totalInto(into: Float64Array, at: number): void {
		for (let f = 0; f < this.fields; f++) into[at + f] = this.#total[f]!;
	}

	/** Notes the buckets the write of the current version touched. */
	#logged(low: number, high: number): void {
		const k = this.#version % LOGGED;
		this.#logVersion[k] = this.#version;
		this.#logLow[k] = low;
		this.#logHigh[k] = high;
	}

	bucketOf(ms: number): number {
		return Math.floor(ms / this.bucketMs);
	}

	/** Counts writes: a sum read at one version is the same sum at the same version. */
	get version(): number {
		return this.#version;
	}

	/** The newest bucket index written; -Infinity before any. */
	get newest(): number {
		return this.#newest;
	}

	/** Whether some field merges by max (such a ring's sums cannot be moved along by subtracting). */
	get hasMax(): boolean {
		return this.#hasMax;
	}

	/**
	 * Offset of the row of bucket `index`, cleared if it held an older bucket; -1 when the bucket is
	 * older than the ring keeps (a late event past the span: it belongs to no sliding window any more).
	 */
	rowFor(index: number): number {
		if (index <= this.#newest - this.buckets) return -1;
		if (index > this.#newest) this.#newest = index;
		// Bucket indexes count from the epoch: never negative, so one remainder is the row.
		const row = index % this.buckets;
		const offset = row * this.fields;
		if (this.#held[row] !== index) {
			this.#data.fill(0, offset, offset + this.fields);
			this.#held[row] = index;
		}
		return offset;
	}

	/** Offset of the block row of block `block`, cleared if it held an older block. */
	#blockRowFor(block: number): number {
		const row = block % this.#blocks;
		const offset = row * this.fields;
		if (this.#blockHeld[row] !== block) {
			this.#blockData.fill(0, offset, offset + this.fields);
			this.#blockHeld[row] = block;
		}
		return offset;
	}

	/** Adds `value` to `field` of the bucket containing `atMs`; false when too old to keep. */
	add(atMs: number, field: number, value: number): boolean {
		const index = this.bucketOf(atMs);
		const offset = this.rowFor(index);
		if (offset < 0) return false;
		this.#version++;
		this.#data[offset + field]! += value;
		this.#blockData[this.#blockRowFor(Math.floor(index / this.blockBuckets)) + field]! += value;
		if (!this.#hasMax) {
			this.#total[field]! += value;
			this.#logged(index, index);
		}
		return true;
	}

	/** Merges `values` (one per field) into the bucket containing `atMs`; false when too old to keep. */
	merge(atMs: number, values: ArrayLike<number>): boolean {
		const index = this.bucketOf(atMs);
		const offset = this.rowFor(index);
		if (offset < 0) return false;
		this.#version++;
		const block = this.#blockRowFor(Math.floor(index / this.blockBuckets));
		const data = this.#data;
		const blocks = this.#blockData;
		for (let f = 0; f < this.fields; f++) {
			const v = values[f]!;
			if (this.#isMax[f]) {
				if (v > data[offset + f]!) data[offset + f] = v;
				if (v > blocks[block + f]!) blocks[block + f] = v;
			} else {
				data[offset + f]! += v;
				blocks[block + f]! += v;
			}
		}
		// A ring with max fields is never read through addWritesSince: no total or log to keep.
		if (!this.#hasMax) {
			for (let f = 0; f < this.fields; f++) this.#total[f]! += values[f]!;
			this.#logged(index, index);
		}
		return true;
	}

	/**
	 * Spreads a constant rate over [fromMs, toMs): each bucket gets `perMs[f] × overlap` in each field,
	 * and each block the same over its part. Only the buckets the ring can still hold are visited, so an
	 * agent idle for hours costs at most one pass over the ring.
	 */
	spread(fromMs: number, toMs: number, perMs: ArrayLike<number>): void {
		if (toMs <= fromMs) return;
		const last = this.bucketOf(toMs - 1);
		if (this.bucketOf(fromMs) === last) {
			// Most pieces of a busy agent: within one bucket, so one row, one block and the total.
			const offset = this.rowFor(last);
			if (offset < 0) return;
			this.#version++;
			const ms = toMs - fromMs;
			const block = this.#blockRowFor(Math.floor(last / this.blockBuckets));
			for (let f = 0; f < this.fields; f++) {
				const rate = perMs[f]!;
				if (rate === 0) continue;
				const v = rate * ms;
				this.#data[offset + f]! += v;
				this.#blockData[block + f]! += v;
				if (!this.#hasMax) this.#total[f]! += v;
			}
			if (!this.#hasMax) this.#logged(last, last);
			return;
		}
		let index = Math.max(this.bucketOf(fromMs), last - this.buckets + 1);
		let block = Math.floor(index / this.blockBuckets);
		let blockMs = 0;
		let keptMs = 0;
		let low = Number.POSITIVE_INFINITY;
		for (; index <= last; index++) {
			const lo = Math.max(fromMs, index * this.bucketMs);
			const hi = Math.min(toMs, (index + 1) * this.bucketMs);
			const offset = this.rowFor(index);
			if (offset < 0) continue;
			if (index < low) low = index;
			const overlap = hi - lo;
			for (let f = 0; f < this.fields; f++) {
				const rate = perMs[f]!;
				if (rate !== 0) this.#data[offset + f]! += rate * overlap;
			}
			const inBlock = Math.floor(index / this.blockBuckets);
			if (inBlock !== block) {
				this.#addToBlock(block, perMs, blockMs);
				block = inBlock;
				blockMs = 0;
			}
			blockMs += overlap;
			keptMs += overlap;
		}
		this.#addToBlock(block, perMs, blockMs);
		if (keptMs === 0) return;
		this.#version++;
		if (this.#hasMax) return;
		for (let f = 0; f < this.fields; f++) {
			const rate = perMs[f]!;
			if (rate !== 0) this.#total[f]! += rate * keptMs;
		}
		this.#logged(low, last);
	}

	#addToBlock(block: number, perMs: ArrayLike<number>, ms: number): void {
		if (ms === 0) return;
		const offset = this.#blockRowFor(block);
		for (let f = 0; f < this.fields; f++) {
			const rate = perMs[f]!;
			if (rate !== 0) this.#blockData[offset + f]! += rate * ms;
		}
	}

	/** Merges the buckets with index in [fromIndex, toIndex] into `target[at…at + fields)`. */
	sumInto(target: Float64Array, fromIndex: number, toIndex: number, at = 0): Float64Array {
		const size = this.blockBuckets;
		const fields = this.fields;
		const hasMax = this.#hasMax;
		// A block can be read whole when every bucket of it is still in the ring (none overwritten).
		const firstWholeBlockBucket = this.#newest - this.buckets + 1;
		let index = Math.max(fromIndex, toIndex - this.buckets + 1);
		let row = ((index % this.buckets) + this.buckets) % this.buckets;
		while (index <= toIndex) {
			if (index % size === 0 && index + size - 1 <= toIndex && index >= firstWholeBlockBucket) {
				const block = index / size;
				const blockRow = ((block % this.#blocks) + this.#blocks) % this.#blocks;
				if (this.#blockHeld[blockRow] === block) {
					if (hasMax) this.#mergeRow(this.#blockData, blockRow * fields, target, at);
					else addRow(this.#blockData, blockRow * fields, target, at, fields);
				}
				index += size;
				row = (row + size) % this.buckets;
				continue;
			}
			if (this.#held[row] === index) {
				if (hasMax) this.#mergeRow(this.#data, row * fields, target, at);
				else addRow(this.#data, row * fields, target, at, fields);
			}
			index++;
			if (++row === this.buckets) row = 0;
		}
		return target;
	}

	#mergeRow(data: Float64Array, offset: number, target: Float64Array, at: number): void {
		for (let f = 0; f < this.fields; f++) {
			const v = data[offset + f]!;
			if (this.#isMax[f]) {
				if (v > target[at + f]!) target[at + f] = v;
			} else target[at + f]! += v;
		}
	}
}

/** A row of sums only (team rings have no max field): the loop of most window reads. */
function addRow(data: Float64Array, offset: number, target: Float64Array, at: number, fields: number): void {
	for (let f = 0; f < fields; f++) target[at + f]! += data[offset + f]!;
}
