import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCounters, addCountersInto, emptyCounters, sumCounters, type QueueCounters } from './counters';
import { answerRate, serviceLevelVariants } from './formulas';
import { countHandle, countOutcome, countSurvey, type QueueOutcome, type WaitRules } from './outcomes';

const VOICE: WaitRules = { slThresholdSec: 20, shortAbandonSec: 5 };

const counted = (outcome: QueueOutcome, waitSec: number, rules = VOICE): QueueCounters => {
	const c = emptyCounters();
	countOutcome(c, outcome, waitSec, rules);
	return c;
};

describe('countOutcome', () => {
	it.each<[string, QueueOutcome, number, Partial<QueueCounters>]>([
		['counts an answer at the threshold as within', 'answered', 20, { answered: 1, answeredWithin: 1 }],
		['counts an answer past the threshold as beyond', 'answered', 20.001, { answered: 1, answeredWithin: 0 }],
		[
			'counts an abandon at the threshold as abandoned within',
			'abandoned',
			20,
			{ abandoned: 1, abandonedWithin: 1 }
		],
		['counts an abandon past the threshold as beyond', 'abandoned', 21, { abandoned: 1, abandonedWithin: 0 }],
		['counts an abandon at exactly shortAbandonSec as a real abandon', 'abandoned', 5, { abandoned: 1 }],
		['counts a flow-out as offered but never within', 'flowed_out', 3, { flowedOut: 1, answeredWithin: 0 }]
	])('%s', (_name, outcome, waitSec, expected) => {
		expect(counted(outcome, waitSec)).toMatchObject(expected);
	});

	it('counts short abandons as neither answered nor abandoned', () => {
		// 4.9 s < 5 s: a short abandon, in no wait sum and no max wait
		expect(counted('abandoned', 4.9)).toEqual({ ...emptyCounters(), shortAbandoned: 1 });
	});

	it('sums the wait of answered contacts for ASA and of all offered for patience', () => {
		const c = emptyCounters();
		countOutcome(c, 'answered', 10, VOICE);
		countOutcome(c, 'answered', 30, VOICE);
		countOutcome(c, 'abandoned', 50, VOICE);
		countOutcome(c, 'flowed_out', 70, VOICE);
		expect(c.sumWaitAnsweredSec).toBe(40);
		expect(c.sumWaitOfferedSec).toBe(160);
		expect(c.maxWaitSec).toBe(70);
	});

	it('uses the thresholds it is given (an email queue with 4 h)', () => {
		const email: WaitRules = { slThresholdSec: 4 * 3600, shortAbandonSec: 0 };
		expect(counted('answered', 3 * 3600, email).answeredWithin).toBe(1);
		expect(counted('abandoned', 0, email).abandoned).toBe(1);
	});
});

describe('countHandle and countSurvey', () => {
	it('adds a leg to handled and its times to the sums', () => {
		const c = emptyCounters();
		countHandle(c, { talkSec: 100, holdSec: 20, wrapSec: 30 });
		countHandle(c, { talkSec: 0, holdSec: 0, wrapSec: 15 }, false);
		expect(c).toMatchObject({ handled: 1, sumTalkSec: 100, sumHoldSec: 20, sumWrapSec: 45 });
	});

	it.each([
		[5, 1],
		[4, 1],
		[3, 0],
		[1, 0]
	])('counts a score of %d as %d satisfied', (score, satisfied) => {
		const c = emptyCounters();
		countSurvey(c, score);
		expect(c.surveys).toBe(1);
		expect(c.surveysSatisfied).toBe(satisfied);
	});
});

const countersArb: fc.Arbitrary<QueueCounters> = fc.record({
	answered: fc.nat(1000),
	abandoned: fc.nat(1000),
	shortAbandoned: fc.nat(1000),
	flowedOut: fc.nat(1000),
	answeredWithin: fc.nat(1000),
	abandonedWithin: fc.nat(1000),
	sumWaitAnsweredSec: fc.nat(100_000),
	sumWaitOfferedSec: fc.nat(100_000),
	maxWaitSec: fc.nat(10_000),
	maxVipWaitSec: fc.nat(10_000),
	customerOffered: fc.nat(1000),
	repeatOffered: fc.nat(1000),
	handled: fc.nat(1000),
	sumTalkSec: fc.nat(100_000),
	sumHoldSec: fc.nat(100_000),
	sumWrapSec: fc.nat(100_000),
	surveys: fc.nat(1000),
	surveysSatisfied: fc.nat(1000)
});

describe('merging counters', () => {
	it('has the empty counters as identity', () => {
		fc.assert(
			fc.property(countersArb, (c) => {
				expect(addCounters(c, emptyCounters())).toEqual(c);
			})
		);
	});

	it('is commutative and associative, so buckets merge in any order', () => {
		fc.assert(
			fc.property(countersArb, countersArb, countersArb, (a, b, c) => {
				expect(addCounters(a, b)).toEqual(addCounters(b, a));
				expect(addCounters(addCounters(a, b), c)).toEqual(addCounters(a, addCounters(b, c)));
			})
		);
	});

	it('gives the same figures for a span counted whole or in parts', () => {
		const waits = [2, 8, 15, 19, 22, 40, 3, 61];
		const whole = emptyCounters();
		const parts = [emptyCounters(), emptyCounters(), emptyCounters()];
		waits.forEach((waitSec, i) => {
			const outcome: QueueOutcome = i % 3 === 0 ? 'abandoned' : 'answered';
			countOutcome(whole, outcome, waitSec, VOICE);
			countOutcome(parts[i % parts.length]!, outcome, waitSec, VOICE);
		});
		const merged = sumCounters(parts);
		expect(merged).toEqual(whole);
		expect(answerRate(merged)).toBe(answerRate(whole));
		expect(serviceLevelVariants(merged)).toEqual(serviceLevelVariants(whole));
	});

	it('takes the max of max waits and leaves the source untouched', () => {
		const a = { ...emptyCounters(), maxWaitSec: 12, answered: 1 };
		const b = { ...emptyCounters(), maxWaitSec: 30, answered: 2 };
		const target = addCountersInto({ ...a }, b);
		expect(target.maxWaitSec).toBe(30);
		expect(target.answered).toBe(3);
		expect(b.answered).toBe(2);
	});
});
