/**
 * How often bus messages arrive, over the last 15 minutes, in 10 s buckets: the basis of the "stale"
 * call. A floor's stream has not stopped because it was quiet for 10 s at 4 a.m.; it has stopped when
 * it is silent for far longer than its own recent gaps between messages.
 */
export const ARRIVAL_BUCKET_MS = 10_000;
export const ARRIVAL_WINDOW_MS = 15 * 60_000;
const BUCKETS = ARRIVAL_WINDOW_MS / ARRIVAL_BUCKET_MS;

/** Silence this many times the recent mean gap between messages means the stream has stopped. */
export const SILENCE_FACTOR = 5;

export interface StaleBounds {
	minMs: number;
	maxMs: number;
}

export class ArrivalRate {
	readonly #counts = new Float64Array(BUCKETS);
	/** Bucket index (ms ÷ bucket) each slot holds, so a slot from a lap ago reads as empty. */
	readonly #slotOf = new Float64Array(BUCKETS).fill(-1);
	readonly #startedMs: number;

	constructor(startedMs: number) {
		this.#startedMs = startedMs;
	}

	record(nowMs: number): void {
		const bucket = Math.floor(nowMs / ARRIVAL_BUCKET_MS);
		const slot = bucket % BUCKETS;
		if (this.#slotOf[slot] !== bucket) {
			this.#slotOf[slot] = bucket;
			this.#counts[slot] = 0;
		}
		this.#counts[slot]! += 1;
	}

	/** Messages in the last 15 min (to the bucket) before `nowMs`, and how long that window really is (short after start). */
	recent(nowMs: number): { messages: number; windowMs: number } {
		const newest = Math.floor(nowMs / ARRIVAL_BUCKET_MS);
		let messages = 0;
		for (let slot = 0; slot < BUCKETS; slot++) {
			const bucket = this.#slotOf[slot]!;
			if (bucket > newest - BUCKETS && bucket <= newest) messages += this.#counts[slot]!;
		}
		// The ring holds the current bucket and the 89 before it: 890 s plus the current one's elapsed part.
		const coveredMs = (BUCKETS - 1) * ARRIVAL_BUCKET_MS + (nowMs - newest * ARRIVAL_BUCKET_MS);
		return { messages, windowMs: Math.max(1, Math.min(coveredMs, nowMs - this.#startedMs)) };
	}

	/**
	 * How long a silence may last before the stream counts as stopped: `SILENCE_FACTOR` × the recent mean
	 * gap between messages, within the bounds (no messages at all: the upper bound).
	 */
	staleAfterMs(nowMs: number, bounds: StaleBounds): number {
		const { messages, windowMs } = this.recent(nowMs);
		const expected = messages === 0 ? bounds.maxMs : (SILENCE_FACTOR * windowMs) / messages;
		return Math.round(Math.min(bounds.maxMs, Math.max(bounds.minMs, expected)));
	}
}
