/**
 * Decides, per event, whether to apply it: duplicates (a repeated `id`) are applied once, and each
 * source's `seq` must step by one. A jump is a gap (events were lost in transit); a step back is the
 * source restarting, which is accepted as its new baseline. Pure and bounded: no I/O, capped memory.
 */
export type Admission =
	| { kind: 'apply' }
	| { kind: 'duplicate' }
	| { kind: 'restart'; previousSeq: number }
	| { kind: 'gap'; expectedSeq: number; gotSeq: number };

export interface SequencerLimits {
	/** How many recent event ids are remembered for duplicate detection. */
	maxRememberedIds: number;
	/** How many sources are tracked before the least recently seen is forgotten. */
	maxSources: number;
}

export const DEFAULT_SEQUENCER_LIMITS: SequencerLimits = { maxRememberedIds: 500_000, maxSources: 10_000 };

export class Sequencer {
	readonly #limits: SequencerLimits;
	// Two generations of ids: lookups check both, inserts go to the young one, and when it fills the old
	// one is dropped. O(1) per event with no per-entry bookkeeping, remembering between N and 2N ids.
	#youngIds = new Set<string>();
	#oldIds = new Set<string>();
	readonly #lastSeq = new Map<string, number>();

	constructor(limits: SequencerLimits = DEFAULT_SEQUENCER_LIMITS) {
		this.#limits = limits;
	}

	/** Looks at an event and records it as seen (unless it is a duplicate). */
	admit(event: { id: string; source: string; seq: number }): Admission {
		if (this.seen(event.id)) return { kind: 'duplicate' };
		this.#remember(event.id);
		const last = this.#lastSeq.get(event.source);
		this.#setSeq(event.source, event.seq);
		if (last === undefined || event.seq === last + 1) return { kind: 'apply' };
		if (event.seq <= last) return { kind: 'restart', previousSeq: last };
		return { kind: 'gap', expectedSeq: last + 1, gotSeq: event.seq };
	}

	seen(id: string): boolean {
		return this.#youngIds.has(id) || this.#oldIds.has(id);
	}

	/** Next seq expected from a source, or null if it was never seen. */
	expectedSeq(source: string): number | null {
		const last = this.#lastSeq.get(source);
		return last === undefined ? null : last + 1;
	}

	/** Accepts a source's position as given (after a snapshot or an unrecoverable loss). */
	resetSource(source: string, lastSeq: number): void {
		this.#setSeq(source, lastSeq);
	}

	#remember(id: string): void {
		if (this.#youngIds.size >= this.#limits.maxRememberedIds) {
			this.#oldIds = this.#youngIds;
			this.#youngIds = new Set();
		}
		this.#youngIds.add(id);
	}

	#setSeq(source: string, seq: number): void {
		// Re-inserting keeps the Map in least-recently-seen order, so the oldest source is first to go.
		this.#lastSeq.delete(source);
		this.#lastSeq.set(source, seq);
		if (this.#lastSeq.size > this.#limits.maxSources) {
			const oldest = this.#lastSeq.keys().next().value;
			if (oldest !== undefined) this.#lastSeq.delete(oldest);
		}
	}
}
