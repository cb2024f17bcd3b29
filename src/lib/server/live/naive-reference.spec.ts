import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CentreSetup } from '../../shared/centre/setup';
import type { CcEvent } from '../../shared/contract';
import type { AgentWindowFigures, MetricWindow, QueueFigures } from '../../shared/metrics/figures';
import {
	agentViews,
	applyEvent,
	createFloor,
	forgetFigureCaches,
	queueFigures,
	resolveWindow,
	teamViews,
	type Floor
} from './floor';
import { createEventBuilder, testCentreSetup } from './test-events';

/**
 * The reducer and the windows against a deliberately naive reference: random valid histories are
 * folded through the floor, and every figure of every window (queue, team and agent) is recomputed here by rescanning all
 * events, with window starts worked out independently (Shanghai is UTC+8 all year, so plain arithmetic
 * on a fixed offset). Histories start at 23:20 local and run 90 min, so they cross midnight, interval
 * and shift boundaries, and the checks run up to an hour later, when rolling windows have expired.
 *
 * Generated histories: three agents (two voice with capacity 1, one chat with capacity 2) log in at the
 * start and change state at random; contacts queue in three queues, with or without a customer (4
 * customers, so repeats are common) and VIP flag, and are abandoned (short or not), flowed out, left
 * waiting, or answered by an agent of their channel (voice agents may be given two calls at once: load
 * caps at 1), held, ended, wrapped and surveyed. Not generated: rings, RONAs, transfers, logouts and
 * snapshots (their rules have their own hand-worked specs).
 */

const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const S = Date.UTC(2025, 10, 23, 15, 20, 0); // 2025-11-23 23:20 Asia/Shanghai
const HORIZON_SEC = 5400;

const SHIFTS = [
	{ shiftId: 'late', start: '14:00', end: '00:00' },
	{ shiftId: 'night', start: '23:30', end: '07:00' },
	{ shiftId: 'owl', start: '00:30', end: '08:00' }
];
const setup = CentreSetup.parse({
	...testCentreSetup(),
	shifts: SHIFTS.map((s) => ({ ...s, name: { 'zh-CN': s.shiftId } }))
});

const AGENTS = [
	{ agentId: 'a1', teamId: 'voice-team', channel: 'voice', capacity: 1 },
	{ agentId: 'a2', teamId: 'voice-team', channel: 'voice', capacity: 1 },
	{ agentId: 'a3', teamId: 'chat-team', channel: 'chat', capacity: 2 }
] as const;
/** The test centre's queues: `pos` counts abandons within the threshold as met (abandons_positive). */
const QUEUES = {
	neg: { channel: 'voice', slSec: 20, abandonsPositive: false },
	pos: { channel: 'voice', slSec: 20, abandonsPositive: true },
	chat: { channel: 'chat', slSec: 60, abandonsPositive: false }
} as const;
type QueueId = keyof typeof QUEUES;

const contactArb = fc.record({
	arriveSec: fc.integer({ min: 0, max: HORIZON_SEC }),
	queue: fc.constantFrom<QueueId>('neg', 'pos', 'chat'),
	customer: fc.option(fc.constantFrom('u1', 'u2', 'u3', 'u4'), { nil: undefined }),
	vip: fc.boolean(),
	fate: fc.constantFrom('abandon', 'flow', 'answer', 'answer', 'answer', 'wait'),
	waitSec: fc.integer({ min: 0, max: 90 }),
	agentPick: fc.nat(1),
	talkSec: fc.integer({ min: 1, max: 900 }),
	hold: fc.option(fc.record({ fromSec: fc.nat(300), forSec: fc.integer({ min: 1, max: 120 }) }), {
		nil: undefined
	}),
	wrapSec: fc.integer({ min: 0, max: 120 }),
	survey: fc.option(
		fc.record({ afterSec: fc.integer({ min: 1, max: 300 }), score: fc.integer({ min: 1, max: 5 }) }),
		{
			nil: undefined
		}
	)
});
const stateArb = fc.record({
	atSec: fc.integer({ min: 1, max: HORIZON_SEC }),
	agent: fc.constantFrom('a1', 'a2', 'a3'),
	ready: fc.boolean(),
	reason: fc.constantFrom('break', 'lunch', '')
});
const historyArb = fc.record({
	contacts: fc.array(contactArb, { maxLength: 40 }),
	states: fc.array(stateArb, { maxLength: 20 }),
	checkpointsSec: fc.array(fc.integer({ min: 0, max: HORIZON_SEC + 3600 }), { minLength: 1, maxLength: 3 })
});
type History = typeof historyArb extends fc.Arbitrary<infer T> ? T : never;

