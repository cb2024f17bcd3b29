import { describe, expect, it } from 'vitest';
import type { CcEvent } from '../../shared/contract';
import { agentCounts, agentViews, applyEvent, createFloor, type Floor } from './floor';
import { createEventBuilder, testCentreSetup, type EventBuilder } from './test-events';

const T0 = Date.UTC(2025, 10, 23, 1, 0, 0);
const sec = (s: number) => T0 + s * 1000;

function floorWith(events: CcEvent[]): Floor {
	const floor = createFloor(testCentreSetup(), { timeZone: 'Asia/Shanghai' });
	for (const e of events) applyEvent(floor, e, e.ts);
	return floor;
}

const view = (floor: Floor, agentId: string) =>
	agentViews(floor, sec(1000)).find((v) => v.agentId === agentId)!;

/**
 * Nine agents, one per case:
 *   a1 ready, idle → available          a2 talking → on contact          a3 ended, wrapping → wrap-up
 *   a4 not ready (break)                a5 not ready (lunch)             a6 just logged in → not ready ('')
 *   a7 logged out → offline             a8 logged out mid-chat → on contact (still working it)
 *   a9 ready with a contact ringing → still available (ringing is not on contact)
 */
function nineAgents(): EventBuilder {
	const b = createEventBuilder({ startMs: T0 });
	const voice = { teamId: 'voice-team' };
	b.login('a1', { ...voice, queues: ['neg'] });
	b.ready('a1');
	b.login('a2', { ...voice, queues: ['neg'] });
	b.ready('a2');
	b.queued('c1', 'neg');
	b.answered('c1', 'a2');
	b.login('a3', { ...voice, queues: ['ign'] });
	b.ready('a3');
	b.queued('c2', 'ign');
	b.answered('c2', 'a3');
	b.after(30).ended('c2', 'a3');
	b.login('a4', { ...voice, queues: ['ign'] });
	b.state('a4', 'not_ready', 'break');
	b.login('a5', { ...voice, queues: ['vip'] });
	b.state('a5', 'not_ready', 'lunch');
	b.login('a6', { ...voice, queues: ['vip'] });
	b.login('a7', { ...voice, queues: ['neg'] });
	b.logout('a7');
	b.login('a8', { teamId: 'chat-team', queues: ['chat'] });
	b.ready('a8');
	b.queued('k1', 'chat', { channel: 'chat' });
	b.answered('k1', 'a8');
	b.logout('a8');
	b.login('a9', { ...voice, queues: ['neg'] });
	b.ready('a9');
	b.queued('c3', 'neg');
	b.ringing('c3', 'a9');
	return b;
}

describe('agentCounts', () => {
	const floor = floorWith(nineAgents().events);

	it('counts the centre by displayed state, partitioning the staffed agents', () => {
		// staffed = all but a7 = 8 = available 2 (a1, a9) + on contact 2 (a2, a8) + wrap-up 1 (a3) + not ready 3
		expect(agentCounts(floor, sec(100))).toEqual({
			staffed: 8,
			available: 2,
			onContact: 2,
			wrapUp: 1,
			notReady: 3,
			notReadyByReason: { break: 1, lunch: 1, '': 1 }
		});
	});

	it.each([
		// vip: a5, a6
		[['vip'], { staffed: 2, available: 0, onContact: 0, wrapUp: 0, notReady: 2 }],
		// neg or ign: a1, a2, a3, a4, a9 (a7 is offline); an agent in both would count once
		[['neg', 'ign'], { staffed: 5, available: 2, onContact: 1, wrapUp: 1, notReady: 1 }],
		[['chat'], { staffed: 1, available: 0, onContact: 1, wrapUp: 0, notReady: 0 }],
		[['nowhere'], { staffed: 0, available: 0, onContact: 0, wrapUp: 0, notReady: 0 }]
	])('counts agents skilled in any of %j', (queueIds, expected) => {
		expect(agentCounts(floor, sec(100), queueIds)).toMatchObject(expected);
	});

	it('agrees with a full pass when every skill is asked for', () => {
		const all = ['neg', 'ign', 'pos', 'vip', 'chat', 'email'];
		expect(agentCounts(floor, sec(100), all)).toEqual(agentCounts(floor, sec(100)));
	});
});

