import { describe, expect, it } from 'vitest';
import type { CcEvent } from '../../shared/contract';
import { applyEvent, createFloor, queueFigures, resolveWindow, teamViews, type Floor } from './floor';
import { createEventBuilder, testCentreSetup } from './test-events';

const T0 = Date.UTC(2025, 10, 23, 1, 0, 0); // 09:00 Asia/Shanghai
const min = (m: number) => T0 + m * 60_000;
const HOUR_MS = 3_600_000;

function floorWith(events: CcEvent[]): Floor {
	const floor = createFloor(testCentreSetup(), { timeZone: 'Asia/Shanghai' });
	for (const e of events) applyEvent(floor, e, e.ts);
	return floor;
}

/**
 * Minutes after 09:00, queue `neg`:
 *   c1 (customer u1) queued 0, answered 1; survey 5 at 10
 *   c6 (VIP) queued 20, answered 20.75 (wait 45 s)
 *   c2 (u1) queued 30, abandoned 31 (wait 60 s): u1 called 30 min before, a repeat
 *   c3 (u2) queued 32, answered 32.5; survey 3 at 35
 *   c4 (no customer) queued 33, answered 33.5; survey 4 at 36
 *   c5 (u2) queued 34, abandoned 34.05 (3 s: short abandon, so not offered and in no repeat figure)
 *   c7 (VIP) queued 39.5, still waiting at the query, 40
 */
const b = createEventBuilder({ startMs: T0 });
b.login('a1', { queues: ['neg'] });
b.at(min(0)).queued('c1', 'neg', { customerId: 'u1' });
b.at(min(1)).answered('c1', 'a1');
b.at(min(10)).survey('c1', 5);
b.at(min(20)).queued('c6', 'neg', { vip: true });
b.at(min(20.75)).answered('c6', 'a1');
b.at(min(30)).queued('c2', 'neg', { customerId: 'u1' });
b.at(min(31)).abandoned('c2');
b.at(min(32)).queued('c3', 'neg', { customerId: 'u2' });
b.at(min(32.5)).answered('c3', 'a1');
b.at(min(33)).queued('c4', 'neg');
b.at(min(33.5)).answered('c4', 'a1');
b.at(min(34)).queued('c5', 'neg', { customerId: 'u2' });
b.at(min(34.05)).abandoned('c5');
b.at(min(35)).survey('c3', 3);
b.at(min(36)).survey('c4', 4);
b.at(min(39.5)).queued('c7', 'neg', { vip: true });
const floor = floorWith(b.events);
const q = (window: 'day' | 'rolling15' | 'interval15') =>
	queueFigures(floor, window, min(40), ['neg']).queues[0]!;

describe('48 h repeat rate', () => {
	it('is the share of offered contacts with a customerId whose customer called in the 48 h before', () => {
		// day: c1, c2, c3 carry a customer (c5 is a short abandon); only c2 repeats → 1 ÷ 3
		expect(q('day')).toMatchObject({ customerOffered: 3, repeatOffered: 1 });
		expect(q('day').repeatRate).toBeCloseTo(1 / 3, 12);
	});

	it('counts in the window where the outcome happened', () => {
		// rolling15 at 40 min starts 25:10: c2 (31) and c3 (32.5) → 1 ÷ 2
		expect(q('rolling15')).toMatchObject({ customerOffered: 2, repeatOffered: 1, repeatRate: 0.5 });
		// interval 09:30–09:45: the same two
		expect(q('interval15').repeatRate).toBe(0.5);
	});

	it('includes a contact exactly 48 h later and not one a second past', () => {
		const r = createEventBuilder({ startMs: T0 });
		r.login('a1', { queues: ['neg'] });
		r.queued('x1', 'neg', { customerId: 'u9' });
		r.after(5).answered('x1', 'a1');
		r.at(T0 + 48 * HOUR_MS).queued('x2', 'neg', { customerId: 'u9' });
		r.after(10).abandoned('x2');
		r.at(T0 + 48 * HOUR_MS + 1000).queued('y1', 'neg', { customerId: 'u8' });
		r.at(T0 + 96 * HOUR_MS + 11_000).queued('y2', 'neg', { customerId: 'u8' });
		r.after(10).abandoned('y2');
		const f = floorWith(r.events);
		// x2 queued 48 h to the ms after x1: a repeat
		expect(queueFigures(f, 'day', T0 + 48 * HOUR_MS + 20_000, ['neg']).queues[0]).toMatchObject({
			customerOffered: 1,
			repeatOffered: 1
		});
		// y2 queued 48 h 10 s after y1: not a repeat
		expect(queueFigures(f, 'day', T0 + 96 * HOUR_MS + 30_000, ['neg']).queues[0]).toMatchObject({
			customerOffered: 1,
			repeatOffered: 0
		});
	});

	it('keeps a transferred contact a repeat in the queue it is offered to next', () => {
		const r = createEventBuilder({ startMs: T0 });
		r.login('a1', { queues: ['neg', 'pos'] });
		r.queued('x1', 'neg', { customerId: 'u7' });
		r.after(5).abandoned('x1');
		r.after(60).queued('x2', 'neg', { customerId: 'u7' });
		r.after(5).answered('x2', 'a1');
		r.after(60).transferred('x2', 'a1', { toQueueId: 'pos' });
		r.after(8).abandoned('x2');
		const figures = queueFigures(floorWith(r.events), 'day', T0 + 600_000, ['neg', 'pos']);
		expect(figures.queues.map((x) => [x.queueId, x.customerOffered, x.repeatOffered])).toEqual([
			['neg', 2, 1],
			['pos', 1, 1]
		]);
	});

	it('forgets the least recently seen customer beyond its cap', () => {
		const r = createEventBuilder({ startMs: T0 });
		r.login('a1', { queues: ['neg'] });
		for (const [i, customerId] of ['u1', 'u2', 'u3', 'u1'].entries()) {
			r.at(min(i)).queued(`k${i}`, 'neg', { customerId });
			r.after(10).abandoned(`k${i}`);
		}
		const f = createFloor(testCentreSetup(), { timeZone: 'Asia/Shanghai', limits: { customers: 2 } });
		for (const e of r.events) applyEvent(f, e, e.ts);
		// u1 was pushed out by u2 and u3, so its second contact looks like a first one
		expect(queueFigures(f, 'day', min(10), ['neg']).queues[0]).toMatchObject({ repeatOffered: 0 });
		expect(f.customers.size).toBe(2);
	});
});

