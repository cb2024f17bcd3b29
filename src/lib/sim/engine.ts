import type { CcEvent, SupervisionMode } from '../shared/contract';
import { CONTRACT_VERSION } from '../shared/contract/envelope';
import { LocalClock } from './daily-curve';
import { Rng } from './prng';
import type { QueueState, SimAgent, SimContact } from './routing';
import { TimerHeap } from './timer-heap';

type Body<E> = E extends CcEvent ? Omit<E, 'v' | 'id' | 'ts' | 'source' | 'seq'> : never;
/** An event without its envelope; the engine stamps v, id, ts, source and seq. */
export type EventBody = Body<CcEvent>;

export interface Session {
	sessionId: string;
	contact: SimContact;
	agent: SimAgent;
	supervisorId: string;
	mode: SupervisionMode;
}

export interface EngineHooks {
	/** Decides when a logged-out agent comes back (next shift, or soon after a forced logout). */
	loggedOut(agent: SimAgent, forced: boolean): void;
}

/**
 * The simulation's state and clock: timers, agents, queues, open contacts, supervision sessions, and the
 * one place events are stamped. Time only moves when `runUntil` pops timers.
 */
export class Engine {
	readonly rng: Rng;
	readonly seed: number;
	readonly clock: LocalClock;
	readonly source: string;
	/** Distinguishes one run from another, so ids never repeat across restarts of the same source. */
	readonly runTag: string;
	readonly timers = new TimerHeap();
	readonly queues = new Map<string, QueueState>();
	/** Transfer targets: the first served voice queue of each line. */
	readonly lineQueues = new Map<string, QueueState>();
	readonly agents: SimAgent[] = [];
	readonly agentsById = new Map<string, SimAgent>();
	readonly contacts = new Map<string, SimContact>();
	readonly sessions = new Map<string, Session>();
	hooks: EngineHooks = { loggedOut: () => undefined };
	nowMs: number;
	seq = 0;
	loggedIn = 0;
	contactCounter = 0;
	sessionCounter = 0;
	#out: CcEvent[] | null = null;
	readonly #idPrefix: string;

	constructor(options: { seed: number; timeZone: string; source: string; startMs: number; runTag: string }) {
		this.seed = options.seed;
		this.rng = new Rng(options.seed);
		this.clock = new LocalClock(options.timeZone);
		this.source = options.source;
		this.nowMs = options.startMs;
		this.runTag = options.runTag;
		// Ids stay within the contract's 64 characters whatever the source is called.
		this.#idPrefix = `${options.source.slice(0, 36)}-${options.runTag}-`;
	}

	/** False during the silent warm-up. */
	get emitting(): boolean {
		return this.#out !== null;
	}

	emit(body: EventBody): void {
		const out = this.#out;
		if (!out) return;
		const seq = this.seq++;
		out.push({
			v: CONTRACT_VERSION,
			id: this.#idPrefix + String(seq).padStart(9, '0'),
			ts: this.nowMs,
			source: this.source,
			seq,
			...body
		} as CcEvent);
	}

	schedule(atMs: number, run: () => void): void {
		this.timers.push(Math.max(this.nowMs, Math.round(atMs)), run);
	}

	/** Runs every timer due up to `toMs`; events go to `out`, or nowhere during a silent warm-up. */
	runUntil(toMs: number, out: CcEvent[] | null): void {
		this.#out = out;
		try {
			while (this.timers.peekAtMs() <= toMs) {
				const timer = this.timers.pop();
				if (!timer) break;
				this.nowMs = timer.atMs;
				timer.run();
			}
			this.nowMs = Math.max(this.nowMs, toMs);
		} finally {
			this.#out = null;
		}
	}

	/** Runs `fn` now with events captured into `out`. */
	capture<T>(out: CcEvent[], fn: () => T): T {
		this.#out = out;
		try {
			return fn();
		} finally {
			this.#out = null;
		}
	}

	waitingTotal(): number {
		let total = 0;
		for (const queue of this.queues.values()) total += queue.waitingCount;
		return total;
	}
}
