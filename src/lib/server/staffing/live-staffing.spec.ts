import { describe, expect, it } from 'vitest';
import type { CcEvent } from '../../shared/contract';
import { applyEvent, createFloor, type Floor } from '../live/floor';
import { createEventBuilder, testCentreSetup } from '../live/test-events';
import { erlangA } from './erlang-a';
import { liveStaffing, liveStaffingAll } from './live-staffing';

const T0 = Date.UTC(2025, 10, 23, 1, 0, 0); // 09:00 Asia/Shanghai
const at = (sec: number) => T0 + sec * 1000;
/** 10:00: the rolling 15 min starts at 09:45:10 (span 890 s), the rolling 60 min at 09:00:10. */
const NOW = at(3600);

function floorWith(events: CcEvent[]): Floor {
	const floor = createFloor(testCentreSetup(), { timeZone: 'Asia/Shanghai' });
	for (const e of events) applyEvent(floor, e, e.ts);
	return floor;
}

/**
 * Seconds after 09:00, queue `neg` (threshold 20 s, target 80 %):
 *   c5 queued 1000, answered 1020 (wait 20) by a1, ended 1260, wrapped 1290: handle 270 s
 *   c6 queued 1500, abandoned 1560 (wait 60)
 *   c1 queued 2900, answered 2930 (wait 30) by a1, ended 3050, wrapped 3080: handle 150 s
 *   c2 queued 3000, abandoned 3040 (wait 40)
 *   c3 queued 3100, answered 3110 (wait 10) by a2, ended 3290, wrapped 3320: handle 210 s
 *   c4 queued 3200, abandoned 3202 (short abandon: not offered)
 *   c7 queued 3500, answered 3505 (wait 5) by a2, still talking at 3600
 *   c8 queued 3590, still waiting
 * Agents: a1 [neg] ready; a2 [neg, ign] on c7; a3 [neg] not ready; a4 [ign] ready; a5 [neg] logged out.
 */
const b = createEventBuilder({ startMs: T0 });
b.login('a1', { queues: ['neg'] });
b.ready('a1');
b.login('a2', { queues: ['neg', 'ign'] });
b.ready('a2');
b.login('a3', { queues: ['neg'] });
b.login('a4', { queues: ['ign'] });
b.ready('a4');
b.login('a5', { queues: ['neg'] });
b.after(60).logout('a5');
b.atSec(1000).queued('c5', 'neg');
b.atSec(1020).answered('c5', 'a1');
b.atSec(1260).ended('c5', 'a1');
b.atSec(1290).wrapped('c5', 'a1');
b.atSec(1500).queued('c6', 'neg');
b.atSec(1560).abandoned('c6');
b.atSec(2900).queued('c1', 'neg');
b.atSec(2930).answered('c1', 'a1');
b.atSec(3000).queued('c2', 'neg');
b.atSec(3040).abandoned('c2');
b.atSec(3050).ended('c1', 'a1');
b.atSec(3080).wrapped('c1', 'a1');
b.atSec(3100).queued('c3', 'neg');
b.atSec(3110).answered('c3', 'a2');
b.atSec(3200).queued('c4', 'neg');
b.atSec(3202).abandoned('c4');
b.atSec(3290).ended('c3', 'a2');
b.atSec(3320).wrapped('c3', 'a2');
b.atSec(3500).queued('c7', 'neg');
b.atSec(3505).answered('c7', 'a2');
b.atSec(3590).queued('c8', 'neg');
const floor = floorWith(b.events);

