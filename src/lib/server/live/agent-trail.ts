import type { AgentTotals } from '../../shared/metrics/agent-formulas';
import type { DisplayedState } from '../../shared/metrics/figures';
import { WINDOW_BUCKET_MS, WINDOW_BUCKETS } from './windows';

/**
 * One agent's last hour, for its rolling and interval figures: the running integrals (∫ load,
 * ∫ ready-or-loaded, staffed and per-state time) at each change of state or load, and the times of its
 * handled contacts. A window is then two look-ups, C(now) − C(start), whatever its length.
 *
 * Why not a 10 s bucket ring per agent, as per team: 360 buckets × 8 fields is 23 KB an agent, 576 MB at
 * 25,000 agents, nearly all of it the same rate repeated over buckets where nothing happened. Here an
 * agent costs a row per 10 s bucket in which it changed (several changes in one bucket share a row,
 * since windows start on bucket boundaries and never inside one), nothing for an hour without change,
 * and no trail at all until its first non-offline piece closes.
 *
 * A row is (atMs, C[0..6], state, load): the integrals of every piece closed before `atMs`, and the
 * piece that started at `atMs`. Between rows the integrals grow at the rate of the earlier row's piece,
 * so C at any instant is the nearest earlier row plus rate × elapsed. The newest row is the agent's open
 * piece: its `atMs` is the agent's `segment.sinceMs` and its state and load are the segment's.
 */

/** Integrated fields, in AGENT_TOTAL_FIELDS order without `handled` (a count, kept as times). */
export const TRAIL_FIELDS = [
	'loadMs',
	'readyOrLoadedMs',
	'staffedMs',
	'onContactMs',
	'wrapUpMs',
	'readyMs',
	'notReadyMs'
] as const satisfies readonly (keyof AgentTotals)[];

/** A row of the buffer: [atMs, C[0..6], state, load]. */
const C = 1;
const STATE = C + TRAIL_FIELDS.length;
const LOAD = STATE + 1;
const STRIDE = LOAD + 1;

/** State codes stored in a row; the per-state field of code k is TRAIL_FIELDS[3 + k]. */
const STATE_CODE: Record<DisplayedState, number> = {
	on_contact: 0,
	wrap_up: 1,
	ready: 2,
	not_ready: 3,
	offline: 4
};
const OFFLINE = STATE_CODE.offline;
const READY = STATE_CODE.ready;

/** The span every row must still answer for: one hour of buckets, the longest sliding window. */
const SPAN_BUCKETS = WINDOW_BUCKETS;
const SPAN_MS = SPAN_BUCKETS * WINDOW_BUCKET_MS;
const INITIAL_ROWS = 8;
const INITIAL_HANDLED = 4;

/**
 * The newest row (the open piece) and the trail's bookkeeping, HEAD doubles per trail, live in one
 * shared array rather than in fields: a double field is a separate boxed number, so a trail's dozen
 * of them were a dozen objects for the collector and several cache lines per change; here they are
 * two lines of one array. The newest row goes into the trail's own buffer only when the next change
 * falls in a later bucket, so a change touches that buffer at most once.
 */
const HEAD = 16;
const H_SINCE = 0;
const H_STATE = 1;
const H_LOAD = 2;
const H_C = 3;
const H_LAST_HANDLED = H_C + TRAIL_FIELDS.length;
const H_FIRST_HANDLED = H_LAST_HANDLED + 1;
const H_PRUNE_AFTER = H_FIRST_HANDLED + 1;

let heads = new Float64Array(HEAD * 1024);
let nextHead = 0;
const freeHeads: number[] = [];

function takeHead(): number {
	const free = freeHeads.pop();
	if (free !== undefined) return free;
	if ((nextHead + 1) * HEAD > heads.length) {
		const grown = new Float64Array(heads.length * 2);
		grown.set(heads);
		heads = grown;
	}
	return nextHead++ * HEAD;
}

export class AgentTrail {
	/** Offset of this trail's head in `heads`; -1 once released. */
	#at: number;
	/** Older rows, ascending, in a circular buffer of `#capacity` rows (a power of two: wrapping is a mask). */
	#rows: Float64Array | null = null;
	#capacity = 0;
	#head = 0;
	#count = 0;
	/** Handled times, ascending, in a circular buffer as well; allocated with the first one. */
	#handled: Float64Array | null = null;
	#handledHead = 0;
	#handledCount = 0;

	/** A trail whose first row is the piece running since `sinceMs` (its integrals start at 0). */
	constructor(sinceMs: number, state: DisplayedState, load: number) {
		const at = takeHead();
		this.#at = at;
		heads.fill(0, at, at + HEAD);
		heads[at + H_SINCE] = sinceMs;
		heads[at + H_STATE] = STATE_CODE[state];
		heads[at + H_LOAD] = load;
		heads[at + H_LAST_HANDLED] = Number.NEGATIVE_INFINITY;
		heads[at + H_FIRST_HANDLED] = Number.POSITIVE_INFINITY;
		heads[at + H_PRUNE_AFTER] = Number.POSITIVE_INFINITY;
	}

