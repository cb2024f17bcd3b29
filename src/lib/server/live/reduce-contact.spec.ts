import { describe, expect, it } from 'vitest';
import type { CcEvent } from '../../shared/contract';
import type { QueueFigures } from '../../shared/metrics/figures';
import { agentViews, applyEvent, createFloor, queueFigures, type Floor } from './floor';
import { createEventBuilder, testCentreSetup } from './test-events';

const T0 = Date.UTC(2025, 10, 23, 1, 0, 0);
const sec = (s: number) => T0 + s * 1000;

function floorWith(events: CcEvent[]): Floor {
	const floor = createFloor(testCentreSetup(), { timeZone: 'Asia/Shanghai' });
	for (const e of events) applyEvent(floor, e, e.ts);
	return floor;
}

const figuresOf = (floor: Floor, queueId: string, atSec = 10_000): QueueFigures =>
	queueFigures(floor, 'day', sec(atSec), [queueId]).queues[0]!;
const stateOf = (floor: Floor, agentId: string) =>
	agentViews(floor, 0).find((v) => v.agentId === agentId)?.state ?? 'unknown';

describe('ring-no-answer', () => {
	it('puts the contact back in queue with its original queuedAt', () => {
		// queued 0, rings a1 at 2, RONA at 22, rings a2 at 23, answered 25: wait = 25 − 0 = 25 s (beyond 20)
		const b = createEventBuilder({ startMs: T0 });
		b.login('a1', { queues: ['neg'] });
		b.login('a2', { queues: ['neg'] });
		b.atSec(0).queued('c1', 'neg');
		b.atSec(2).ringing('c1', 'a1');
		b.atSec(22).rona('c1', 'a1');
		const floor = floorWith(b.take());
		expect(figuresOf(floor, 'neg', 22)).toMatchObject({ waiting: 1, longestWaitSec: 22, offered: 0 });
		for (const e of [b.atSec(23).ringing('c1', 'a2'), b.atSec(25).answered('c1', 'a2')])
			applyEvent(floor, e, e.ts);
		expect(figuresOf(floor, 'neg', 30)).toMatchObject({
			waiting: 0,
			answered: 1,
			answeredWithin: 0,
			asaSec: 25
		});
		expect(floor.anomalies).toEqual({});
	});

	it('counts a contact abandoned while ringing as abandoned from the queue', () => {
		const b = createEventBuilder({ startMs: T0 });
		b.login('a1', { queues: ['neg'] });
		b.atSec(0).queued('c1', 'neg');
		b.atSec(8).ringing('c1', 'a1');
		b.atSec(12).abandoned('c1');
		const floor = floorWith(b.events);
		expect(figuresOf(floor, 'neg')).toMatchObject({ abandoned: 1, abandonedWithin: 1, waiting: 0 });
		expect(agentViews(floor, 0)[0]!.contacts).toEqual([]);
	});
});

