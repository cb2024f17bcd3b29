import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CentreSetup } from '../shared/centre/setup';
import { parseEvent, type CcEvent, type EventOf } from '../shared/contract';
import { createSimulation } from './simulation';

const setup = CentreSetup.parse(
	JSON.parse(readFileSync(new URL('../../../config/centre.example.json', import.meta.url), 'utf8'))
);
/** 2025-11-20 00:00 in Asia/Shanghai. */
const MIDNIGHT_MS = Date.UTC(2025, 10, 19, 16, 0, 0);
const HOUR_MS = 3_600_000;

function simulate(agents: number, seed: number, fromHour: number, hours: number): CcEvent[] {
	const sim = createSimulation({
		setup,
		agents,
		seed,
		source: 'sim-test',
		startMs: MIDNIGHT_MS + fromHour * HOUR_MS,
		timeZone: 'Asia/Shanghai'
	});
	const events: CcEvent[] = [];
	for (let h = 1; h <= hours; h++) events.push(...sim.advance(MIDNIGHT_MS + (fromHour + h) * HOUR_MS));
	return events;
}

const ofType = <T extends CcEvent['type']>(events: CcEvent[], type: T) =>
	events.filter((e): e is EventOf<T> => e.type === type);

describe('a simulated day', () => {
	let day: CcEvent[];
	beforeAll(() => {
		day = simulate(250, 42, 0, 24);
	});

	it('emits only events the contract schemas accept', () => {
		const rejected = day.map((e) => parseEvent(JSON.parse(JSON.stringify(e)))).filter((r) => !r.ok);
		expect(rejected.slice(0, 3)).toEqual([]);
		expect(day.length).toBeGreaterThan(50_000);
	});

	it('numbers events by one per source, in time order, with unique ids', () => {
		expect(day.findIndex((e, i) => e.seq !== i || e.source !== 'sim-test' || e.v !== 1)).toBe(-1);
		expect(new Set(day.map((e) => e.id)).size).toBe(day.length);
		expect(day.findIndex((e, i) => i > 0 && e.ts < (day[i - 1] as CcEvent).ts)).toBe(-1);
	});

	it('starts with a snapshot of the warmed-up floor', () => {
		const first = day[0];
		expect(first?.type).toBe('floor.snapshot');
		if (first?.type !== 'floor.snapshot') return;
		expect(first.ts).toBe(MIDNIGHT_MS);
		expect(first.agents.length).toBeGreaterThan(20);
		expect(first.contacts.length).toBeGreaterThan(0);
	});

	it('has more arrivals in the busy hours than at night', () => {
		const arrivals = (fromHour: number, toHour: number) =>
			ofType(day, 'contact.queued').filter(
				(e) => e.ts >= MIDNIGHT_MS + fromHour * HOUR_MS && e.ts < MIDNIGHT_MS + toHour * HOUR_MS
			).length;
		const night = arrivals(3, 4.5);
		expect(night).toBeGreaterThan(20);
		expect(arrivals(10, 11.5)).toBeGreaterThan(4 * night);
		expect(arrivals(20, 21.5)).toBeGreaterThan(4 * night);
	});

	it('keeps agents logged in at every hour and changes shifts', () => {
		const loggedIn = new Set<string>();
		const snapshot = day[0];
		if (snapshot?.type === 'floor.snapshot') for (const a of snapshot.agents) loggedIn.add(a.agentId);
		let hour = 0;
		const perHour: number[] = [];
		for (const e of day) {
			while (e.ts >= MIDNIGHT_MS + (hour + 1) * HOUR_MS) perHour[hour++] = loggedIn.size;
			if (e.type === 'agent.login') loggedIn.add(e.agentId);
			if (e.type === 'agent.logout') loggedIn.delete(e.agentId);
		}
		expect(Math.min(...perHour)).toBeGreaterThan(10);
		expect(ofType(day, 'agent.login').length).toBeGreaterThan(150);
		expect(ofType(day, 'agent.logout').length).toBeGreaterThan(150);
		for (const login of ofType(day, 'agent.login')) expect(login.name).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
	});

	it('abandons, short-abandons, flows out and rings out', () => {
		const queuedAt = new Map<string, number>();
		let short = 0;
		for (const e of day) {
			if (e.type === 'contact.queued') queuedAt.set(e.contactId, e.ts);
			if (e.type === 'contact.abandoned' && e.ts - (queuedAt.get(e.contactId) ?? 0) < 5000) short++;
		}
		const abandoned = ofType(day, 'contact.abandoned').length;
		expect(short).toBeGreaterThan(10);
		expect(abandoned - short).toBeGreaterThan(10);
		expect(ofType(day, 'contact.rona').length).toBeGreaterThan(10);
		const flowed = ofType(day, 'contact.flowed_out');
		expect(flowed.every((e) => ['callback', 'voicemail', 'message'].includes(e.to))).toBe(true);
	});

	it('transfers tier 1 to tier 2 and on to complaints, re-queuing the same contact', () => {
		const transfers = ofType(day, 'contact.transferred');
		expect(new Set(transfers.map((t) => t.toQueueId))).toEqual(new Set(['tier2-callback', 'complaints']));
		for (const t of transfers.slice(0, 50)) {
			const next = day[day.indexOf(t) + 1];
			expect(next).toMatchObject({ type: 'contact.queued', contactId: t.contactId, queueId: t.toQueueId });
		}
	});

	it('has repeat callers within 48 h, VIPs on the VIP line only, and surveys', () => {
		const queued = ofType(day, 'contact.queued');
		const seen = new Map<string, string>();
		let repeats = 0;
		for (const q of queued) {
			expect(q.customerId ?? 'u-0').toMatch(/^u-[0-9a-f]+$/);
			if (!q.customerId) continue;
			const earlier = seen.get(q.customerId);
			if (earlier && earlier !== q.contactId) repeats++;
			seen.set(q.customerId, q.contactId);
		}
		expect(repeats / queued.length).toBeGreaterThan(0.05);
		expect(queued.filter((q) => q.customerId === undefined).length).toBeGreaterThan(0);
		const vip = queued.filter((q) => q.vip);
		expect(vip.length).toBeGreaterThan(20);
		const firstQueue = new Map<string, string>();
		for (const q of vip) if (!firstQueue.has(q.contactId)) firstQueue.set(q.contactId, q.queueId);
		expect(new Set(firstQueue.values())).toEqual(new Set(['vip-voice']));
		expect(vip.every((q) => q.priority === 10)).toBe(true);
		const surveys = ofType(day, 'contact.survey');
		expect(surveys.length).toBeGreaterThan(500);
		expect(new Set(surveys.map((s) => s.score))).toEqual(new Set([1, 2, 3, 4, 5]));
		const wrappedAt = new Map(ofType(day, 'contact.wrapped').map((w) => [w.contactId, w.ts]));
		const late = surveys.filter((s) => s.ts - (wrappedAt.get(s.contactId) ?? s.ts) > 10 * 60_000);
		expect(late.length).toBeGreaterThan(10);
	});

	it('takes breaks, lunches and meetings, some overrunning', () => {
		const since = new Map<string, { reason: string; ts: number }>();
		const durationsMin: Record<string, number[]> = {};
		for (const e of day) {
			if (e.type !== 'agent.state') continue;
			const open = since.get(e.agentId);
			if (open) (durationsMin[open.reason] ??= []).push((e.ts - open.ts) / 60_000);
			if (e.state === 'not_ready' && e.reason) since.set(e.agentId, { reason: e.reason, ts: e.ts });
			else since.delete(e.agentId);
		}
		expect(Object.keys(durationsMin)).toEqual(expect.arrayContaining(['break', 'lunch', 'meeting', 'rona']));
		expect(durationsMin.break?.some((m) => m > 15)).toBe(true);
		expect(durationsMin.lunch?.some((m) => m > 60) || durationsMin.lunch?.some((m) => m > 50)).toBe(true);
	});

	it('follows each contact through a consistent life and keeps agents within capacity', () => {
		const status = new Map<string, { state: string; agentId?: string; channel: string }>();
		const load = new Map<string, Map<string, number>>();
		const loggedIn = new Set<string>();
		const snapshot = day[0];
		if (snapshot?.type === 'floor.snapshot') {
			for (const a of snapshot.agents) loggedIn.add(a.agentId);
			for (const c of snapshot.contacts) {
				status.set(c.contactId, { state: c.status, agentId: c.agentId, channel: c.channel });
				if (c.agentId) bump(load, c.agentId, c.channel, 1);
			}
		}
		let maxChats = 0;
		const violations: string[] = [];
		const check = (ok: boolean, e: CcEvent) => {
			if (!ok) violations.push(`${e.seq} ${e.type}`);
		};
		const expectState = (id: string, states: string[]) => {
			const state = status.get(id)?.state;
			if (state === undefined || !states.includes(state))
				violations.push(`${id}: ${state} not in ${states.join('|')}`);
		};
		for (const e of day) {
			switch (e.type) {
				case 'agent.login':
					loggedIn.add(e.agentId);
					break;
				case 'agent.logout':
					loggedIn.delete(e.agentId);
					break;
				case 'contact.queued':
					if (status.has(e.contactId)) expectState(e.contactId, ['talking', 'held']);
					status.set(e.contactId, { state: 'queued', channel: e.channel });
					break;
				case 'contact.ringing': {
					expectState(e.contactId, ['queued']);
					check(loggedIn.has(e.agentId), e);
					const c = status.get(e.contactId)!;
					Object.assign(c, { state: 'ringing', agentId: e.agentId });
					const agentLoad = bump(load, e.agentId, c.channel, 1);
					if (c.channel === 'voice') check([...agentLoad.values()].reduce((a, b) => a + b) === 1, e);
					if (c.channel === 'chat') maxChats = Math.max(maxChats, agentLoad.get('chat') ?? 0);
					check((agentLoad.get('chat') ?? 0) <= 4, e);
					break;
				}
				case 'contact.rona':
					expectState(e.contactId, ['ringing']);
					release(status, load, e.contactId, 'queued');
					break;
				case 'contact.answered':
					expectState(e.contactId, ['ringing']);
					check(status.get(e.contactId)?.agentId === e.agentId, e);
					status.get(e.contactId)!.state = 'talking';
					break;
				case 'contact.held':
					expectState(e.contactId, ['talking']);
					status.get(e.contactId)!.state = 'held';
					break;
				case 'contact.resumed':
					expectState(e.contactId, ['held']);
					status.get(e.contactId)!.state = 'talking';
					break;
				case 'contact.transferred':
					expectState(e.contactId, ['talking']);
					release(status, load, e.contactId, 'talking');
					break;
				case 'contact.ended':
					expectState(e.contactId, ['talking']);
					status.get(e.contactId)!.state = 'wrapup';
					break;
				case 'contact.wrapped':
					expectState(e.contactId, ['wrapup']);
					release(status, load, e.contactId, 'done');
					break;
				case 'contact.abandoned':
					expectState(e.contactId, ['queued', 'ringing']);
					release(status, load, e.contactId, 'done');
					break;
				case 'contact.flowed_out':
					expectState(e.contactId, ['queued']);
					release(status, load, e.contactId, 'done');
					break;
			}
		}
		expect(violations.slice(0, 5)).toEqual([]);
		expect(maxChats).toBeGreaterThan(1);
	});
});

