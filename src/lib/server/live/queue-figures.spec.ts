import { describe, expect, it } from 'vitest';
import type { CcEvent } from '../../shared/contract';
import { applyEvent, createFloor, queueConfigOf, queueFigures, type Floor } from './floor';
import { createEventBuilder, testCentreSetup, type EventBuilder } from './test-events';

const T0 = Date.UTC(2025, 10, 23, 1, 0, 0); // 09:00 in Asia/Shanghai
const sec = (s: number) => T0 + s * 1000;

function floorWith(events: CcEvent[]): Floor {
	const floor = createFloor(testCentreSetup(), { timeZone: 'Asia/Shanghai' });
	for (const e of events) applyEvent(floor, e, e.ts);
	return floor;
}

/**
 * The hand-worked day used below, in one queue (threshold 20 s, short abandon < 5 s), times in s after T0:
 *   c1 queued 0, answered 12 by a1 (wait 12, within); held 60 → resumed 90 (hold 30); ended 192; wrapped 222
 *      talk = (192 − 12) − 30 = 150, hold 30, wrap 30
 *   c2 queued 10, answered 40 by a2 (wait 30, beyond); ended 100 (talk 60); wrapped 110 (wrap 10)
 *   c3 queued 20, abandoned 23 (wait 3 < 5: short abandon)
 *   c4 queued 30, abandoned 45 (wait 15 ≤ 20: abandoned within)
 *   c5 queued 40, abandoned 80 (wait 40: abandoned beyond)
 *   c6 queued 50, flowed out 110 (wait 60)
 *   c7 queued 100, still waiting; c8 (VIP) queued 200, still waiting; the query is at 300.
 */
function handWorkedDay(b: EventBuilder, queueId: string): void {
	b.atSec(0).login('a1', { queues: [queueId] });
	b.login('a2', { queues: [queueId] });
	b.ready('a1');
	b.ready('a2');
	b.atSec(0).queued('c1', queueId);
	b.atSec(10).queued('c2', queueId);
	b.atSec(12).ringing('c1', 'a1');
	b.answered('c1', 'a1');
	b.atSec(20).queued('c3', queueId);
	b.atSec(23).abandoned('c3');
	b.atSec(30).queued('c4', queueId);
	b.atSec(40).queued('c5', queueId);
	b.answered('c2', 'a2');
	b.atSec(45).abandoned('c4');
	b.atSec(50).queued('c6', queueId);
	b.atSec(60).held('c1');
	b.atSec(80).abandoned('c5');
	b.atSec(90).resumed('c1');
	b.atSec(100).ended('c2', 'a2');
	b.queued('c7', queueId);
	b.atSec(110).wrapped('c2', 'a2');
	b.flowedOut('c6', 'voicemail');
	b.atSec(192).ended('c1', 'a1');
	b.atSec(200).queued('c8', queueId, { vip: true });
	b.atSec(222).wrapped('c1', 'a1');
}

describe('queueFigures over the day', () => {
	const b = createEventBuilder({ startMs: T0 });
	handWorkedDay(b, 'neg');
	const floor = floorWith(b.events);
	const q = queueFigures(floor, 'day', sec(300), ['neg']).queues[0]!;

	it.each([
		// c7 and c8
		['waiting', 2],
		['vipWaiting', 1],
		// c7: 300 − 100
		['longestWaitSec', 200],
		// c8: 300 − 200
		['longestVipWaitSec', 100],
		// answered 2 (c1, c2) + abandoned 2 (c4, c5) + flowed out 1 (c6)
		['offered', 5],
		['answered', 2],
		['abandoned', 2],
		['shortAbandoned', 1],
		['flowedOut', 1],
		['answeredWithin', 1],
		['abandonedWithin', 1],
		['handled', 2],
		// 2 ÷ 5
		['answerRate', 0.4],
		['abandonRate', 0.4],
		// (12 + 30) ÷ 2
		['asaSec', 21],
		// (150 + 60) ÷ 2
		['attSec', 105],
		// ((150 + 30 + 30) + (60 + 0 + 10)) ÷ 2 = 280 ÷ 2
		['ahtSec', 140],
		// wrap 40 ÷ handle 280
		['acwShare', 40 / 280],
		// outcomes waited at most 60 s (c6), but c7 has waited 200 s
		['maxWaitSec', 200]
	] as const)('gives %s = %s', (field, expected) => {
		expect(q[field]).toBeCloseTo(expected, 9);
	});

	it('names the queue with its set-up', () => {
		expect(q).toMatchObject({ queueId: 'neg', channel: 'voice', unconfigured: false, slThresholdSec: 20 });
	});
});