describe('transfers', () => {
	/**
	 * c1 queued in neg at 0, answered by a1 at 5 (wait 5), transferred to ign at 65 (talk 60).
	 * a1 ends at 65 and wraps at 85 (wrap 20). a2 answers from ign at 73 (wait 8), ends 103, wraps 113.
	 *   neg: answered 1, handled 1, talk 60, wrap 20 → AHT 80
	 *   ign: answered 1 (a new offer), handled 1, talk 30, wrap 10 → AHT 40
	 */
	function transferToQueue(withEcho: boolean) {
		const b = createEventBuilder({ startMs: T0 });
		b.login('a1', { queues: ['neg'] });
		b.login('a2', { queues: ['ign'] });
		b.atSec(0).queued('c1', 'neg');
		b.atSec(5).answered('c1', 'a1');
		b.atSec(65).transferred('c1', 'a1', { toQueueId: 'ign' });
		if (withEcho) b.queued('c1', 'ign');
		b.ended('c1', 'a1');
		b.atSec(73).answered('c1', 'a2');
		b.atSec(85).wrapped('c1', 'a1');
		b.atSec(103).ended('c1', 'a2');
		b.atSec(113).wrapped('c1', 'a2');
		return floorWith(b.events);
	}

	it.each([false, true])('offers the contact anew to the target queue (queued echo: %s)', (withEcho) => {
		const floor = transferToQueue(withEcho);
		expect(figuresOf(floor, 'neg')).toMatchObject({
			offered: 1,
			answered: 1,
			handled: 1,
			attSec: 60,
			ahtSec: 80,
			asaSec: 5
		});
		expect(figuresOf(floor, 'ign')).toMatchObject({
			offered: 1,
			answered: 1,
			handled: 1,
			attSec: 30,
			ahtSec: 40,
			asaSec: 8
		});
		expect(floor.contacts.size).toBe(0);
		expect(floor.anomalies).toEqual({});
	});

	it('shows the transferring agent in wrap-up only if contact.ended follows', () => {
		const b = createEventBuilder({ startMs: T0 });
		b.login('a1', { queues: ['neg'] });
		b.queued('c1', 'neg');
		b.atSec(5).answered('c1', 'a1');
		b.atSec(65).transferred('c1', 'a1', { toQueueId: 'ign' });
		const floor = floorWith(b.take());
		expect(stateOf(floor, 'a1')).toBe('not_ready');
		expect(figuresOf(floor, 'ign', 70)).toMatchObject({ waiting: 1, longestWaitSec: 5 });
		for (const e of [b.atSec(66).ended('c1', 'a1')]) applyEvent(floor, e, e.ts);
		expect(stateOf(floor, 'a1')).toBe('wrap_up');
	});

	it('treats a contact.queued for a connected contact as a transfer to that queue', () => {
		// answered at 5, re-queued to pos at 35: talk 30 counted for neg at once, no wrap-up
		const b = createEventBuilder({ startMs: T0 });
		b.login('a1', { queues: ['neg'] });
		b.queued('c1', 'neg');
		b.atSec(5).answered('c1', 'a1');
		b.atSec(35).queued('c1', 'pos');
		const floor = floorWith(b.events);
		expect(figuresOf(floor, 'neg')).toMatchObject({ handled: 1, attSec: 30, ahtSec: 30 });
		expect(figuresOf(floor, 'pos', 40)).toMatchObject({ waiting: 1, longestWaitSec: 5 });
		expect(stateOf(floor, 'a1')).toBe('not_ready');
	});

	it('counts a contact moved to another queue while waiting as flowed out of the first', () => {
		const b = createEventBuilder({ startMs: T0 });
		b.queued('c1', 'neg');
		b.atSec(30).queued('c1', 'pos');
		const floor = floorWith(b.events);
		expect(figuresOf(floor, 'neg', 40)).toMatchObject({ flowedOut: 1, offered: 1, waiting: 0 });
		expect(figuresOf(floor, 'pos', 40)).toMatchObject({ waiting: 1, offered: 0 });
	});

	it('hands a contact straight to another agent without a new queue outcome', () => {
		// a1 answers at 5, transfers to a2 at 45 (talk 40); a2 rings 46, answers 50, ends 110 (talk 60), wraps 115
		const b = createEventBuilder({ startMs: T0 });
		b.login('a1', { queues: ['neg'] });
		b.login('a2', { queues: ['vip'] });
		b.queued('c1', 'neg');
		b.atSec(5).answered('c1', 'a1');
		b.atSec(45).transferred('c1', 'a1', { toAgentId: 'a2' });
		b.atSec(46).ringing('c1', 'a2');
		b.atSec(50).answered('c1', 'a2');
		b.atSec(110).ended('c1', 'a2');
		b.atSec(115).wrapped('c1', 'a2');
		const floor = floorWith(b.events);
		// Both legs are credited to neg: handled 2, talk 40 + 60 → ATT 50, AHT (40 + 65) ÷ 2 = 52.5
		expect(figuresOf(floor, 'neg')).toMatchObject({
			offered: 1,
			answered: 1,
			handled: 2,
			attSec: 50,
			ahtSec: 52.5
		});
		expect(floor.contacts.size).toBe(0);
	});
});