	/** Gives the head back for another trail; the trail must not be used after. */
	release(): void {
		if (this.#at < 0) return;
		freeHeads.push(this.#at);
		this.#at = -1;
	}

	/** Rows kept, the open piece's included. */
	get rows(): number {
		return this.#count + 1;
	}

	get handledKept(): number {
		return this.#handledCount;
	}

	/** Bytes held by the buffers (what the trail costs in memory, less the object itself). */
	get bytes(): number {
		return (this.#rows?.byteLength ?? 0) + (this.#handled?.byteLength ?? 0);
	}

	/** When the open piece started (the newest row). */
	get sinceMs(): number {
		return heads[this.#at + H_SINCE]!;
	}

	/** The latest handled contact kept; -Infinity when none. */
	get lastHandledMs(): number {
		return this.#handledCount > 0 ? heads[this.#at + H_LAST_HANDLED]! : Number.NEGATIVE_INFINITY;
	}

	/** Whether nothing in the trail can be in a window read at `nowMs` or later: the open piece covers the hour. */
	staleAt(nowMs: number): boolean {
		// The common answer without a division: something happened less than an hour ago.
		const latestMs = Math.max(heads[this.#at + H_SINCE]!, heads[this.#at + H_LAST_HANDLED]!);
		if (nowMs - latestMs < SPAN_MS - WINDOW_BUCKET_MS) return false;
		return latestMs < spanStartOf(nowMs);
	}

	/**
	 * Closes the open piece at `atMs` (after its start) and starts the next there, with the same state
	 * and load until setPiece says otherwise. Several changes in one bucket share a row (windows start
	 * on bucket boundaries, never inside one), except the oldest, which answers for the time before it.
	 */
	close(atMs: number): void {
		const at = this.#at;
		const fromMs = heads[at + H_SINCE]!;
		if (this.#count === 0 || bucketOf(atMs) !== bucketOf(fromMs)) this.#keepNewest();
		// Read after #keepNewest: nothing there moves `heads`, but keep the habit of reading it fresh.
		const h = heads;
		const state = h[at + H_STATE]!;
		if (state !== OFFLINE) {
			const ms = atMs - fromMs;
			const load = h[at + H_LOAD]!;
			h[at + H_C]! += load * ms;
			if (load > 0 || state === READY) h[at + H_C + 1]! += ms;
			h[at + H_C + 2]! += ms;
			h[at + H_C + 3 + state]! += ms;
		}
		h[at + H_SINCE] = atMs;
		// Only a row an hour old can go: a close before then touches no buffer.
		if (atMs > h[at + H_PRUNE_AFTER]!) this.#prune(atMs);
	}

	/** The open piece's state and load (set after each change, and when an out-of-order event changes them in place). */
	setPiece(state: DisplayedState, load: number): void {
		heads[this.#at + H_STATE] = STATE_CODE[state];
		heads[this.#at + H_LOAD] = load;
	}

	/** One handled contact at `atMs`; a late one is slotted into its place. */
	addHandled(atMs: number): void {
		if (this.#handled === null) this.#handled = new Float64Array(INITIAL_HANDLED);
		else if (this.#handledCount === this.#handled.length) this.#growHandled();
		const handled = this.#handled!;
		const mask = handled.length - 1;
		let i = this.#handledCount;
		// Shift later times up one: nearly always none, handled contacts arrive in order.
		while (i > 0 && this.#handledAt(i - 1) > atMs) {
			handled[(this.#handledHead + i) & mask] = this.#handledAt(i - 1);
			i--;
		}
		handled[(this.#handledHead + i) & mask] = atMs;
		this.#handledCount++;
		if (atMs > heads[this.#at + H_LAST_HANDLED]!) heads[this.#at + H_LAST_HANDLED] = atMs;
		if (atMs < heads[this.#at + H_FIRST_HANDLED]!) heads[this.#at + H_FIRST_HANDLED] = atMs;
		const latestMs = Math.max(atMs, heads[this.#at + H_SINCE]!);
		if (latestMs - heads[this.#at + H_FIRST_HANDLED]! < SPAN_MS - WINDOW_BUCKET_MS) return;
		const spanStartMs = spanStartOf(latestMs);
		while (this.#handledCount > 0 && this.#handledAt(0) < spanStartMs) {
			this.#handledHead = (this.#handledHead + 1) & mask;
			this.#handledCount--;
		}
		heads[this.#at + H_FIRST_HANDLED] =
			this.#handledCount > 0 ? this.#handledAt(0) : Number.POSITIVE_INFINITY;
	}

	/**
	 * Adds to `totals` the agent's integrals over the buckets [fromIndex, toIndex] read at `nowMs`: the
	 * pieces closed in those buckets plus the open piece up to `nowMs`, the same reading as the team
	 * rings (a query before the open piece started sees the closed pieces of the buckets it covers).
	 */
	addWindowInto(totals: AgentTotals, fromIndex: number, toIndex: number, nowMs: number): void {
		const upper = scratchUpper;
		const lower = scratchLower;
		const sinceMs = heads[this.#at + H_SINCE]!;
		const endMs = (toIndex + 1) * WINDOW_BUCKET_MS;
		// The upper end is the open piece at `nowMs`, or all that closed when the buckets asked for run past
		// the open piece's start, or else a bucket boundary like the lower end.
		if (nowMs >= sinceMs) this.#newestAt(nowMs, upper);
		else if (endMs > sinceMs) this.#newestAt(sinceMs, upper);
		else this.#valueAt(endMs, upper);
		this.#valueAt(fromIndex * WINDOW_BUCKET_MS, lower);
		totals.loadMs += upper[0]! - lower[0]!;
		totals.readyOrLoadedMs += upper[1]! - lower[1]!;
		totals.staffedMs += upper[2]! - lower[2]!;
		totals.onContactMs += upper[3]! - lower[3]!;
		totals.wrapUpMs += upper[4]! - lower[4]!;
		totals.readyMs += upper[5]! - lower[5]!;
		totals.notReadyMs += upper[6]! - lower[6]!;
		totals.handled += this.#handledIn(fromIndex, toIndex);
	}

	/**
	 * Adds to `totals` what the pieces closed at or after the bucket boundary `fromIndex` add up to, and
	 * the handled contacts since then: a window's figures less its open piece, which a query then adds
	 * for its own `nowMs` (the agent table keeps this part between queries).
	 */
	addClosedSinceInto(totals: AgentTotals, fromIndex: number): void {
		const startMs = fromIndex * WINDOW_BUCKET_MS;
		if (heads[this.#at + H_SINCE]! > startMs) {
			const lower = scratchLower;
			this.#valueAt(startMs, lower);
			totals.loadMs += heads[this.#at + H_C + 0]! - lower[0]!;
			totals.readyOrLoadedMs += heads[this.#at + H_C + 1]! - lower[1]!;
			totals.staffedMs += heads[this.#at + H_C + 2]! - lower[2]!;
			totals.onContactMs += heads[this.#at + H_C + 3]! - lower[3]!;
			totals.wrapUpMs += heads[this.#at + H_C + 4]! - lower[4]!;
			totals.readyMs += heads[this.#at + H_C + 5]! - lower[5]!;
			totals.notReadyMs += heads[this.#at + H_C + 6]! - lower[6]!;
		}
		totals.handled += this.#handledIn(fromIndex, Number.POSITIVE_INFINITY);
	}

	/**
	 * The integrals at the bucket boundary `ms` into `into`: the last row before it, grown at its piece's
	 * rate. Only boundaries may be asked: a row is the last change of its bucket, so its piece is known
	 * to run to the next row's bucket start, not to the next row itself.
	 */
	#valueAt(ms: number, into: Float64Array): void {
		if (heads[this.#at + H_SINCE]! < ms) {
			this.#newestAt(ms, into);
			return;
		}
		const rows = this.#rows;
		if (this.#count === 0 || rows![this.#offset(0)]! >= ms) {
			// Before the trail began: the agent was offline, or this is older than the hour kept.
			if (this.#count === 0) this.#newestAt(heads[this.#at + H_SINCE]!, into);
			else this.#copyRow(this.#offset(0), into);
			return;
		}
		// The last row with atMs < ms (so a window starting at a row's own instant excludes that piece).
		let lo = 0;
		let hi = this.#count - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (rows![this.#offset(mid)]! < ms) lo = mid;
			else hi = mid - 1;
		}
		const row = this.#offset(lo);
		this.#copyRow(row, into);
		grow(into, rows![row + STATE]!, rows![row + LOAD]!, ms - rows![row]!);
	}

	/** The open piece's row grown up to `ms` (at or after its start). */
	#newestAt(ms: number, into: Float64Array): void {
		into[0] = heads[this.#at + H_C + 0]!;
		into[1] = heads[this.#at + H_C + 1]!;
		into[2] = heads[this.#at + H_C + 2]!;
		into[3] = heads[this.#at + H_C + 3]!;
		into[4] = heads[this.#at + H_C + 4]!;
		into[5] = heads[this.#at + H_C + 5]!;
		into[6] = heads[this.#at + H_C + 6]!;
		grow(into, heads[this.#at + H_STATE]!, heads[this.#at + H_LOAD]!, ms - heads[this.#at + H_SINCE]!);
	}

	#copyRow(row: number, into: Float64Array): void {
		const rows = this.#rows!;
		for (let f = 0; f < TRAIL_FIELDS.length; f++) into[f] = rows[row + C + f]!;
	}

	/** Handled contacts whose bucket is in [fromIndex, toIndex]. */
	#handledIn(fromIndex: number, toIndex: number): number {
		const fromMs = fromIndex * WINDOW_BUCKET_MS;
		const toMs = (toIndex + 1) * WINDOW_BUCKET_MS;
		let n = 0;
		// Newest first: a window holds the latest few, and the scan stops at the first one before it.
		for (let i = this.#handledCount - 1; i >= 0; i--) {
			const t = this.#handledAt(i);
			if (t < fromMs) break;
			if (t < toMs) n++;
		}
		return n;
	}

	#handledAt(i: number): number {
		const handled = this.#handled!;
		return handled[(this.#handledHead + i) & (handled.length - 1)]!;
	}

	#offset(i: number): number {
		return ((this.#head + i) & (this.#capacity - 1)) * STRIDE;
	}

	/** Appends the open piece's row to the buffer, before a change in a later bucket replaces it. */
	#keepNewest(): void {
		if (this.#count === this.#capacity)
			this.#resize(this.#capacity === 0 ? INITIAL_ROWS : this.#capacity * 2);
		const rows = this.#rows!;
		const o = this.#offset(this.#count);
		rows[o] = heads[this.#at + H_SINCE]!;
		rows[o + C] = heads[this.#at + H_C + 0]!;
		rows[o + C + 1] = heads[this.#at + H_C + 1]!;
		rows[o + C + 2] = heads[this.#at + H_C + 2]!;
		rows[o + C + 3] = heads[this.#at + H_C + 3]!;
		rows[o + C + 4] = heads[this.#at + H_C + 4]!;
		rows[o + C + 5] = heads[this.#at + H_C + 5]!;
		rows[o + C + 6] = heads[this.#at + H_C + 6]!;
		rows[o + STATE] = heads[this.#at + H_STATE]!;
		rows[o + LOAD] = heads[this.#at + H_LOAD]!;
		this.#count++;
		if (this.#count === 2) heads[this.#at + H_PRUNE_AFTER] = heads[this.#at + H_SINCE]! + SPAN_MS;
	}

	/**
	 * Drops the oldest row while the next one is itself before the hour that a window read from now on
	 * can reach: that next row then answers for every instant the window needs.
	 */
	#prune(atMs: number): void {
		const spanStartMs = spanStartOf(atMs);
		while (this.#count > 1 && this.#rows![this.#offset(1)]! < spanStartMs) {
			this.#head = (this.#head + 1) & (this.#capacity - 1);
			this.#count--;
		}
		heads[this.#at + H_PRUNE_AFTER] =
			this.#count > 1 ? this.#rows![this.#offset(1)]! + SPAN_MS : Number.POSITIVE_INFINITY;
		// A trail that had a busy hour and then went quiet gives the memory back.
		if (this.#capacity > 4 * INITIAL_ROWS && this.#count * 4 <= this.#capacity)
			this.#resize(this.#capacity / 2);
	}

	#resize(capacity: number): void {
		const rows = new Float64Array(capacity * STRIDE);
		const old = this.#rows;
		if (old) {
			for (let i = 0; i < this.#count; i++) {
				const from = this.#offset(i);
				for (let f = 0; f < STRIDE; f++) rows[i * STRIDE + f] = old[from + f]!;
			}
		}
		this.#rows = rows;
		this.#capacity = capacity;
		this.#head = 0;
	}

	#growHandled(): void {
		const handled = new Float64Array(this.#handled!.length * 2);
		for (let i = 0; i < this.#handledCount; i++) handled[i] = this.#handledAt(i);
		this.#handled = handled;
		this.#handledHead = 0;
	}
}

/** Grows integrals `into` by `ms` of a piece in `state` at `load`. */
function grow(into: Float64Array, state: number, load: number, ms: number): void {
	if (state === OFFLINE) return;
	into[0]! += load * ms;
	if (load > 0 || state === READY) into[1]! += ms;
	into[2]! += ms;
	into[3 + state]! += ms;
}

const scratchUpper = new Float64Array(TRAIL_FIELDS.length);
const scratchLower = new Float64Array(TRAIL_FIELDS.length);

function bucketOf(ms: number): number {
	return Math.floor(ms / WINDOW_BUCKET_MS);
}

/** The earliest instant a sliding window read at `ms` or later can start at. */
function spanStartOf(ms: number): number {
	return (bucketOf(ms) - SPAN_BUCKETS + 1) * WINDOW_BUCKET_MS;
}
