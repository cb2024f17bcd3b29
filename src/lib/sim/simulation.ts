import type { CentreSetup } from '../shared/centre/setup';
import type { CcEvent, Command, CommandResult, FloorSnapshot } from '../shared/contract';
import { startAgents } from './agent-life';
import { startArrivals } from './arrivals';
import { applyCommand } from './commands';
import { CustomerPool } from './customers';
import { Engine } from './engine';
import { profileFor } from './profiles';
import { Rng, mixSeed } from './prng';
import { ArrivalModel } from './rates';
import { buildRoster, shiftWindows, teamPlans } from './roster';
import { QueueState } from './routing';
import { snapshotBody } from './snapshot';

export interface SimulationOptions {
	setup: CentreSetup;
	/** Agents on the roster across all shifts; roughly 40 % are logged in at the busy hour. */
	agents: number;
	seed: number;
	/** The `source` of every event; ≤ 64 characters. */
	source: string;
	/** Simulated epoch ms at which events start. */
	startMs: number;
	/** IANA zone the daily curve and shifts run in, e.g. 'Asia/Shanghai'. */
	timeZone: string;
	/** Simulated silently before `startMs` so the floor is already busy when events begin (default 900). */
	warmupSec?: number;
}

export interface SimulationStats {
	nowMs: number;
	loggedIn: number;
	waiting: number;
	openContacts: number;
	eventsEmitted: number;
}

export interface Simulation {
	readonly source: string;
	readonly startMs: number;
	readonly timeZone: string;
	/** Simulated time reached so far. */
	nowMs(): number;
	/** Every event up to `toMs`, in time order. The first call starts with a `floor.snapshot` at `startMs`. */
	advance(toMs: number): CcEvent[];
	/** Advances to `nowMs`, then applies the command: the advanced events come first, then the command's. */
	handleCommand(command: Command, nowMs: number): { result: CommandResult; events: CcEvent[] };
	/**
	 * A `floor.snapshot` of the floor at `nowMs()` (it takes the next `seq`). Passing a later `nowMs` is an
	 * error: the picture would silently skip the events in between, so advance first.
	 */
	snapshot(nowMs?: number): FloorSnapshot;
	stats(): SimulationStats;
}

export function createSimulation(options: SimulationOptions): Simulation {
	const { setup, agents: agentCount, seed, source, startMs, timeZone } = options;
	const warmupSec = options.warmupSec ?? 900;
	if (!Number.isInteger(agentCount) || agentCount < 1 || agentCount > 100_000) {
		throw new RangeError(`agents must be an integer from 1 to 100000 (got ${agentCount})`);
	}
	if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number (got ${seed})`);
	if (source.length < 1 || source.length > 64) throw new RangeError('source must be 1 to 64 characters');
	if (!Number.isInteger(startMs)) throw new RangeError('startMs must be an integer (epoch milliseconds)');
	if (!(warmupSec >= 0)) throw new RangeError('warmupSec must be ≥ 0');
	if (setup.queues.length === 0) throw new RangeError('the set-up has no queues to simulate');

	const engine = new Engine({
		seed,
		timeZone,
		source,
		startMs: startMs - warmupSec * 1000,
		runTag: Math.abs(startMs).toString(36)
	});
	const setupRng = new Rng(mixSeed(seed, 1));
	for (const q of setup.queues) engine.queues.set(q.queueId, new QueueState(q, profileFor(q, setupRng)));
	const plans = teamPlans(setup, engine.queues);
	const roster = buildRoster(setupRng, plans, shiftWindows(setup), agentCount);
	for (const agent of roster) {
		engine.agents.push(agent);
		engine.agentsById.set(agent.agentId, agent);
	}
	const served = new Set(roster.flatMap((a) => a.skills));
	for (const queue of engine.queues.values()) {
		if (queue.channel === 'voice' && served.has(queue) && !engine.lineQueues.has(queue.line)) {
			engine.lineQueues.set(queue.line, queue);
		}
	}
	const model = new ArrivalModel(engine, plans, roster);
	const customers = new CustomerPool(new Rng(mixSeed(seed, 2)), Math.max(200, agentCount * 2));
	startAgents(engine, engine.nowMs);
	startArrivals(engine, model, customers, engine.nowMs);
	// The warm-up's events are never seen: the first event is a snapshot of where it left the floor.
	engine.runUntil(startMs - 1, null);
	engine.nowMs = startMs;
	let started = false;
	let eventsEmitted = 0;

	const counted = (events: CcEvent[]) => {
		eventsEmitted += events.length;
		return events;
	};
	const advance = (toMs: number): CcEvent[] => {
		const out: CcEvent[] = [];
		if (!started) {
			started = true;
			engine.capture(out, () => engine.emit(snapshotBody(engine)));
		}
		engine.runUntil(toMs, out);
		return counted(out);
	};

	return {
		source,
		startMs,
		timeZone,
		nowMs: () => engine.nowMs,
		advance,
		handleCommand(command, nowMs) {
			const events = advance(nowMs);
			const own: CcEvent[] = [];
			const result = engine.capture(own, () => applyCommand(engine, command));
			events.push(...counted(own));
			return { result, events };
		},
		snapshot(nowMs) {
			if (nowMs !== undefined && nowMs > engine.nowMs) {
				throw new RangeError('advance(nowMs) before taking a snapshot at nowMs');
			}
			started = true;
			const out: CcEvent[] = [];
			engine.capture(out, () => engine.emit(snapshotBody(engine)));
			const event = counted(out)[0];
			if (event?.type !== 'floor.snapshot') throw new Error('snapshot was not emitted');
			return event;
		},
		stats: () => ({
			nowMs: engine.nowMs,
			loggedIn: engine.loggedIn,
			waiting: engine.waitingTotal(),
			openContacts: engine.contacts.size,
			eventsEmitted
		})
	};
}