/** Valid events of a history, in event-time order (stable, so a contact's same-instant events keep their order). */
function eventsOf(h: History): CcEvent[] {
	const b = createEventBuilder({ startMs: S });
	for (const a of AGENTS)
		b.login(a.agentId, {
			teamId: a.teamId,
			queues: Object.keys(QUEUES).filter((q) => QUEUES[q as QueueId].channel === a.channel),
			capacity: { [a.channel]: a.capacity }
		});
	b.after(1);
	for (const a of AGENTS) b.ready(a.agentId);
	for (const s of h.states)
		b.at(S + s.atSec * 1000).state(s.agent, s.ready ? 'ready' : 'not_ready', s.ready ? undefined : s.reason);
	h.contacts.forEach((c, i) => {
		const id = `c${i}`;
		const { channel } = QUEUES[c.queue];
		const queuedAt = S + c.arriveSec * 1000;
		b.at(queuedAt).queued(id, c.queue, {
			channel,
			vip: c.vip,
			...(c.customer ? { customerId: c.customer } : {})
		});
		const outAt = queuedAt + c.waitSec * 1000;
		if (c.fate === 'abandon') b.at(outAt).abandoned(id);
		if (c.fate === 'flow') b.at(outAt).flowedOut(id);
		if (c.fate !== 'answer') return;
		const candidates = AGENTS.filter((a) => a.channel === channel);
		const agentId = candidates[c.agentPick % candidates.length]!.agentId;
		b.at(outAt).answered(id, agentId);
		if (c.hold && c.hold.fromSec + c.hold.forSec < c.talkSec) {
			b.at(outAt + c.hold.fromSec * 1000).held(id);
			b.at(outAt + (c.hold.fromSec + c.hold.forSec) * 1000).resumed(id);
		}
		const endedAt = outAt + c.talkSec * 1000;
		b.at(endedAt).ended(id, agentId);
		b.at(endedAt + c.wrapSec * 1000).wrapped(id, agentId);
		if (c.survey) b.at(endedAt + (c.wrapSec + c.survey.afterSec) * 1000).survey(id, c.survey.score);
	});
	return [...b.events].sort((x, y) => x.ts - y.ts);
}

