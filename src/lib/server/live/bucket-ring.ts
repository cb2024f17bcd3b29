/**
 * Fixed-size ring of time buckets, each a row of numeric fields packed in one Float64Array: the
 * accumulators of the sliding windows. Writing touches one row (or a few, for a span); a query sums
 * the rows of the buckets it covers. Memory is fixed at creation: `buckets × (fields + 1)` doubles
 * (each row leads with the bucket it holds), plus a row per block (below).
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
	/**
	 * Everything in one array, so a write touches a few adjacent lines of one object rather than a line
	 * of each of eight (1,250 team rings are written at every agent change): bucket rows of
	 * [bucket index held (NaN: never written), fields…], then block rows alike, then the running total,
	 * the newest bucket index, and the log of the last writes as [version, low, high] triples.
	 */
	readonly #cells: Float64Array;
	/** Doubles per bucket or block row: the index held, then the fields. */
	readonly #rowSize: number;
	readonly #blocks: number;
	readonly #blockBase: number;
	readonly #totalBase: number;
	readonly #newestAt: number;
	readonly #logBase: number;
	#version = 0;

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
		this.#rowSize = options.fields + 1;
		// One more block than the span holds whole: a span of `buckets` straddles that many block rows.
		this.#blocks = Math.ceil(options.buckets / this.blockBuckets) + 1;
		this.#blockBase = options.buckets * this.#rowSize;
		this.#totalBase = this.#blockBase + this.#blocks * this.#rowSize;
		this.#newestAt = this.#totalBase + options.fields;
		this.#logBase = this.#newestAt + 1;
		const cells = new Float64Array(this.#logBase + 3 * LOGGED);
		for (let r = 0; r < options.buckets + this.#blocks; r++) cells[r * this.#rowSize] = Number.NaN;
		cells[this.#newestAt] = Number.NEGATIVE_INFINITY;
		for (let k = 0; k < LOGGED; k++) cells[this.#logBase + 3 * k] = -1;
		this.#cells = cells;
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
		const cells = this.#cells;
		for (let k = this.#logBase; k < this.#logBase + 3 * LOGGED; k += 3) {
			if (cells[k]! > version && (cells[k + 1]! < fromIndex || cells[k + 2]! > toIndex)) return false;
		}
		const total = this.#totalBase;
		for (let f = 0; f < this.fields; f++) sum[at + f]! += cells[total + f]! - totalThen[thenAt + f]!;
		return true;
	}

	/** Copies the running total (see addWritesSince) into `into[at…]`. */
	totalInto(into: Float64Array, at: number): void {
		for (let f = 0; f < this.fields; f++) into[at + f] = this.#cells[this.#totalBase + f]!;
	}

	/** Notes the buckets the write of the current version touched. */
	#logged(low: number, high: number): void {
		const k = this.#logBase + 3 * (this.#version % LOGGED);
		this.#cells[k] = this.#version;
		this.#cells[k + 1] = low;
		this.#cells[k + 2] = high;
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
		return this.#cells[this.#newestAt]!;
	}

	/** Whether some field merges by max (such a ring's sums cannot be moved along by subtracting). */
	get hasMax(): boolean {
		return this.#hasMax;
	}

	/**
	 * Offset of the fields of bucket `index` in the cells, cleared if its row held an older bucket; -1
	 * when the bucket is older than the ring keeps (a late event past the span: it belongs to no sliding
	 * window any more).
	 */
	#rowFor(index: number): number {
		const cells = this.#cells;
		const newest = cells[this.#newestAt]!;
		if (index <= newest - this.buckets) return -1;
		if (index > newest) cells[this.#newestAt] = index;
		// Bucket indexes count from the epoch: never negative, so one remainder is the row.
		const held = (index % this.buckets) * this.#rowSize;
		if (cells[held] !== index) {
			cells.fill(0, held + 1, held + this.#rowSize);
			cells[held] = index;
		}
		return held + 1;
	}

	/** Offset of the fields of block `block`, cleared if its row held an older block. */
	#blockRowFor(block: number): number {
		const cells = this.#cells;
		const held = this.#blockBase + (block % this.#blocks) * this.#rowSize;
		if (cells[held] !== block) {
			cells.fill(0, held + 1, held + this.#rowSize);
			cells[held] = block;
		}
		return held + 1;
	}

	/** Adds `value` to `field` of the bucket containing `atMs`; false when too old to keep. */
	add(atMs: number, field: number, value: number): boolean {
		const index = this.bucketOf(atMs);
		const offset = this.#rowFor(index);
		if (offset < 0) return false;
		this.#version++;
		const cells = this.#cells;
		cells[offset + field]! += value;
		cells[this.#blockRowFor(Math.floor(index / this.blockBuckets)) + field]! += value;
		if (!this.#hasMax) {
			cells[this.#totalBase + field]! += value;
			this.#logged(index, index);
		}
		return true;
	}

	/** Merges `values` (one per field) into the bucket containing `atMs`; false when too old to keep. */
	merge(atMs: number, values: ArrayLike<number>): boolean {
		const index = this.bucketOf(atMs);
		const offset = this.#rowFor(index);
		if (offset < 0) return false;
		this.#version++;
		const block = this.#blockRowFor(Math.floor(index / this.blockBuckets));
		const cells = this.#cells;
		for (let f = 0; f < this.fields; f++) {
			const v = values[f]!;
			if (this.#isMax[f]) {
				if (v > cells[offset + f]!) cells[offset + f] = v;
				if (v > cells[block + f]!) cells[block + f] = v;
			} else {
				cells[offset + f]! += v;
				cells[block + f]! += v;
			}
		}
		// A ring with max fields is never read through addWritesSince: no total or log to keep.
		if (!this.#hasMax) {
			for (let f = 0; f < this.fields; f++) cells[this.#totalBase + f]! += values[f]!;
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
			const offset = this.#rowFor(last);
			if (offset < 0) return;
			this.#version++;
			const ms = toMs - fromMs;
			const block = this.#blockRowFor(Math.floor(last / this.blockBuckets));
			const cells = this.#cells;
			const total = this.#totalBase;
			for (let f = 0; f < this.fields; f++) {
				const rate = perMs[f]!;
				if (rate === 0) continue;
				const v = rate * ms;
				cells[offset + f]! += v;
				cells[block + f]! += v;
				if (!this.#hasMax) cells[total + f]! += v;
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
			const offset = this.#rowFor(index);
			if (offset < 0) continue;
			if (index < low) low = index;
			const overlap = hi - lo;
			for (let f = 0; f < this.fields; f++) {
				const rate = perMs[f]!;
				if (rate !== 0) this.#cells[offset + f]! += rate * overlap;
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
			if (rate !== 0) this.#cells[this.#totalBase + f]! += rate * keptMs;
		}
		this.#logged(low, last);
	}

	#addToBlock(block: number, perMs: ArrayLike<number>, ms: number): void {
		if (ms === 0) return;
		const offset = this.#blockRowFor(block);
		for (let f = 0; f < this.fields; f++) {
			const rate = perMs[f]!;
			if (rate !== 0) this.#cells[offset + f]! += rate * ms;
		}
	}

	/** Merges the buckets with index in [fromIndex, toIndex] into `target[at…at + fields)`. */
	sumInto(target: Float64Array, fromIndex: number, toIndex: number, at = 0): Float64Array {
		const size = this.blockBuckets;
		const fields = this.fields;
		const rowSize = this.#rowSize;
		const hasMax = this.#hasMax;
		const cells = this.#cells;
		// A block can be read whole when every bucket of it is still in the ring (none overwritten).
		const firstWholeBlockBucket = cells[this.#newestAt]! - this.buckets + 1;
		let index = Math.max(fromIndex, toIndex - this.buckets + 1);
		let row = ((index % this.buckets) + this.buckets) % this.buckets;
		while (index <= toIndex) {
			if (index % size === 0 && index + size - 1 <= toIndex && index >= firstWholeBlockBucket) {
				const block = index / size;
				const held = this.#blockBase + (((block % this.#blocks) + this.#blocks) % this.#blocks) * rowSize;
				if (cells[held] === block) {
					if (hasMax) this.#mergeRow(held + 1, target, at);
					else addRow(cells, held + 1, target, at, fields);
				}
				index += size;
				row = (row + size) % this.buckets;
				continue;
			}
			const held = row * rowSize;
			if (cells[held] === index) {
				if (hasMax) this.#mergeRow(held + 1, target, at);
				else addRow(cells, held + 1, target, at, fields);
			}
			index++;
			if (++row === this.buckets) row = 0;
		}
		return target;
	}

	#mergeRow(offset: number, target: Float64Array, at: number): void {
		const cells = this.#cells;
		for (let f = 0; f < this.fields; f++) {
			const v = cells[offset + f]!;
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
