// The metrics engine on its own, at the size of a 25,000-seat centre: no Redis, no sockets, no server.
//
// Builds a floor with 25,000 agents (1,250 teams of 20) and 150 queues with 7 shifts, opens 5,000
// contacts (4,000 talking, 1,000 waiting), then folds a stream of contact and agent events at 5,000
// events/s of event time through the reducer and its accumulators (day, shift segments, 10 s buckets,
// agent integrals and trails, repeat memory). Prints:
//   µs per event in reducer + metrics (the mean over the stream, after a warm-up; wall and CPU time),
//   ms for a full recompute on a tick (`tickRecomputeMs`, after 250 ms of events) and from scratch (`coldRecomputeMs`),
//   split into its parts (see "Ticks" below),
//   ms to build the 25,000 agent rows of the agent API (`agentRows25kMs`), day and rolling15,
//   the agent trails' memory, heap used at the end (after a GC when run with --expose-gc).
//
// Usage: npx tsx bench/metrics.ts [--events 400000] [--agents 25000] [--queues 150] [--fresh] [--profile DIR]
//                                 [--id-length 36] [--parsed]
//        node --expose-gc --import tsx bench/metrics.ts   (for a heap figure after GC)
//        node --expose-gc --max-semi-space-size=32 --import tsx bench/metrics.ts   (the server's flags, npm start)
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { CentreSetup } from '../src/lib/shared/centre/setup';
import type { CcEvent, Channel } from '../src/lib/shared/contract';
import { WINDOWS } from '../src/lib/shared/metrics/figures';
import {
	agentViews,
	applyEvent,
	createFloor,
	agentWindowTotals,
	forgetFigureCaches,
	queueFigures,
	resolveWindow,
	teamViews
} from '../src/lib/server/live/floor';

const arg = (name: string, fallback: number): number => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const PROFILE_DIR = process.argv.includes('--profile')
	? process.argv[process.argv.indexOf('--profile') + 1]
	: undefined;
/**
 * --id-length N: contact and customer ids padded to N characters (platforms often send 36-character
 * UUIDs); --parsed: each timed event goes through JSON.stringify and JSON.parse first, so its strings
 * are its own, flat, as the server's are after parsing a message (the stream otherwise shares one id
 * string between all events of a contact).
 */
const ID_LENGTH = arg('id-length', 0);
const PARSED = process.argv.includes('--parsed');
const padId = (id: string): string => (ID_LENGTH > id.length ? `${id}-`.padEnd(ID_LENGTH, '0') : id);
const AGENTS = arg('agents', 25_000);
const QUEUES = arg('queues', 150);
const EVENTS = arg('events', 400_000);
const OPEN_TALKING = 4_000;
const OPEN_WAITING = 1_000;
const RATE_PER_SEC = 5_000;
const TEAM_SIZE = 20;

// With --profile DIR, CPU profiles of just the timed parts (apply, tick and cold .cpuprofile), so
// the set-up and the stream's construction do not drown them.
const session = PROFILE_DIR ? new Session() : null;
session?.connect();
const profiler = {
	start: async () => {
		if (!session) return;
		await session.post('Profiler.enable');
		await session.post('Profiler.start');
	},
	stop: async (name: string) => {
		if (!session || !PROFILE_DIR) return;
		const { profile } = await session.post('Profiler.stop');
		mkdirSync(PROFILE_DIR, { recursive: true });
		writeFileSync(join(PROFILE_DIR, `${name}.cpuprofile`), JSON.stringify(profile));
	}
};