function bump(load: Map<string, Map<string, number>>, agentId: string, channel: string, by: number) {
	let agentLoad = load.get(agentId);
	if (!agentLoad) load.set(agentId, (agentLoad = new Map()));
	agentLoad.set(channel, (agentLoad.get(channel) ?? 0) + by);
	return agentLoad;
}

function release(
	status: Map<string, { state: string; agentId?: string; channel: string }>,
	load: Map<string, Map<string, number>>,
	contactId: string,
	next: string
) {
	const c = status.get(contactId);
	if (!c) return;
	if (c.agentId) bump(load, c.agentId, c.channel, -1);
	c.agentId = undefined;
	c.state = next;
}

describe('createSimulation', () => {
	it('replays the same traffic for the same seed, and different traffic for another', () => {
		const a = JSON.stringify(simulate(60, 7, 9, 1));
		expect(JSON.stringify(simulate(60, 7, 9, 1))).toBe(a);
		expect(JSON.stringify(simulate(60, 8, 9, 1))).not.toBe(a);
	});

	it('refuses impossible options with a message naming them', () => {
		const base = { setup, agents: 10, seed: 1, source: 's', startMs: MIDNIGHT_MS, timeZone: 'Asia/Shanghai' };
		expect(() => createSimulation({ ...base, agents: 0 })).toThrow(/agents/);
		expect(() => createSimulation({ ...base, timeZone: 'Mars/Olympus' })).toThrow(RangeError);
		expect(() => createSimulation({ ...base, source: '' })).toThrow(/source/);
	});

	it('can start without a warm-up, logging agents in as events', () => {
		const sim = createSimulation({
			setup,
			agents: 30,
			seed: 3,
			source: 's',
			startMs: MIDNIGHT_MS + 10 * HOUR_MS,
			timeZone: 'Asia/Shanghai',
			warmupSec: 0
		});
		const events = sim.advance(MIDNIGHT_MS + 10 * HOUR_MS + 120_000);
		expect(events[0]).toMatchObject({ type: 'floor.snapshot', agents: [], contacts: [] });
		expect(ofType(events, 'agent.login').length).toBeGreaterThan(5);
	});
});
