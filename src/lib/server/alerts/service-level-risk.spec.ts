import { describe, expect, it } from 'vitest';
import { serviceLevel } from '../staffing/erlang-c';
import { AlertHarness, sec } from './test-harness';

/**
 * Queue `neg` (voice: SL target 80 % in 20 s, raise after 60 s, clear after 120 s). Eight agents
 * answer 20 contacts at once, one every 24 s from 320 s to 776 s, each 168 s talk + 10 s wrap-up =
 * 178 s handled. At 960 s three agents go to a meeting (a reason without a limit): five stay productive.
 *
 * The queue passes run on 10 s boundaries, where the rolling 15-min window spans 890 s (its current
 * bucket has only just begun). Until 1210 s it holds all 20 outcomes, so
 *
 *   λ = 20 ÷ 890 s,  AHT = 178 s,  A = λ × AHT = 20 × 178 ÷ 890 = 4.0 Erlangs,  N = 5.
 *
 * Erlang B by recursion, B(n) = A·B(n−1) ÷ (n + A·B(n−1)), B(0) = 1:
 *   B1 = 4 ÷ 5 = 0.8;  B2 = 3.2 ÷ 5.2 = 0.61538;  B3 = 2.46154 ÷ 5.46154 = 0.45070;
 *   B4 = 1.80282 ÷ 5.80282 = 0.31068;  B5 = 1.24272 ÷ 6.24272 = 0.19907.
 * Erlang C(5, 4) = N·B ÷ (N − A·(1 − B)) = 0.99534 ÷ (5 − 3.20373) = 0.55411.
 * SL(20 s) = 1 − C·e^(−(N − A)·t ÷ AHT) = 1 − 0.55411 × e^(−20 ÷ 178) = 1 − 0.55411 × 0.89372 = 50.48 %.
 * That is more than 10 points under 80 %: red. Required agents: N = 6 gives C = 0.28476 and
 * SL = 1 − 0.28476 × e^(−40 ÷ 178) = 77.25 % (short of 80 %); N = 7 gives C = 0.13511 and
 * SL = 1 − 0.13511 × e^(−60 ÷ 178) = 90.36 %. So 7 are needed: 2 agents short.
 */
function understaffed(): AlertHarness {
	const h = new AlertHarness();
	const agents = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8'];
	for (const a of agents) {
		h.b.login(a, { name: a.toUpperCase(), queues: ['neg'] });
		h.b.ready(a);
	}
	for (let i = 0; i < 20; i++) {
		const agent = agents[i % agents.length]!;
		h.b.at(sec(320 + 24 * i)).queued(`c${i}`, 'neg');
		h.b.answered(`c${i}`, agent);
		h.b.after(168).ended(`c${i}`, agent);
		h.b.after(10).wrapped(`c${i}`, agent);
	}
	for (const a of ['a6', 'a7', 'a8']) h.b.at(sec(960)).state(a, 'not_ready', 'meeting');
	return h;
}

const risks = (h: AlertHarness) => h.changes.filter((c) => c.alert.kind === 'service_level_risk');

describe('service level at risk', () => {
	it('predicts the hand-worked Erlang C service level and agrees with the staffing module', () => {
		expect(serviceLevel(5, 4, 178, 20)).toBeCloseTo(0.5048, 4);
		expect(serviceLevel(6, 4, 178, 20)).toBeCloseTo(0.7725, 4);
		expect(serviceLevel(7, 4, 178, 20)).toBeCloseTo(0.9036, 4);
	});

	it('stays quiet while eight agents are productive', () => {
		const h = understaffed();
		h.runTo(sec(959));
		expect(risks(h)).toEqual([]);
	});

	it('raises red 60 s after staffing drops below what the target needs, with the numbers', () => {
		const h = understaffed();
		h.runTo(sec(1019));
		expect(risks(h)).toEqual([]);
		h.runTo(sec(1020));
		const [raised] = risks(h);
		expect(raised).toMatchObject({
			change: 'raised',
			atMs: sec(1020),
			alert: { severity: 'red', queueId: 'neg', cause: 'service_level', sinceMs: sec(960) }
		});
		const f = raised!.alert.figures;
		expect(f.arrivalsPerHour).toBeCloseTo((20 * 3600) / 890, 6);
		expect(f.predictedServiceLevel).toBeCloseTo(0.5048, 4);
		expect(f).toMatchObject({ target: 0.8, thresholdSec: 20, productive: 5, required: 7, gap: -2 });
		expect(raised!.alert.reason.en).toBe(
			'负 service level predicted 50.4 % (target 80 % in 20 s), 5 productive, 7 needed, 2 agents short'
		);
	});

	it('clears by itself 120 s after enough agents are back', () => {
		const h = understaffed();
		h.runTo(sec(1030));
		for (const a of ['a6', 'a7', 'a8']) h.b.at(sec(1040)).ready(a);
		// Eight productive: Erlang C gives 96.2 %, above the target from the 1040 s pass on.
		h.runTo(sec(1200));
		expect(risks(h).map((c) => [c.change, c.atMs])).toEqual([
			['raised', sec(1020)],
			['cleared', sec(1160)]
		]);
	});
});