describe('CSAT over windows', () => {
	it('divides surveys scoring 4 or 5 by the surveys received in the window', () => {
		// day: 5, 3, 4 → 2 ÷ 3
		expect(q('day')).toMatchObject({ surveys: 3, surveysSatisfied: 2 });
		expect(q('day').csat).toBeCloseTo(2 / 3, 12);
		// rolling15 (from 25:10): 3 and 4 → 1 ÷ 2
		expect(q('rolling15')).toMatchObject({ surveys: 2, surveysSatisfied: 1, csat: 0.5 });
	});
});

describe('VIP and max waits over windows', () => {
	it('takes the longest VIP wait among the window outcomes and the VIP contacts still waiting', () => {
		// day: c6 waited 45 s, c7 has waited 30 s
		expect(q('day')).toMatchObject({ vipWaiting: 1, longestVipWaitSec: 30, maxVipWaitSec: 45 });
		// interval 09:30–09:45 has no VIP outcome: only c7
		expect(q('interval15')).toMatchObject({ maxVipWaitSec: 30 });
	});

	it('takes the longest wait among the window outcomes (short abandons excluded) and those waiting', () => {
		// day: c2 waited 60 s; rolling15: c2 60 s, c3 30 s
		expect(q('day').maxWaitSec).toBe(60);
		expect(q('rolling15').maxWaitSec).toBe(60);
	});
});

describe('team roll-ups', () => {
	it('rolls up the queues the set-up lists for each team', () => {
		const figures = queueFigures(floor, 'day', min(40));
		const voice = figures.teams.find((t) => t.teamId === 'voice-team')!;
		// all of neg's day: answered c1, c6, c3, c4; abandoned c2
		expect(voice).toMatchObject({ queueId: null, channel: 'voice', answered: 4, abandoned: 1, waiting: 1 });
		expect(figures.teams.find((t) => t.teamId === 'chat-team')).toMatchObject({ channel: null, offered: 0 });
	});

	it('leaves out teams none of whose queues were asked for', () => {
		expect(queueFigures(floor, 'day', min(40), ['chat']).teams.map((t) => t.teamId)).toEqual(['chat-team']);
	});

	it("gives team views the same roll-up of the team's queues, named after those queues", () => {
		const views = teamViews(floor, resolveWindow(floor, 'day', min(40)), min(40));
		const view = views.find((v) => v.teamId === 'voice-team')!;
		const { teamId, name, ...figures } = queueFigures(floor, 'day', min(40)).teams.find(
			(t) => t.teamId === 'voice-team'
		)!;
		expect([teamId, name['zh-CN']]).toEqual(['voice-team', '语音组']);
		expect(view.queueFigures).toMatchObject({ ...figures, answered: 4, abandoned: 1 });
		expect(view.queueFigures?.name).toEqual({ 'zh-CN': '负 + 忽略 + 正 + VIP', en: '负 + 忽略 + 正 + VIP' });
		expect(view.queueFigures).not.toHaveProperty('teamId', 'voice-team');
	});

	it('builds team rows when read, as of the query even when read after later events, and encodes them', () => {
		const later = floorWith(b.events);
		const figures = queueFigures(later, 'day', min(40));
		const scoped = queueFigures(later, 'day', min(40), ['neg']);
		const more = createEventBuilder({ startMs: min(40) });
		more.queued('c9', 'neg');
		for (const e of more.events) applyEvent(later, e, e.ts);
		expect(figures.teams.find((t) => t.teamId === 'voice-team')).toMatchObject({ waiting: 1, answered: 4 });
		expect(scoped.teams.find((t) => t.teamId === 'voice-team')).toMatchObject({ waiting: 1, answered: 4 });
		expect(queueFigures(later, 'day', min(40)).teams.find((t) => t.teamId === 'voice-team')?.waiting).toBe(2);
		const encoded = JSON.parse(JSON.stringify(figures)) as { teams: { teamId: string }[]; queues: object[] };
		expect(encoded.teams.map((t) => t.teamId)).toEqual(figures.teams.map((t) => t.teamId));
		// Queue rows carry no team id at all once encoded.
		expect(encoded.queues.every((q) => !('teamId' in q))).toBe(true);
	});
});