describe('displayed state and its clock', () => {
	it('moves on contact ▸ wrap-up ▸ own state, restarting the clock at each change', () => {
		const b = createEventBuilder({ startMs: T0 });
		b.login('a1', { queues: ['neg'] });
		b.atSec(5).ready('a1');
		b.atSec(10).queued('c1', 'neg');
		b.atSec(20).answered('c1', 'a1');
		const steps: Array<[string, number]> = [];
		const floor = floorWith(b.take());
		const step = () => steps.push([view(floor, 'a1').state, (view(floor, 'a1').sinceMs - T0) / 1000]);
		step();
		for (const e of [b.atSec(50).held('c1'), b.atSec(70).resumed('c1')]) applyEvent(floor, e, e.ts);
		step();
		for (const e of [b.atSec(80).ended('c1', 'a1')]) applyEvent(floor, e, e.ts);
		step();
		for (const e of [b.atSec(95).wrapped('c1', 'a1')]) applyEvent(floor, e, e.ts);
		step();
		expect(steps).toEqual([
			['on_contact', 20],
			// hold is still on contact, since the answer
			['on_contact', 20],
			['wrap_up', 80],
			// back to ready since the wrap-up ended, not since 5 s
			['ready', 95]
		]);
	});

	it('treats a new not-ready reason as a new state and a repeated state as the same', () => {
		const b = createEventBuilder({ startMs: T0 });
		b.login('a1');
		b.atSec(10).state('a1', 'not_ready', 'break');
		b.atSec(20).state('a1', 'not_ready', 'break');
		const floor = floorWith(b.take());
		expect(view(floor, 'a1')).toMatchObject({ state: 'not_ready', reason: 'break', sinceMs: sec(10) });
		for (const e of [b.atSec(30).state('a1', 'not_ready', 'lunch')]) applyEvent(floor, e, e.ts);
		expect(view(floor, 'a1')).toMatchObject({ reason: 'lunch', sinceMs: sec(30) });
	});

	it('keeps a ringing agent in its own state and lists the ringing contact', () => {
		const b = createEventBuilder({ startMs: T0 });
		b.login('a1', { queues: ['neg'] });
		b.atSec(1).ready('a1');
		b.atSec(10).queued('c1', 'neg', { vip: true });
		b.atSec(12).ringing('c1', 'a1');
		const v = view(floorWith(b.events), 'a1');
		expect(v).toMatchObject({ state: 'ready', sinceMs: sec(1), load: 0 });
		expect(v.contacts).toEqual([
			{
				contactId: 'c1',
				queueId: 'neg',
				channel: 'voice',
				status: 'ringing',
				sinceMs: sec(12),
				vip: true,
				answeredAtMs: null
			}
		]);
	});

	it('shows a logged-out agent still talking as on contact, then offline once the contact is done', () => {
		const b = createEventBuilder({ startMs: T0 });
		b.login('a1', { queues: ['neg'] });
		b.queued('c1', 'neg');
		b.atSec(5).answered('c1', 'a1');
		b.atSec(50).logout('a1');
		const floor = floorWith(b.take());
		expect(view(floor, 'a1').state).toBe('on_contact');
		for (const e of [b.atSec(60).ended('c1', 'a1'), b.atSec(70).wrapped('c1', 'a1')])
			applyEvent(floor, e, e.ts);
		expect(view(floor, 'a1')).toMatchObject({ state: 'offline', sinceMs: sec(70), contacts: [] });
		expect(agentCounts(floor, sec(80)).staffed).toBe(0);
	});
});

describe('load', () => {
	function chatAgent(capacity?: { chat?: number; email?: number }) {
		const b = createEventBuilder({ startMs: T0 });
		b.login('a1', { queues: ['chat', 'email'], ...(capacity ? { capacity } : {}) });
		b.ready('a1');
		return b;
	}
	const chat = (b: EventBuilder, id: string) => {
		b.queued(id, 'chat', { channel: 'chat' });
		b.answered(id, 'a1');
	};

	it.each([
		// default chat capacity 3: two chats → 1/3 + 1/3
		['two chats at the default capacity of 3', undefined, 2, 2 / 3],
		['three chats at capacity 3', undefined, 3, 1],
		// capacity 4: 2 × 1/4
		['two chats at capacity 4', { chat: 4 }, 2, 0.5],
		['five chats at capacity 4, capped at 1', { chat: 4 }, 5, 1]
	])('is %s', (_name, capacity, chats, expected) => {
		const b = chatAgent(capacity);
		for (let i = 0; i < chats; i++) chat(b, `k${i}`);
		const v = view(floorWith(b.events), 'a1');
		expect(v.load).toBeCloseTo(expected, 12);
		expect(v.state).toBe('on_contact');
	});

	it('counts a chat in wrap-up and leaves a ringing one out', () => {
		// k0 in wrap-up (1/3) + k1 talking (1/3) + k2 ringing (0) = 2/3
		const b = chatAgent();
		chat(b, 'k0');
		b.ended('k0', 'a1');
		chat(b, 'k1');
		b.queued('k2', 'chat', { channel: 'chat' });
		b.ringing('k2', 'a1');
		expect(view(floorWith(b.events), 'a1').load).toBeCloseTo(2 / 3, 12);
	});

	it('adds channels by their own capacity (a chat and an email: 1/3 + 1/1, capped at 1)', () => {
		const b = chatAgent();
		chat(b, 'k0');
		b.queued('e0', 'email', { channel: 'email' });
		b.answered('e0', 'a1');
		expect(view(floorWith(b.events), 'a1').load).toBe(1);
	});

	it('is 1 on a voice call and 0 when idle', () => {
		const b = createEventBuilder({ startMs: T0 });
		b.login('a1', { queues: ['neg'] });
		b.login('a2', { queues: ['neg'] });
		b.queued('c1', 'neg');
		b.answered('c1', 'a1');
		const floor = floorWith(b.events);
		expect(view(floor, 'a1').load).toBe(1);
		expect(view(floor, 'a2').load).toBe(0);
	});
});

describe('agentViews', () => {
	const floor = floorWith(nineAgents().events);

	it('filters by team and can leave offline agents out', () => {
		expect(agentViews(floor, sec(100), { teamIds: ['chat-team'] }).map((v) => v.agentId)).toEqual(['a8']);
		const online = agentViews(floor, sec(100), { includeOffline: false }).map((v) => v.agentId);
		expect(online).not.toContain('a7');
		expect(online).toHaveLength(8);
	});

	it('describes an agent with its contacts and not-ready reason', () => {
		expect(view(floor, 'a4')).toMatchObject({
			state: 'not_ready',
			reason: 'break',
			teamId: 'voice-team',
			queues: ['ign']
		});
		expect(view(floor, 'a6')).toMatchObject({ state: 'not_ready', reason: null });
		expect(view(floor, 'a3').contacts).toMatchObject([
			{ contactId: 'c2', status: 'wrapup', answeredAtMs: T0 }
		]);
	});
});
