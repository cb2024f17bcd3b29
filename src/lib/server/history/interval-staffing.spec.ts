import { describe, expect, it } from 'vitest';
import { emptyCounters, type QueueCounters } from '../../shared/metrics/counters';
import { intervalStaffing, predictAt, staffingGap } from './interval-staffing';

const counters = (fields: Partial<QueueCounters>): QueueCounters => ({ ...emptyCounters(), ...fields });

describe('intervalStaffing', () => {
	// 9 answered in 900 s → λ = 0.01/s; AHT 100 s → A = 1 Erlang; 80 % in 20 s.
	// N = 2: C(2, 1) = (1/2 · 2/1) ÷ (1 + 1 + 1) = 1/3, SL = 1 − 1/3 · e^(−1·20/100) = 0.727 < 0.8.
	// N = 3: C(3, 1) = (1/6 · 3/2) ÷ (1 + 1 + 1/2 + 1/4) = 1/11, SL = 1 − 1/11 · e^(−2·20/100) = 0.939 ≥ 0.8.
	const quiet = counters({ answered: 9, handled: 9, sumTalkSec: 900 });
	const input = {
		counters: quiet,
		intervalSec: 900,
		thresholdSec: 20,
		targetServiceLevel: 0.8,
		shrinkage: 0.3
	};

	it('needs 3 agents by Erlang C for 1 Erlang at 80/20, worked by hand', () => {
		expect(intervalStaffing(input)).toMatchObject({ arrivalsPerHour: 36, ahtSec: 100, requiredErlangC: 3 });
	});

	it('falls back to Erlang C when nobody abandoned (patience unmeasured, taken as endless)', () => {
		expect(intervalStaffing(input)).toMatchObject({ patienceSec: null, requiredErlangA: 3 });
	});

	it('schedules required ÷ (1 − shrinkage), rounded up: 3 ÷ 0.7 → 5', () => {
		expect(intervalStaffing(input)).toMatchObject({ scheduledErlangC: 5, scheduledErlangA: 5 });
	});

	it('estimates patience as Σ wait of the offered ÷ abandoned, and Erlang A needs no more than C', () => {
		const impatient = counters({
			answered: 60,
			abandoned: 30,
			handled: 60,
			sumTalkSec: 60 * 200,
			sumWaitOfferedSec: 1800
		});
		const result = intervalStaffing({ ...input, counters: impatient });
		expect(result.patienceSec).toBe(60);
		expect(result.requiredErlangA!).toBeLessThanOrEqual(result.requiredErlangC!);
	});

	it('needs nobody without arrivals and has no answer with arrivals but no handle time', () => {
		expect(intervalStaffing({ ...input, counters: emptyCounters() })).toMatchObject({
			requiredErlangC: 0,
			requiredErlangA: 0
		});
		expect(intervalStaffing({ ...input, counters: counters({ answered: 3 }) })).toMatchObject({
			requiredErlangC: null
		});
	});

	it('gaps staffed against Erlang A, negative when short', () => {
		expect(staffingGap(2.5, { requiredErlangA: 3, requiredErlangC: 4 })).toBe(-0.5);
		expect(staffingGap(2.5, { requiredErlangA: null, requiredErlangC: 4 })).toBe(-1.5);
		expect(staffingGap(2.5, { requiredErlangA: null, requiredErlangC: null })).toBeNull();
	});
});

describe('predictAt', () => {
	it('predicts the Erlang C service level of the hand-worked case at 3 agents', () => {
		const p = predictAt(counters({ answered: 9, handled: 9, sumTalkSec: 900 }), 900, 20, 3);
		expect(p.serviceLevel).toBeCloseTo(1 - (1 / 11) * Math.exp(-0.4), 6);
		expect(p.answerRate).toBeCloseTo(1, 9);
	});

	it('predicts more answered with more agents when callers abandon', () => {
		const c = counters({
			answered: 60,
			abandoned: 30,
			handled: 60,
			sumTalkSec: 60 * 200,
			sumWaitOfferedSec: 1800
		});
		const few = predictAt(c, 900, 20, 10);
		const more = predictAt(c, 900, 20, 15);
		expect(more.answerRate!).toBeGreaterThan(few.answerRate!);
		expect(more.serviceLevel!).toBeGreaterThan(few.serviceLevel!);
	});
});
