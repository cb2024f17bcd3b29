import type { AgentTotals } from '../../shared/metrics/agent-formulas';
import type { Floor } from '../live/floor';
import { addTally, SAMPLE_MS, tallyAgents } from './agent-sample';
import { buildRows } from './build-rows';
import { INTERVAL_SIZES, type IntervalRow, type IntervalSize } from './interval-row';
import { intervalStartMs } from './local-time';

export interface RecorderOptions {
	sizes?: readonly IntervalSize[];
	/** Share of paid time not on the phones, for the scheduled need (default 0.3). */
	shrinkage?: number;
}

interface OpenInterval {
	size: IntervalSize;
	startMs: number;
	endMs: number;
	agents: Map<string, AgentTotals>;
	sampledMs: number;
}

interface ClosedInterval {
	size: IntervalSize;
	startMs: number;
	agents: Map<string, AgentTotals>;
	sampledMs: number;
}

/**
 * How long after it closes an interval can still be re-read from the floor's 10 s buckets (they hold one
 * hour): an event that arrives late for a closed interval within this gets the interval rewritten.
 */
const REWRITE_HORIZON_MS = 45 * 60_000;

/**
 * Turns a floor's event stream into interval rows. Call `beforeEvent(event.ts)` right before each
 * `applyEvent` on the same floor: an interval is closed (read at its last millisecond) before the first
 * event at or past its end is applied, so its figures are what the live interval window showed at that
 * instant. Event time drives everything, so the same events give the same rows on every replica.
 *
 * Pure core: no I/O, no clock. Closed rows collect until `drain()`; `openRows(nowMs)` reads the intervals
 * still running.
 */
export class IntervalRecorder {
	readonly floor: Floor;
	readonly sizes: readonly IntervalSize[];
	readonly shrinkage: number;
	#open: OpenInterval[] = [];
	#nextSampleMs = Number.NaN;
	#pending: IntervalRow[] = [];
	#recent: ClosedInterval[] = [];
	#dirty = new Set<ClosedInterval>();
	/** Event time reached: everything before it has been applied. */
	#reachedMs = Number.NEGATIVE_INFINITY;

	constructor(floor: Floor, options: RecorderOptions = {}) {
		this.floor = floor;
		this.sizes = options.sizes ?? INTERVAL_SIZES;
		this.shrinkage = options.shrinkage ?? 0.3;
	}

	/** Start of the earliest interval this recorder has seen from its beginning (NaN before any event). */
	get firstStartMs(): number {
		return this.#firstStartMs;
	}
	#firstStartMs = Number.NaN;

	get reachedMs(): number {
		return this.#reachedMs;
	}

	beforeEvent(ts: number): void {
		if (this.#open.length === 0) this.#start(ts);
		if (ts < this.#reachedMs) this.#noteLate(ts);
		else this.advanceTo(ts);
	}

	/**
	 * Moves event time on to `ms` with no event (a quiet floor): samples the agents up to it and closes the
	 * intervals that end at or before it. Never moves back.
	 */
	advanceTo(ms: number): void {
		if (this.#open.length === 0 || ms <= this.#reachedMs) return;
		for (;;) {
			const nextEnd = Math.min(...this.#open.map((o) => o.endMs));
			this.#sampleBefore(Math.min(ms, nextEnd));
			if (ms < nextEnd) break;
			for (const open of this.#open) if (open.endMs === nextEnd) this.#close(open);
		}
		this.#reachedMs = ms;
	}

	/** Closed rows since the last drain, oldest first, and rewrites of intervals that got late events. */
	drain(): IntervalRow[] {
		for (const closed of this.#dirty) this.#pending.push(...this.#rowsOf(closed));
		this.#dirty.clear();
		const out = this.#pending;
		this.#pending = [];
		return out;
	}

	/** Rows of the intervals still open, read at `nowMs` (advance first when the floor may be quiet). */
	openRows(nowMs: number): IntervalRow[] {
		return this.#open.flatMap((open) =>
			buildRows(this.floor, {
				size: open.size,
				startMs: open.startMs,
				atMs: Math.min(Math.max(nowMs, open.startMs), open.endMs - 1),
				closed: false,
				agents: open.agents,
				sampledMs: open.sampledMs,
				shrinkage: this.shrinkage
			})
		);
	}

	#start(ts: number): void {
		this.#nextSampleMs = Math.ceil(ts / SAMPLE_MS) * SAMPLE_MS;
		this.#open = this.sizes.map((size) => this.#opened(size, intervalStartMs(ts, size, this.floor.timeZone)));
		this.#firstStartMs = Math.min(...this.#open.map((o) => o.startMs));
		this.#reachedMs = ts;
	}

	#opened(size: IntervalSize, startMs: number): OpenInterval {
		return { size, startMs, endMs: startMs + size * 60_000, agents: new Map(), sampledMs: 0 };
	}

	/** Takes every grid sample before `limitMs`: the floor holds the state at each of them. */
	#sampleBefore(limitMs: number): void {
		if (this.#nextSampleMs >= limitMs) return;
		const count = Math.ceil((limitMs - this.#nextSampleMs) / SAMPLE_MS);
		const tally = tallyAgents(this.floor);
		for (const open of this.#open) {
			addTally(open.agents, tally, count);
			open.sampledMs += count * SAMPLE_MS;
		}
		this.#nextSampleMs += count * SAMPLE_MS;
	}

	#close(open: OpenInterval): void {
		const closed: ClosedInterval = {
			size: open.size,
			startMs: open.startMs,
			agents: open.agents,
			sampledMs: open.sampledMs
		};
		this.#pending.push(...this.#rowsOf(closed));
		this.#recent.push(closed);
		while (this.#recent.length && this.#recent[0]!.startMs < open.endMs - REWRITE_HORIZON_MS)
			this.#recent.shift();
		Object.assign(open, this.#opened(open.size, open.endMs));
	}

	#rowsOf(closed: ClosedInterval): IntervalRow[] {
		return buildRows(this.floor, {
			size: closed.size,
			startMs: closed.startMs,
			atMs: closed.startMs + closed.size * 60_000 - 1,
			closed: true,
			agents: closed.agents,
			sampledMs: closed.sampledMs,
			shrinkage: this.shrinkage
		});
	}

	/** An event for time already passed: its counts land in a closed interval, which is read again. */
	#noteLate(ts: number): void {
		for (const closed of this.#recent) {
			if (ts >= closed.startMs && ts < closed.startMs + closed.size * 60_000) this.#dirty.add(closed);
		}
	}
}