describe('service level per queue formula', () => {
	// Same day in each queue: answeredWithin 1 (c1), abandonedWithin 1 (c4), offered 5.
	it.each([
		// 1 ÷ 5
		['neg', 'abandons_negative', 0.2],
		// 1 ÷ (5 − 1)
		['ign', 'ignore_abandons', 0.25],
		// (1 + 1) ÷ 5
		['pos', 'abandons_positive', 0.4]
	])('uses the %s queue formula (%s) for the headline figure', (queueId, formula, expected) => {
		const b = createEventBuilder({ startMs: T0 });
		handWorkedDay(b, queueId);
		const q = queueFigures(createAndApply(b), 'day', sec(300), [queueId]).queues[0]!;
		expect(q.slFormula).toBe(formula);
		expect(q.serviceLevel).toBeCloseTo(expected, 12);
		expect(q.serviceLevelVariants).toEqual({
			abandons_negative: 0.2,
			ignore_abandons: 0.25,
			abandons_positive: 0.4
		});
	});

	it('judges "within" against the queue threshold (VIP line, 10 s)', () => {
		// c1 waited 12 s and c4 15 s: both beyond 10 s, so nothing is within.
		const b = createEventBuilder({ startMs: T0 });
		handWorkedDay(b, 'vip');
		const q = queueFigures(createAndApply(b), 'day', sec(300), ['vip']).queues[0]!;
		expect(q.answeredWithin).toBe(0);
		expect(q.abandonedWithin).toBe(0);
		expect(q.serviceLevel).toBe(0);
	});
});

function createAndApply(b: EventBuilder): Floor {
	return floorWith(b.events);
}

describe('queueFigures over now', () => {
	it('shows live waiting figures and no outcome counts', () => {
		const b = createEventBuilder({ startMs: T0 });
		handWorkedDay(b, 'neg');
		const q = queueFigures(createAndApply(b), 'now', sec(300), ['neg']).queues[0]!;
		expect(q).toMatchObject({ waiting: 2, vipWaiting: 1, longestWaitSec: 200, maxWaitSec: 200 });
		expect(q).toMatchObject({
			offered: 0,
			answered: 0,
			handled: 0,
			answerRate: null,
			serviceLevel: null,
			asaSec: null
		});
	});

	it('reports zero waits and null rates for an empty queue', () => {
		const q = queueFigures(floorWith([]), 'day', T0, ['chat']).queues[0]!;
		expect(q).toMatchObject({ waiting: 0, longestWaitSec: 0, offered: 0, answerRate: null, ahtSec: null });
		expect(q.slThresholdSec).toBe(60);
	});
});