describe('hold and handle time', () => {
	it('adds every hold into hold time and keeps it out of talk time', () => {
		// answered 0; held 10–25 and 40–50 (hold 25); ended 100 → talk 100 − 25 = 75; wrapped 130 (wrap 30)
		const b = createEventBuilder({ startMs: T0 });
		b.login('a1');
		b.queued('c1', 'neg');
		b.answered('c1', 'a1');
		b.atSec(10).held('c1');
		b.atSec(25).resumed('c1');
		b.atSec(40).held('c1');
		b.atSec(50).resumed('c1');
		b.atSec(100).ended('c1', 'a1');
		b.atSec(130).wrapped('c1', 'a1');
		// AHT = 75 + 25 + 30 = 130; ACW share = 30 ÷ 130
		const q = figuresOf(floorWith(b.events), 'neg');
		expect(q).toMatchObject({ handled: 1, attSec: 75, ahtSec: 130 });
		expect(q.acwShare).toBeCloseTo(30 / 130, 12);
	});

	it('closes an open hold when the contact ends on hold', () => {
		// answered 0, held 20, ended 50 while held → hold 30, talk 20; wrapped 50
		const b = createEventBuilder({ startMs: T0 });
		b.login('a1');
		b.queued('c1', 'neg');
		b.answered('c1', 'a1');
		b.atSec(20).held('c1');
		b.atSec(50).ended('c1', 'a1');
		b.wrapped('c1', 'a1');
		expect(figuresOf(floorWith(b.events), 'neg')).toMatchObject({ attSec: 20, ahtSec: 50 });
	});

	it('counts a wrap-up cut short by logout at the logout', () => {
		// answered 0, ended 60, logout 75 → talk 60 + wrap 15
		const b = createEventBuilder({ startMs: T0 });
		b.login('a1');
		b.queued('c1', 'neg');
		b.answered('c1', 'a1');
		b.atSec(60).ended('c1', 'a1');
		b.atSec(75).logout('a1');
		const floor = floorWith(b.events);
		expect(figuresOf(floor, 'neg')).toMatchObject({ handled: 1, ahtSec: 75 });
		expect(stateOf(floor, 'a1')).toBe('offline');
		expect(floor.contacts.size).toBe(0);
	});

	it('counts a wrap-up cut short by a new offer of the same contact', () => {
		// answered 0, ended 40, queued again (call-back) at 50 → talk 40 + wrap 10 for neg
		const b = createEventBuilder({ startMs: T0 });
		b.login('a1');
		b.queued('c1', 'neg');
		b.answered('c1', 'a1');
		b.atSec(40).ended('c1', 'a1');
		b.atSec(50).queued('c1', 'neg');
		const floor = floorWith(b.events);
		expect(figuresOf(floor, 'neg', 60)).toMatchObject({ handled: 1, ahtSec: 50, waiting: 1, answered: 1 });
		expect(stateOf(floor, 'a1')).toBe('not_ready');
	});
});

describe('surveys', () => {
	it('credits a survey arriving hours later to the queue of the finished contact', () => {
		const b = createEventBuilder({ startMs: T0 });
		b.login('a1');
		b.queued('c1', 'vip');
		b.answered('c1', 'a1');
		b.ended('c1', 'a1');
		b.wrapped('c1', 'a1');
		b.queued('c2', 'vip');
		b.abandoned('c2');
		b.after(3 * 3600).survey('c1', 5);
		b.survey('c2', 2);
		b.survey('never-seen', 4);
		const floor = floorWith(b.events);
		// 1 satisfied (5) of 2 received
		expect(figuresOf(floor, 'vip', 4 * 3600)).toMatchObject({ surveys: 2, csat: 0.5 });
		expect(floor.anomalies).toEqual({ 'contact.survey:unknown_contact': 1 });
	});

	it('forgets the oldest finished contacts beyond the bound', () => {
		const floor = createFloor(testCentreSetup(), {
			timeZone: 'Asia/Shanghai',
			limits: { recentContacts: 2 }
		});
		const b = createEventBuilder({ startMs: T0 });
		for (const id of ['c1', 'c2', 'c3']) {
			b.queued(id, 'neg');
			b.after(10).abandoned(id);
		}
		for (const e of b.take()) applyEvent(floor, e, e.ts);
		expect([...floor.recentContacts.keys()]).toEqual(['c2', 'c3']);
	});
});