// Deterministic PRNG (mulberry32) so runs are comparable.
let seed = 42;
const random = (): number => {
	seed = (seed + 0x6d2b79f5) | 0;
	let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
	t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
	return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/**
 * Nanoseconds per dependent random read over 64 MB (a pointer chase through a random cycle): how long a
 * cache miss to memory takes on this machine right now. The event and tick figures are mostly such
 * misses, and on a shared machine this latency moves with the neighbours' load; printed beside them so
 * runs at different times can be told apart from changes to the code.
 */
function memoryLatencyNs(): number {
	const n = 16 * 2 ** 20;
	const next = new Uint32Array(n);
	for (let i = 0; i < n; i++) next[i] = i;
	// Sattolo's shuffle: one cycle through every slot.
	for (let i = n - 1; i > 0; i--) {
		const j = Math.floor(random() * i);
		const t = next[i]!;
		next[i] = next[j]!;
		next[j] = t;
	}
	const steps = 2_000_000;
	let at = 0;
	const start = process.hrtime.bigint();
	for (let k = 0; k < steps; k++) at = next[at]!;
	const ns = Number(process.hrtime.bigint() - start) / steps;
	return at === -1 ? 0 : Number(ns.toFixed(1));
}
// Before anything else, so its 64 MB are gone before the floor is built.
const memoryLatencyBeforeNs = memoryLatencyNs();
(globalThis as { gc?: () => void }).gc?.();

const channelOf = (q: number): Channel => (q % 10 < 7 ? 'voice' : q % 10 < 9 ? 'chat' : 'email');
const queueIds = Array.from({ length: QUEUES }, (_, q) => `q${q}`);
const teamCount = Math.ceil(AGENTS / TEAM_SIZE);
const setup = CentreSetup.parse({
	name: { 'zh-CN': '基准中心' },
	queues: queueIds.map((queueId, q) => ({ queueId, name: { 'zh-CN': queueId }, channel: channelOf(q) })),
	teams: Array.from({ length: teamCount }, (_, t) => ({
		teamId: `t${t}`,
		name: { 'zh-CN': `t${t}` },
		queues: Array.from({ length: 5 }, (_, k) => queueIds[(t * 5 + k) % QUEUES]!)
	})),
	shifts: [
		['early', '06:00', '14:00'],
		['day', '08:00', '17:00'],
		['office', '09:00', '18:00'],
		['middle', '12:00', '21:00'],
		['late', '14:00', '22:00'],
		['evening', '18:00', '02:00'],
		['night', '22:00', '06:00']
	].map(([shiftId, start, end]) => ({ shiftId, name: { 'zh-CN': shiftId }, start, end }))
});

const floor = createFloor(setup, { timeZone: 'Asia/Shanghai' });
let ts = Date.UTC(2025, 10, 11, 2, 0, 0); // 11.11, 10:00 local

// A server that has run a few busy hours holds its bounded memories full: 500,000 customers for the
// repeat rate and 200,000 finished contacts, so every new one pushes the oldest out. The stream alone
// (~100,000 contacts) never gets there; fill them first, as hours of traffic would (--fresh: do not).
if (!process.argv.includes('--fresh')) {
	for (let i = 0; i < floor.limits.customers; i++) floor.customers.note(`p${i}`, `pc${i}`, ts - 3_600_000);
	for (let i = 0; i < floor.limits.recentContacts; i++)
		floor.recentContacts.remember(`pr${i}`, {
			queueId: 'q0',
			channel: 'voice',
			vip: false,
			customerId: null,
			repeat: null,
			dormantLegs: null
		});
}
let seq = 0;
const make = (fields: Record<string, unknown>): CcEvent =>
	({ v: 1, id: `b-${++seq}`, ts, source: 'bench', seq, ...fields }) as unknown as CcEvent;
const apply = (e: CcEvent) => applyEvent(floor, e, e.ts);

// Agents: each serves the queues of its team, on the channel of its first queue.
const agentIds = Array.from({ length: AGENTS }, (_, i) => `a${i}`);
const agentQueues = (i: number) => setup.teams[Math.floor(i / TEAM_SIZE)]!.queues;
for (const [i, agentId] of agentIds.entries()) {
	apply(
		make({
			type: 'agent.login',
			agentId,
			name: agentId,
			teamId: `t${Math.floor(i / TEAM_SIZE)}`,
			queues: agentQueues(i),
			capacity: { chat: 3 }
		})
	);
	apply(make({ type: 'agent.state', agentId, state: 'ready' }));
}

// Open contacts: 4,000 talking with distinct agents, 1,000 waiting.
let contactSeq = 0;
const talking: { contactId: string; agentId: string }[] = [];
const idle = new Set(agentIds);
const queueFor = (agentIndex: number) => pick(agentQueues(agentIndex));
const startContact = (): { contactId: string; agentId: string } => {
	// The same choice as pick([...idle].slice(0, 64)) without copying 25,000 ids per contact.
	const index = Math.floor(random() * Math.min(64, idle.size));
	let agentId = '';
	let k = 0;
	for (const id of idle) {
		if (k++ === index) {
			agentId = id;
			break;
		}
	}
	idle.delete(agentId);
	const contactId = padId(`c${++contactSeq}`);
	const queueId = queueFor(Number(agentId.slice(1)));
	const channel = channelOf(Number(queueId.slice(1)));
	const customerId = padId(`u${Math.floor(random() * 2_000_000)}`);
	return { contactId, agentId, queueId, channel, customerId } as never;
};
for (let i = 0; i < OPEN_TALKING; i++) {
	const c = startContact() as unknown as {
		contactId: string;
		agentId: string;
		queueId: string;
		channel: Channel;
		customerId: string;
	};
	apply(
		make({
			type: 'contact.queued',
			contactId: c.contactId,
			queueId: c.queueId,
			channel: c.channel,
			customerId: c.customerId
		})
	);
	apply(make({ type: 'contact.answered', contactId: c.contactId, agentId: c.agentId }));
	talking.push(c);
}
for (let i = 0; i < OPEN_WAITING; i++) {
	const queueId = pick(queueIds);
	apply(
		make({
			type: 'contact.queued',
			contactId: padId(`w${i}`),
			queueId,
			channel: channelOf(Number(queueId.slice(1)))
		})
	);
}

// The stream: a contact life per step (queued → answered → ended → wrapped), an agent taking a break now
// and then, a survey for some; the open set stays at ~5,000 because each new call ends an old one.
function buildStream(count: number): CcEvent[] {
	const events: CcEvent[] = [];
	const wrapping: { contactId: string; agentId: string }[] = [];
	const stepMs = 1000 / RATE_PER_SEC;
	const push = (fields: Record<string, unknown>) => {
		ts += stepMs;
		events.push(make(fields));
	};
	while (events.length < count) {
		const c = startContact() as unknown as {
			contactId: string;
			agentId: string;
			queueId: string;
			channel: Channel;
			customerId: string;
		};
		push({
			type: 'contact.queued',
			contactId: c.contactId,
			queueId: c.queueId,
			channel: c.channel,
			customerId: c.customerId,
			vip: random() < 0.05
		});
		push({ type: 'contact.answered', contactId: c.contactId, agentId: c.agentId });
		talking.push(c);
		const done = talking.splice(Math.floor(random() * talking.length), 1)[0]!;
		push({ type: 'contact.ended', contactId: done.contactId, agentId: done.agentId });
		wrapping.push(done);
		if (wrapping.length > 200) {
			const w = wrapping.shift()!;
			push({ type: 'contact.wrapped', contactId: w.contactId, agentId: w.agentId });
			if (random() < 0.2)
				push({ type: 'contact.survey', contactId: w.contactId, score: 1 + Math.floor(random() * 5) });
			if (random() < 0.1) {
				push({ type: 'agent.state', agentId: w.agentId, state: 'not_ready', reason: 'break' });
				push({ type: 'agent.state', agentId: w.agentId, state: 'ready' });
			}
			idle.add(w.agentId);
		}
		if (random() < 0.05) {
			const queueId = pick(queueIds);
			const id = padId(`x${++contactSeq}`);
			push({ type: 'contact.queued', contactId: id, queueId, channel: channelOf(Number(queueId.slice(1))) });
			push({ type: 'contact.abandoned', contactId: id });
		}
	}
	return events;
}

const warm = buildStream(Math.min(50_000, EVENTS / 4));
for (const e of warm) apply(e);
// Parsed in place: the stream as built is then garbage, not held beside its copy.
const stream = buildStream(EVENTS);
if (PARSED)
	for (let i = 0; i < stream.length; i++) stream[i] = JSON.parse(JSON.stringify(stream[i])) as CcEvent;
await profiler.start();
const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
for (const e of stream) apply(e);
const applyNs = Number(process.hrtime.bigint() - t0);
// CPU time beside wall time: on a shared machine the wall clock also counts time spent descheduled.
const applyCpuUs = process.cpuUsage(cpu0).user;
await profiler.stop('apply');
// Ticks. The hub recomputes every 250 ms and 1,250 events (5,000/s) arrive in between, so a tick finds
// ~1,000 agents and most queues and teams changed. "Tick" is what a tick computes when every figure is
// on some screen: the queue, channel and centre figures of all 8 windows, the team views of all 8
// windows (each team's agent figures and the roll-up of its queues), every agent's figures over the day
// (all 25,000, as numbers: the agent table), and the agent rows of 50 supervisors' consoles (one team
// of 20 each). "Cold" is the same after dropping every kept part, as on the first tick after a start.
// Timed on their own, as built on request rather than on a tick: the 25,000 agent rows as objects (what
// GET /api/v1/agents builds before encoding) and the queue API's row per team (`apiTeamRows`).
const TICK_MS = 250;
const TICKS = 40;
const CONSOLES = 50;
const EVENTS_PER_TICK = (RATE_PER_SEC * TICK_MS) / 1000;
const tickEvents = buildStream(EVENTS_PER_TICK * (TICKS + 5));
const consoleTeams = Array.from({ length: CONSOLES }, (_, i) => `t${Math.floor((i * teamCount) / CONSOLES)}`);

interface Parts {
	queues: number;
	teams: number;
	agents: number;
	consoles: number;
	total: number;
	/** Not in the total: the queue API's rows per team (below). */
	apiTeamRows: number;
}

/** Queue API team rows read per tick (a check that they were built: 8 windows × 1,250 teams). */
let teamRowsRead = 0;

function recompute(nowMs: number): Parts {
	const t0 = process.hrtime.bigint();
	const queueResults = WINDOWS.map((window) => queueFigures(floor, window, nowMs));
	const t1 = process.hrtime.bigint();
	for (const window of WINDOWS) teamViews(floor, resolveWindow(floor, window, nowMs), nowMs);
	const t2 = process.hrtime.bigint();
	agentWindowTotals(floor, resolveWindow(floor, 'day', nowMs), nowMs);
	const t3 = process.hrtime.bigint();
	const day = resolveWindow(floor, 'day', nowMs);
	for (const teamId of consoleTeams) agentViews(floor, nowMs, { teamIds: [teamId], window: day });
	const t4 = process.hrtime.bigint();
	// The queue API's `teams`: the team views' roll-ups again, one row per team with its name and id,
	// built when the API is read rather than on a tick (no screen shows them); timed apart.
	for (const result of queueResults) teamRowsRead += result.teams.length;
	const t5 = process.hrtime.bigint();
	const ms = (a: bigint, b: bigint) => Number(b - a) / 1e6;
	return {
		queues: ms(t0, t1),
		teams: ms(t1, t2),
		agents: ms(t2, t3),
		consoles: ms(t3, t4),
		total: ms(t0, t4),
		apiTeamRows: ms(t4, t5)
	};
}

/** The 25,000 agent rows with their figures over `window`, as the agent API builds them. */
function agentRows(nowMs: number, window: (typeof WINDOWS)[number]): number {
	const start = process.hrtime.bigint();
	agentViews(floor, nowMs, { window: resolveWindow(floor, window, nowMs) });
	return Number(process.hrtime.bigint() - start) / 1e6;
}

let nextTickEvent = 0;
/** Applies the next tick's worth of events and returns the query time (just after the last one). */
function advanceOneTick(): number {
	for (let i = 0; i < EVENTS_PER_TICK; i++) apply(tickEvents[nextTickEvent++]!);
	return tickEvents[nextTickEvent - 1]!.ts + 1;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const max = (xs: number[]) => Math.max(...xs);
const summary = (runs: Parts[]) =>
	Object.fromEntries(
		(['total', 'queues', 'teams', 'agents', 'consoles', 'apiTeamRows'] as const).map((k) => [
			k,
			{
				median: Number(median(runs.map((r) => r[k])).toFixed(2)),
				max: Number(max(runs.map((r) => r[k])).toFixed(2))
			}
		])
	);

recompute(advanceOneTick()); // warm-up
await profiler.start();
const ticks: Parts[] = [];
for (let i = 0; i < TICKS; i++) ticks.push(recompute(advanceOneTick()));
await profiler.stop('tick');

const coldNowMs = advanceOneTick();
await profiler.start();
const colds: Parts[] = [];
for (let i = 0; i < 5; i++) {
	forgetFigureCaches(floor);
	colds.push(recompute(coldNowMs));
}
await profiler.stop('cold');

// The 25,000 agent rows as objects: day (the default) and a sliding window, from scratch and warm.
forgetFigureCaches(floor);
const rowsDayCold = agentRows(coldNowMs, 'day');
const rowsDayWarm = agentRows(advanceOneTick(), 'day');
forgetFigureCaches(floor);
const rowsRollingCold = agentRows(coldNowMs + TICK_MS, 'rolling15');
const rowsRollingWarm = agentRows(advanceOneTick(), 'rolling15');

let trailBytes = 0;
let trailRows = 0;
let trails = 0;
for (const agent of floor.agentList) {
	if (!agent.trail) continue;
	trails++;
	trailBytes += agent.trail.bytes;
	trailRows += agent.trail.rows;
}

const memoryLatencyAfterNs = memoryLatencyNs();
(globalThis as { gc?: () => void }).gc?.();
const memory = process.memoryUsage();
const heapMb = memory.heapUsed / 2 ** 20;
// Typed arrays of more than a few dozen bytes keep their contents outside the JS heap: counted apart.
const arrayBuffersMb = memory.arrayBuffers / 2 ** 20;
console.log(
	JSON.stringify(
		{
			// Node flags of the run (the young generation's size moves the figures: see docs/performance.md).
			nodeFlags: process.execArgv.filter((a) => a !== '--import' && a !== 'tsx'),
			idLength: ID_LENGTH || 'as generated (2-8)',
			parsed: PARSED,
			memoryLatencyNs: { before: memoryLatencyBeforeNs, after: memoryLatencyAfterNs },
			agents: floor.agents.size,
			queues: QUEUES,
			teams: teamCount,
			openContacts: floor.contacts.size,
			eventsTimed: stream.length,
			eventTimeSpanSec: Math.round((stream.at(-1)!.ts - stream[0]!.ts) / 1000),
			usPerEvent: Number((applyNs / stream.length / 1000).toFixed(3)),
			usPerEventCpu: Number((applyCpuUs / stream.length).toFixed(3)),
			tickRecomputeMs: summary(ticks),
			teamRowsPerTick: teamRowsRead / (TICKS + 1 + 5),
			coldRecomputeMs: summary(colds),
			agentRows25kMs: {
				day: { cold: Number(rowsDayCold.toFixed(2)), warm: Number(rowsDayWarm.toFixed(2)) },
				rolling15: { cold: Number(rowsRollingCold.toFixed(2)), warm: Number(rowsRollingWarm.toFixed(2)) }
			},
			trails: {
				agents: trails,
				rowsPerAgent: Number((trailRows / Math.max(1, trails)).toFixed(1)),
				bytesPerAgent: Math.round(trailBytes / Math.max(1, trails)),
				totalMb: Number((trailBytes / 2 ** 20).toFixed(1))
			},
			heapUsedMb: Number(heapMb.toFixed(1)),
			arrayBuffersMb: Number(arrayBuffersMb.toFixed(1)),
			heapAfterGc: typeof (globalThis as { gc?: unknown }).gc === 'function',
			anomalies: floor.anomalies
		},
		null,
		2
	)
);