// ---- the naive reference: every figure from a full rescan of the events up to the query ----

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
const localDayStart = (ms: number) => Math.floor((ms + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS;

function naiveStart(window: MetricWindow, q: number): number | null {
	switch (window) {
		case 'now':
			return q;
		case 'rolling15':
		case 'rolling30':
		case 'rolling60':
			return Math.floor(q / 10_000) * 10_000 + 10_000 - Number(window.slice(7)) * 60_000;
		case 'interval15':
		case 'interval30': {
			const len = Number(window.slice(8)) * 60_000;
			return Math.floor((q + OFFSET_MS) / len) * len - OFFSET_MS;
		}
		case 'day':
			return localDayStart(q);
		case 'shift': {
			let best: number | null = null;
			for (const day of [localDayStart(q) - DAY_MS, localDayStart(q)]) {
				for (const s of SHIFTS) {
					const start = day + minutesOf(s.start) * 60_000;
					const lengthMin = (minutesOf(s.end) - minutesOf(s.start) + 1440) % 1440 || 1440;
					if (start <= q && q < start + lengthMin * 60_000 && (best === null || start > best)) best = start;
				}
			}
			return best;
		}
	}
}

interface NaiveContact {
	id: string;
	queue: string;
	queuedAt: number;
	customer: string | null;
	vip: boolean;
	outcome: { type: string; ts: number; agentId?: string } | null;
	holds: { from: number; to: number | null }[];
	ended: number | null;
	wrapped: number | null;
	surveys: { ts: number; score: number }[];
}

function contactsUpTo(events: CcEvent[], q: number): NaiveContact[] {
	const byId = new Map<string, NaiveContact>();
	for (const e of events) {
		if (e.ts > q) continue;
		if (e.type === 'contact.queued') {
			byId.set(e.contactId, {
				id: e.contactId,
				queue: e.queueId,
				queuedAt: e.ts,
				customer: e.customerId ?? null,
				vip: e.vip ?? false,
				outcome: null,
				holds: [],
				ended: null,
				wrapped: null,
				surveys: []
			});
			continue;
		}
		const c = 'contactId' in e ? byId.get(e.contactId) : undefined;
		if (!c) continue;
		if (e.type === 'contact.answered') c.outcome = { type: 'answered', ts: e.ts, agentId: e.agentId };
		if (e.type === 'contact.abandoned' || e.type === 'contact.flowed_out')
			c.outcome = { type: e.type.slice(8), ts: e.ts };
		if (e.type === 'contact.held') c.holds.push({ from: e.ts, to: null });
		if (e.type === 'contact.resumed') c.holds[c.holds.length - 1]!.to = e.ts;
		if (e.type === 'contact.ended') c.ended = e.ts;
		if (e.type === 'contact.wrapped') c.wrapped = e.ts;
		if (e.type === 'contact.survey') c.surveys.push({ ts: e.ts, score: e.score });
	}
	return [...byId.values()];
}

function naiveQueue(events: CcEvent[], queueIds: string[], window: MetricWindow, q: number) {
	const start = naiveStart(window, q);
	const counting = window !== 'now' && start !== null;
	const inWindow = (ts: number) => counting && ts >= start && ts <= q;
	const all = contactsUpTo(events, q);
	const contacts = all.filter((c) => queueIds.includes(c.queue));
	const r = {
		answered: 0,
		abandoned: 0,
		shortAbandoned: 0,
		flowedOut: 0,
		answeredWithin: 0,
		abandonedWithin: 0,
		sumWaitAnswered: 0,
		maxWait: 0,
		maxVipWait: 0,
		handled: 0,
		talk: 0,
		hold: 0,
		wrap: 0,
		surveys: 0,
		satisfied: 0,
		customerOffered: 0,
		repeatOffered: 0,
		waiting: 0,
		vipWaiting: 0,
		longestWait: 0,
		longestVipWait: 0
	};
	for (const c of contacts) {
		if (!c.outcome) {
			const wait = (q - c.queuedAt) / 1000;
			r.waiting++;
			r.longestWait = Math.max(r.longestWait, wait);
			if (c.vip) {
				r.vipWaiting++;
				r.longestVipWait = Math.max(r.longestVipWait, wait);
			}
		} else if (inWindow(c.outcome.ts)) {
			const wait = (c.outcome.ts - c.queuedAt) / 1000;
			const sl = QUEUES[c.queue as QueueId].slSec;
			if (c.outcome.type === 'abandoned' && wait < 5) r.shortAbandoned++;
			else {
				if (c.outcome.type === 'answered') {
					r.answered++;
					r.sumWaitAnswered += wait;
					if (wait <= sl) r.answeredWithin++;
				} else if (c.outcome.type === 'abandoned') {
					r.abandoned++;
					if (wait <= sl) r.abandonedWithin++;
				} else r.flowedOut++;
				r.maxWait = Math.max(r.maxWait, wait);
				if (c.vip) r.maxVipWait = Math.max(r.maxVipWait, wait);
				if (c.customer !== null) {
					r.customerOffered++;
					const before = all.some(
						(o) =>
							o.id !== c.id &&
							o.customer === c.customer &&
							o.queuedAt < c.queuedAt &&
							o.queuedAt >= c.queuedAt - 48 * 3_600_000
					);
					if (before) r.repeatOffered++;
				}
			}
		}
		if (c.wrapped !== null && c.ended !== null && c.outcome && inWindow(c.wrapped)) {
			const hold = c.holds.reduce((sum, h) => sum + ((h.to ?? c.ended!) - h.from), 0) / 1000;
			r.handled++;
			r.hold += hold;
			r.talk += (c.ended - c.outcome.ts) / 1000 - hold;
			r.wrap += (c.wrapped - c.ended) / 1000;
		}
		for (const s of c.surveys) {
			if (!inWindow(s.ts)) continue;
			r.surveys++;
			if (s.score >= 4) r.satisfied++;
		}
	}
	const div = (n: number, d: number) => (d > 0 ? n / d : null);
	const offered = r.answered + r.abandoned + r.flowedOut;
	return {
		offered,
		answered: r.answered,
		abandoned: r.abandoned,
		shortAbandoned: r.shortAbandoned,
		flowedOut: r.flowedOut,
		answeredWithin: r.answeredWithin,
		abandonedWithin: r.abandonedWithin,
		handled: r.handled,
		surveys: r.surveys,
		customerOffered: r.customerOffered,
		repeatOffered: r.repeatOffered,
		waiting: r.waiting,
		vipWaiting: r.vipWaiting,
		answerRate: div(r.answered, offered),
		abandonRate: div(r.abandoned, offered),
		serviceLevel:
			queueIds.length === 1 && QUEUES[queueIds[0] as QueueId].abandonsPositive
				? div(r.answeredWithin + r.abandonedWithin, offered)
				: div(r.answeredWithin, offered),
		asaSec: div(r.sumWaitAnswered, r.answered),
		attSec: div(r.talk, r.handled),
		ahtSec: div(r.talk + r.hold + r.wrap, r.handled),
		acwShare: div(r.wrap, r.talk + r.hold + r.wrap),
		csat: div(r.satisfied, r.surveys),
		repeatRate: div(r.repeatOffered, r.customerOffered),
		longestWaitSec: r.longestWait,
		longestVipWaitSec: r.longestVipWait,
		maxWaitSec: Math.max(r.maxWait, r.longestWait),
		maxVipWaitSec: Math.max(r.maxVipWait, r.longestVipWait)
	};
}

/** The agent's state right after every event up to `t`, replayed from scratch. */
function naiveAgentAt(events: CcEvent[], agentId: string, t: number) {
	const agent = AGENTS.find((a) => a.agentId === agentId)!;
	let loggedIn = false;
	let ready = false;
	for (const e of events) {
		if (e.ts > t || !('agentId' in e) || e.agentId !== agentId) continue;
		if (e.type === 'agent.login') loggedIn = true;
		if (e.type === 'agent.state') ready = e.state === 'ready';
	}
	let load = 0;
	let talking = false;
	let wrapping = false;
	for (const c of contactsUpTo(events, t)) {
		if (c.outcome?.agentId !== agentId || c.wrapped !== null) continue;
		load += 1 / agent.capacity;
		if (c.ended !== null) wrapping = true;
		else talking = true;
	}
	const state = !loggedIn
		? 'offline'
		: talking
			? 'on_contact'
			: wrapping
				? 'wrap_up'
				: ready
					? 'ready'
					: 'not_ready';
	return { state, load: Math.min(1, load) };
}

function naiveAgentTotals(events: CcEvent[], agentIds: string[], start: number, q: number) {
	const t = {
		handled: 0,
		staffed: 0,
		readyOrLoaded: 0,
		load: 0,
		on_contact: 0,
		wrap_up: 0,
		ready: 0,
		not_ready: 0
	};
	for (const agentId of agentIds) {
		const agentEvents = events.filter((e) => e.ts <= q);
		const changes = [...new Set(agentEvents.map((e) => e.ts))].sort((a, b) => a - b);
		changes.forEach((from, i) => {
			const to = changes[i + 1] ?? q;
			const lo = Math.max(from, start);
			const hi = Math.min(to, q);
			if (hi <= lo) return;
			const s = naiveAgentAt(events, agentId, from);
			if (s.state === 'offline') return;
			const sec = (hi - lo) / 1000;
			t.staffed += sec;
			t[s.state as 'ready']! += sec;
			t.load += s.load * sec;
			if (s.load > 0 || s.state === 'ready') t.readyOrLoaded += sec;
		});
		for (const e of agentEvents)
			if (e.type === 'contact.wrapped' && e.agentId === agentId && e.ts >= start && e.ts <= q) t.handled++;
	}
	return t;
}

// ---- comparisons ----

function expectClose(actual: number | null | undefined, expected: number | null, label: string): void {
	if (expected === null) expect(actual, label).toBeNull();
	else expect(actual, label).toBeCloseTo(expected, 6);
}

function compareQueue(actual: QueueFigures, expected: Record<string, unknown>, label: string): void {
	for (const [field, value] of Object.entries(expected)) {
		if (value !== null && typeof value !== 'number') continue;
		expectClose(actual[field as keyof QueueFigures] as number | null, value, `${label} ${field}`);
	}
}

function compareAgents(
	actual: AgentWindowFigures,
	expected: ReturnType<typeof naiveAgentTotals>,
	label: string
): void {
	expect(actual.handled, `${label} handled`).toBe(expected.handled);
	expectClose(actual.staffedSec, expected.staffed, `${label} staffed`);
	expectClose(actual.readyOrLoadedSec, expected.readyOrLoaded, `${label} readyOrLoaded`);
	expectClose(actual.loadSec, expected.load, `${label} load`);
	for (const s of ['on_contact', 'wrap_up', 'ready', 'not_ready'] as const)
		expectClose(actual.stateSec[s], expected[s], `${label} ${s}`);
}

const QUEUE_WINDOWS: MetricWindow[] = [
	'now',
	'rolling15',
	'rolling30',
	'rolling60',
	'interval15',
	'interval30',
	'shift',
	'day'
];
const TEAM_WINDOWS: MetricWindow[] = ['rolling15', 'rolling60', 'interval15', 'interval30', 'shift', 'day'];
/** Every window but `now`, an instant, which holds no time and no handled contact (checked on its own). */
const AGENT_WINDOWS = QUEUE_WINDOWS.filter((w) => w !== 'now');

function checkAgainstReference(floor: Floor, events: CcEvent[], q: number): void {
	for (const window of QUEUE_WINDOWS) {
		const result = queueFigures(floor, window, q, ['neg', 'pos', 'chat']);
		expect(result.span === null, `${window} span`).toBe(naiveStart(window, q) === null);
		for (const row of result.queues)
			compareQueue(row, naiveQueue(events, [row.queueId!], window, q), `${window} ${row.queueId}`);
		const { serviceLevel: _sl, ...centre } = naiveQueue(events, ['neg', 'pos', 'chat'], window, q);
		compareQueue(
			result.centre,
			{ ...centre, serviceLevel: result.centre.serviceLevel } as never,
			`${window} centre`
		);
	}
	for (const window of TEAM_WINDOWS) {
		// No shift running: nothing is counted, so the reference is the empty sum.
		const start = naiveStart(window, q) ?? q;
		const teams = teamViews(floor, resolveWindow(floor, window, q), q);
		for (const teamId of ['voice-team', 'chat-team']) {
			const members = AGENTS.filter((a) => a.teamId === teamId).map((a) => a.agentId);
			const actual = teams.find((t) => t.teamId === teamId)!.agents;
			compareAgents(actual, naiveAgentTotals(events, members, start, q), `${window} ${teamId}`);
		}
	}
	for (const window of AGENT_WINDOWS) {
		const start = naiveStart(window, q) ?? q;
		for (const view of agentViews(floor, q, { window: resolveWindow(floor, window, q) }))
			compareAgents(
				view.figures!,
				naiveAgentTotals(events, [view.agentId], start, q),
				`${window} ${view.agentId}`
			);
	}
	for (const view of agentViews(floor, q, { window: resolveWindow(floor, 'now', q) }))
		expect(view.figures, `now ${view.agentId}`).toMatchObject({ handled: 0, staffedSec: 0, loadSec: 0 });
}

function fold(events: CcEvent[]): Floor {
	const floor = createFloor(setup, { timeZone: 'Asia/Shanghai' });
	for (const e of events) applyEvent(floor, e, e.ts);
	return floor;
}

/** Entities whose relative order a delivery must keep: the contact, its agent and (for a queueing) its customer. */
function entitiesOf(e: CcEvent, agentOfContact: Map<string, string>): string[] {
	const keys: string[] = [];
	if ('contactId' in e) {
		keys.push(`c:${e.contactId}`);
		const agentId = agentOfContact.get(e.contactId);
		if (agentId) keys.push(`a:${agentId}`);
	}
	if ('agentId' in e) keys.push(`a:${e.agentId}`);
	if (e.type === 'contact.queued' && e.customerId) keys.push(`u:${e.customerId}`);
	return keys;
}

/**
 * Delivers events late by up to `toleranceMs` each, at random, except that events sharing a contact, an
 * agent or a customer keep their order (what the ingest's per-source sequencing guarantees, and what a
 * per-contact or per-agent state machine needs). Different contacts and agents interleave freely.
 */
function deliverLate(events: CcEvent[], delays: number[], toleranceMs: number): CcEvent[] {
	const agentOfContact = new Map<string, string>();
	for (const e of events) if (e.type === 'contact.answered') agentOfContact.set(e.contactId, e.agentId);
	const lastDelivery = new Map<string, number>();
	const delivered = events.map((e, i) => {
		const keys = entitiesOf(e, agentOfContact);
		let at = e.ts + (delays[i % delays.length]! % (toleranceMs + 1));
		for (const k of keys) at = Math.max(at, lastDelivery.get(k) ?? at);
		for (const k of keys) lastDelivery.set(k, at);
		return { e, at, i };
	});
	return delivered.sort((x, y) => x.at - y.at || x.i - y.i).map((d) => d.e);
}

/**
 * Deep equality where numbers may differ by floating-point rounding (sums added in another order).
 * Compared by hand and asserted once, since an expect per number would make the property slow.
 */
function expectSameFigures(actual: unknown, expected: unknown, path: string): void {
	const differences: string[] = [];
	const walk = (a: unknown, e: unknown, at: string): void => {
		if (typeof e === 'number' && typeof a === 'number') {
			if (Math.abs(a - e) > 1e-6 * Math.max(1, Math.abs(e))) differences.push(`${at}: ${a} ≠ ${e}`);
			return;
		}
		if (e === null || typeof e !== 'object' || a === null || typeof a !== 'object') {
			if (a !== e) differences.push(`${at}: ${JSON.stringify(a)} ≠ ${JSON.stringify(e)}`);
			return;
		}
		for (const key of new Set([...Object.keys(e), ...Object.keys(a)]))
			walk((a as Record<string, unknown>)[key], (e as Record<string, unknown>)[key], `${at}.${key}`);
	};
	walk(actual, expected, path);
	expect(differences.slice(0, 5)).toEqual([]);
}

/** Every queue, team and agent figure of every window at `q`. */
function everything(floor: Floor, q: number) {
	return QUEUE_WINDOWS.map((window) => {
		const resolved = resolveWindow(floor, window, q);
		return {
			window,
			queues: queueFigures(floor, window, q),
			teams: teamViews(floor, resolved, q),
			agents: agentViews(floor, q, { window: resolved }),
			team: agentViews(floor, q, { window: resolved, teamIds: ['voice-team'] })
		};
	});
}

describe('figures against a naive reference', () => {
	it('match a full rescan of the events for every queue, team and agent figure and window', () => {
		fc.assert(
			fc.property(historyArb, (h) => {
				const events = eventsOf(h);
				const floor = createFloor(setup, { timeZone: 'Asia/Shanghai' });
				let next = 0;
				for (const q of [...h.checkpointsSec].sort((a, b) => a - b).map((s) => S + s * 1000)) {
					for (; next < events.length && events[next]!.ts <= q; next++) applyEvent(floor, events[next]!, q);
					checkAgainstReference(floor, events, q);
				}
			}),
			{ numRuns: 60 }
		);
	});

	it('are the same from the parts kept between ticks as from scratch, tick after tick and back in time', () => {
		fc.assert(
			fc.property(
				historyArb,
				fc.integer({ min: 0, max: HORIZON_SEC }),
				// Gaps between ticks: often a few seconds (the same 10 s bucket, where kept sums are added to),
				// sometimes many minutes (windows that moved on).
				fc.array(fc.oneof(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 10, max: 1800 })), {
					minLength: 2,
					maxLength: 12
				}),
				fc.array(fc.nat(120), { minLength: 1, maxLength: 5 }),
				(h, firstSec, gapsSec, backSec) => {
					let at = firstSec;
					const ticksSec = gapsSec.map((gap) => (at += gap));
					const events = eventsOf(h);
					// One floor keeps its columns, agent tables and ring sums from tick to tick; the other starts
					// from scratch at every query.
					const warm = createFloor(setup, { timeZone: 'Asia/Shanghai' });
					const cold = createFloor(setup, { timeZone: 'Asia/Shanghai' });
					let next = 0;
					ticksSec.forEach((tickSec, i) => {
						const q = S + tickSec * 1000;
						for (; next < events.length && events[next]!.ts <= q; next++) {
							applyEvent(warm, events[next]!, q);
							applyEvent(cold, events[next]!, q);
						}
						// Now, and once in a while a look back (a report of a moment ago), then now again.
						const back = q - backSec[i % backSec.length]! * 1000;
						for (const at of [q, back, q]) {
							forgetFigureCaches(cold);
							expectSameFigures(everything(warm, at), everything(cold, at), `at ${(at - S) / 1000}s`);
						}
					});
				}
			),
			{ numRuns: 60 }
		);
	}, 30_000);

	it('give the same figures when events arrive up to 3 s late and interleaved across contacts and agents', () => {
		fc.assert(
			fc.property(historyArb, fc.array(fc.nat(3000), { minLength: 1, maxLength: 50 }), (h, delays) => {
				const events = eventsOf(h);
				const lastMs = Math.max(S, ...events.map((e) => e.ts));
				const late = deliverLate(events, delays, 3000);
				const inOrder = fold(events);
				const outOfOrder = fold(late);
				// At the end and an hour later (rolling windows expired), against the reference and the in-order fold.
				for (const queryMs of [lastMs, lastMs + 3_600_000]) {
					checkAgainstReference(outOfOrder, events, queryMs);
					for (const window of QUEUE_WINDOWS) {
						const a = queueFigures(inOrder, window, queryMs);
						const b = queueFigures(outOfOrder, window, queryMs);
						a.queues.forEach((row, i) => compareQueue(b.queues[i]!, { ...row }, `${window} ${row.queueId}`));
					}
				}
			}),
			{ numRuns: 40 }
		);
	});
});