describe('live staffing of a queue', () => {
	const neg = liveStaffing(floor, 'neg', NOW);

	it('takes λ from the offered of the rolling 15 min, short abandons excluded', () => {
		// c1, c2, c3, c7 have outcomes after 09:45:10; c4 is a short abandon → 4 in 890 s
		expect(neg.arrivalsPerHour).toBeCloseTo((4 * 3600) / 890, 10);
		expect(neg.waiting).toBe(1);
	});

	it('takes AHT and patience from the rolling 60 min', () => {
		// handled c5, c1, c3: (270 + 150 + 210) ÷ 3
		expect(neg.ahtSec).toBe(210);
		// Σ wait of offered c5, c6, c1, c2, c3, c7 = 20 + 60 + 30 + 40 + 10 + 5 = 165 over 2 abandons
		expect(neg.patienceSec).toBe(82.5);
	});

	it('counts staffed, productive and available agents skilled for the queue', () => {
		// a1 ready, a2 on contact, a3 not ready; a5 is offline and a4 is not skilled for neg
		expect(neg).toMatchObject({ staffed: 3, productive: 2, available: 1 });
		expect(neg).toMatchObject({ thresholdSec: 20, targetServiceLevel: 0.8 });
	});

	it('finds the Erlang C requirement worked out by hand', () => {
		// A = 4/890 per s × 210 s = 0.94382 E. SL(2) = 1 − 0.30260·e^(−1.05618·20/210) = 0.7264 < 0.8;
		// SL(3) = 1 − 0.07882·e^(−2.05618·20/210) = 0.9352 ≥ 0.8 → 3
		expect(neg.requiredErlangC).toBe(3);
	});

	it('predicts with Erlang A at the productive staffing and takes its gap when patience is known', () => {
		const modelled = erlangA({
			agents: 2,
			arrivalsPerSec: 4 / 890,
			ahtSec: 210,
			patienceSec: 82.5,
			thresholdSec: 20
		});
		expect(neg.model).toBe('erlang-a');
		expect(neg.predictedServiceLevel).toBeCloseTo(modelled.serviceLevel, 12);
		// impatient callers leave, so Erlang A never needs more than Erlang C
		expect(neg.requiredErlangA).not.toBeNull();
		expect(neg.requiredErlangA!).toBeLessThanOrEqual(neg.requiredErlangC!);
		expect(neg.gap).toBe(2 - neg.requiredErlangA!);
	});

	it('counts a multi-skilled agent in every queue it serves', () => {
		// a2 (neg, ign) and a4 (ign)
		expect(liveStaffing(floor, 'ign', NOW)).toMatchObject({ staffed: 2, productive: 2, available: 1 });
	});

	it('needs no agents where nothing arrives, and predicts nothing there', () => {
		expect(liveStaffing(floor, 'ign', NOW)).toMatchObject({
			arrivalsPerHour: 0,
			ahtSec: null,
			patienceSec: null,
			requiredErlangC: 0,
			requiredErlangA: null,
			predictedServiceLevel: null,
			gap: 2,
			model: 'erlang-c'
		});
	});

	it('falls back to Erlang C when the hour has no abandons', () => {
		const r = createEventBuilder({ startMs: T0 });
		r.login('a1', { queues: ['vip'] });
		r.ready('a1');
		r.atSec(100).queued('v1', 'vip');
		r.atSec(104).answered('v1', 'a1');
		r.atSec(304).ended('v1', 'a1');
		r.atSec(304).wrapped('v1', 'a1');
		const vip = liveStaffing(floorWith(r.events), 'vip', at(600));
		// rolling 15 at 600 s reaches back before 09:00: 1 offered in 890 s; AHT 200 s, threshold 10 s
		expect(vip).toMatchObject({ ahtSec: 200, patienceSec: null, requiredErlangA: null, thresholdSec: 10 });
		const traffic = (1 / 890) * 200;
		// N = 1: SL = 1 − A·e^(−(1 − A)·10/200) = 0.7775 < 0.8; N = 2 clears it easily
		expect(1 - traffic * Math.exp((-(1 - traffic) * 10) / 200)).toBeLessThan(0.8);
		expect(vip).toMatchObject({ requiredErlangC: 2, gap: -1, model: 'erlang-c' });
		expect(vip.predictedServiceLevel).toBeCloseTo(1 - traffic * Math.exp((-(1 - traffic) * 10) / 200), 12);
	});

	it('empties as the windows age, without any event', () => {
		const later = liveStaffing(floor, 'neg', at(3 * 3600));
		expect(later).toMatchObject({ arrivalsPerHour: 0, ahtSec: null, patienceSec: null, requiredErlangC: 0 });
		expect(later.staffed).toBe(3);
	});
});

describe('live staffing of every queue', () => {
	it('lists the queues in set-up order, each as the single-queue answer', () => {
		const all = liveStaffingAll(floor, NOW);
		expect(all.map((s) => s.queueId)).toEqual(['neg', 'ign', 'pos', 'vip', 'chat', 'email']);
		for (const row of all) expect(row).toEqual(liveStaffing(floor, row.queueId, NOW));
	});

	it('lists a queue seen only in events after the configured ones', () => {
		const r = createEventBuilder({ startMs: T0 });
		r.queued('x1', 'zz-new');
		expect(
			liveStaffingAll(floorWith(r.events), at(10))
				.map((s) => s.queueId)
				.at(-1)
		).toBe('zz-new');
	});
});