describe('roll-ups', () => {
	// neg: the hand-worked day (offered 5, answeredWithin 1, abandonedWithin 1, answered 2, waiting 2).
	// chat (60 s): k1 answered after 45 s (within), k2 abandoned after 70 s (beyond), k3 waiting from 250.
	function twoQueues(): Floor {
		const b = createEventBuilder({ startMs: T0 });
		handWorkedDay(b, 'neg');
		b.atSec(0).login('chatter', { queues: ['chat'] });
		b.atSec(100).queued('k1', 'chat', { channel: 'chat' });
		b.queued('k2', 'chat', { channel: 'chat' });
		b.atSec(145).answered('k1', 'chatter');
		b.atSec(170).abandoned('k2');
		b.atSec(250).queued('k3', 'chat', { channel: 'chat' });
		return floorWith(b.events);
	}

	it('sums the queues into the centre and computes its service level as answeredWithin ÷ offered', () => {
		const { centre } = queueFigures(twoQueues(), 'day', sec(300), ['neg', 'chat']);
		// offered 5 + 2 = 7; answeredWithin 1 + 1 = 2; abandonedWithin 1 + 0 = 1; answered 2 + 1 = 3
		expect(centre).toMatchObject({ queueId: null, channel: null, slThresholdSec: null, slFormula: null });
		expect(centre).toMatchObject({
			offered: 7,
			answered: 3,
			answeredWithin: 2,
			abandonedWithin: 1,
			waiting: 3
		});
		expect(centre.serviceLevel).toBeCloseTo(2 / 7, 12);
		expect(centre.serviceLevelVariants.ignore_abandons).toBeCloseTo(2 / 6, 12);
		expect(centre.serviceLevelVariants.abandons_positive).toBeCloseTo(3 / 7, 12);
		// ASA: (12 + 30 + 45) ÷ 3 = 29; longest wait: c7 at 200 s beats k3 at 50 s
		expect(centre.asaSec).toBeCloseTo(29, 12);
		expect(centre.longestWaitSec).toBe(200);
	});

	it('rolls up one figure per channel present', () => {
		const { channels } = queueFigures(twoQueues(), 'day', sec(300), ['chat', 'neg']);
		expect(channels.map((c) => [c.channel, c.offered, c.waiting])).toEqual([
			['voice', 5, 2],
			['chat', 2, 1]
		]);
		expect(channels[1]!.name.en).toBe('Chat');
	});

	it('lists queues in set-up order, then unconfigured ones by id', () => {
		const b = createEventBuilder({ startMs: T0 });
		b.queued('x1', 'zeta');
		b.queued('x2', 'alpha', { channel: 'chat' });
		const ids = queueFigures(floorWith(b.events), 'day', T0).queues.map((q) => q.queueId);
		expect(ids).toEqual(['neg', 'ign', 'pos', 'vip', 'chat', 'email', 'alpha', 'zeta']);
	});

	it('carries the asOf of the newest event applied', () => {
		const b = createEventBuilder({ startMs: T0 });
		b.atSec(5).queued('x1', 'neg');
		b.atSec(3).queued('x2', 'neg');
		expect(queueFigures(floorWith(b.events), 'day', sec(10)).asOf).toBe(sec(5));
	});
});

describe('unconfigured queues', () => {
	it('tracks a queue seen only in events with the defaults of its channel, flagged', () => {
		const b = createEventBuilder({ startMs: T0 });
		b.queued('m1', 'pop-up-chat', { channel: 'chat' });
		b.atSec(30).login('a1');
		b.answered('m1', 'a1');
		const floor = floorWith(b.events);
		expect(queueConfigOf(floor, 'pop-up-chat')).toMatchObject({
			unconfigured: true,
			channel: 'chat',
			slThresholdSec: 60
		});
		const q = queueFigures(floor, 'day', sec(40), ['pop-up-chat']).queues[0]!;
		// wait 30 ≤ 60 → within
		expect(q).toMatchObject({ unconfigured: true, answered: 1, answeredWithin: 1, serviceLevel: 1 });
	});

	it('answers for a queue never seen with zero figures under voice defaults', () => {
		const floor = floorWith([]);
		expect(queueConfigOf(floor, 'ghost')).toMatchObject({
			unconfigured: true,
			channel: 'voice',
			slThresholdSec: 20
		});
		expect(queueFigures(floor, 'day', T0, ['ghost']).queues[0]).toMatchObject({
			queueId: 'ghost',
			offered: 0
		});
	});
});
