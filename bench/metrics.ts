// The metrics engine on its own, at the size of a 25,000-seat centre: no Redis, no sockets, no server.
//
// Builds a floor with 25,000 agents (1,250 teams of 20) and 150 queues with 7 shifts, opens 5,000
// contacts (4,000 talking, 1,000 waiting), then folds a stream of contact and agent events at 5,000
// events/s of event time through the reducer and its accumulators (day, shift segments, 10 s buckets,
// agent integrals, repeat memory). Prints:
//   µs per event in reducer + metrics (the mean over the stream, after a warm-up),
//   ms for a full recompute: every queue, channel, team and centre figure for every window, plus the
//   team figures for every window and the 25,000 agent rows with their day figures,
//   heap used after the stream (after a GC when run with --expose-gc).
//
// Usage: npx tsx bench/metrics.ts [--events 400000] [--agents 25000] [--queues 150] [--profile DIR]
//        node --expose-gc --import tsx bench/metrics.ts   (for a heap figure after GC)
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
const AGENTS = arg('agents', 25_000);
const QUEUES = arg('queues', 150);
const EVENTS = arg('events', 400_000);
const OPEN_TALKING = 4_000;
const OPEN_WAITING = 1_000;
const RATE_PER_SEC = 5_000;
const TEAM_SIZE = 20;

// With --profile DIR, CPU profiles of just the timed parts (apply.cpuprofile, recompute.cpuprofile), so
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
	const contactId = `c${++contactSeq}`;
	const queueId = queueFor(Number(agentId.slice(1)));
	const channel = channelOf(Number(queueId.slice(1)));
	const customerId = `u${Math.floor(random() * 2_000_000)}`;
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
			contactId: `w${i}`,
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
			const id = `x${++contactSeq}`;
			push({ type: 'contact.queued', contactId: id, queueId, channel: channelOf(Number(queueId.slice(1))) });
			push({ type: 'contact.abandoned', contactId: id });
		}
	}
	return events;
}

const warm = buildStream(Math.min(50_000, EVENTS / 4));
for (const e of warm) apply(e);
const stream = buildStream(EVENTS);
await profiler.start();
const t0 = process.hrtime.bigint();
for (const e of stream) apply(e);
const applyNs = Number(process.hrtime.bigint() - t0);
await profiler.stop('apply');
const nowMs = ts + 500;

function recompute(): Record<string, number> {
	const perWindow: Record<string, number> = {};
	for (const window of WINDOWS) {
		const start = process.hrtime.bigint();
		queueFigures(floor, window, nowMs);
		teamViews(floor, resolveWindow(floor, window, nowMs), nowMs);
		perWindow[window] = Number(process.hrtime.bigint() - start) / 1e6;
	}
	const start = process.hrtime.bigint();
	agentViews(floor, nowMs, { durations: true, window: resolveWindow(floor, 'day', nowMs) });
	perWindow['agents(day)'] = Number(process.hrtime.bigint() - start) / 1e6;
	return perWindow;
}
recompute(); // warm-up
await profiler.start();
const runs = Array.from({ length: 10 }, recompute);
await profiler.stop('recompute');
const totals = runs.map((r) => Object.values(r).reduce((a, b) => a + b, 0)).sort((a, b) => a - b);
const median = (xs: number[]) => xs[Math.floor(xs.length / 2)]!;
const windowMedians = Object.fromEntries(
	Object.keys(runs[0]!).map((k) => [k, median(runs.map((r) => r[k]!).sort((a, b) => a - b)).toFixed(2)])
);
const queueOnly = Array.from({ length: 10 }, () => {
	const start = process.hrtime.bigint();
	for (const window of WINDOWS) queueFigures(floor, window, nowMs);
	return Number(process.hrtime.bigint() - start) / 1e6;
}).sort((a, b) => a - b);

(globalThis as { gc?: () => void }).gc?.();
const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
console.log(
	JSON.stringify(
		{
			agents: floor.agents.size,
			queues: QUEUES,
			teams: teamCount,
			openContacts: floor.contacts.size,
			eventsTimed: stream.length,
			eventTimeSpanSec: Math.round((stream.at(-1)!.ts - stream[0]!.ts) / 1000),
			usPerEvent: Number((applyNs / stream.length / 1000).toFixed(3)),
			fullRecomputeMs: { median: Number(median(totals).toFixed(2)), max: Number(totals.at(-1)!.toFixed(2)) },
			queueFiguresAllWindowsMs: Number(median(queueOnly).toFixed(2)),
			perWindowMs: windowMedians,
			heapUsedMb: Number(heapMb.toFixed(1)),
			heapAfterGc: typeof (globalThis as { gc?: unknown }).gc === 'function',
			anomalies: floor.anomalies
		},
		null,
		2
	)
);
