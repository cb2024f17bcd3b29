import { describe, expect, it } from 'vitest';
import type { SlFormula } from '../centre/setup';
import { emptyCounters, type QueueCounters } from './counters';
import {
	abandonRate,
	acwShare,
	ahtSec,
	answerRate,
	asaSec,
	attSec,
	counterFigures,
	csat,
	offered,
	ratio,
	serviceLevel,
	serviceLevelVariants
} from './formulas';

const counters = (parts: Partial<QueueCounters>): QueueCounters => ({ ...emptyCounters(), ...parts });

describe('ratio', () => {
	it.each([
		[1, 4, 0.25],
		[0, 4, 0],
		[3, 0, null],
		[0, 0, null]
	])('divides %d by %d as %s', (n, d, expected) => {
		expect(ratio(n, d)).toBe(expected);
	});
});

describe('offered and rates', () => {
	it('counts answered, abandoned and flowed out as offered', () => {
		expect(offered(counters({ answered: 90, abandoned: 6, flowedOut: 4 }))).toBe(100);
	});

	it('counts short abandons as neither answered nor abandoned', () => {
		// 10 answered + 5 short abandons: offered = 10, so the rate is 10 ÷ 10, not 10 ÷ 15.
		const c = counters({ answered: 10, shortAbandoned: 5 });
		expect(offered(c)).toBe(10);
		expect(answerRate(c)).toBe(1);
		expect(abandonRate(c)).toBe(0);
	});

	it.each([
		// answered, abandoned, flowedOut → answer rate, abandon rate
		{ answered: 95, abandoned: 5, flowedOut: 0, answer: 0.95, abandon: 0.05 },
		// 80 ÷ (80 + 15 + 5) = 0.8; 15 ÷ 100 = 0.15
		{ answered: 80, abandoned: 15, flowedOut: 5, answer: 0.8, abandon: 0.15 },
		{ answered: 0, abandoned: 3, flowedOut: 0, answer: 0, abandon: 1 },
		{ answered: 0, abandoned: 0, flowedOut: 0, answer: null, abandon: null }
	])(
		'answers $answer and abandons $abandon of $answered/$abandoned/$flowedOut',
		({ answered, abandoned, flowedOut, answer, abandon }) => {
			const c = counters({ answered, abandoned, flowedOut });
			expect(answerRate(c)).toBe(answer);
			expect(abandonRate(c)).toBe(abandon);
		}
	);
});

describe('service level', () => {
	// METRICS.md check: "70 answered within, 10 abandoned within, 20 beyond → 70 %, 77.8 %, 80 %".
	// The three percentages only agree with offered = 100, so "20 beyond" means the remaining 20 offered
	// outcomes came after the threshold: answered late, abandoned late or flowed out — none is in any
	// numerator, and only abandonedWithin leaves the ignore_abandons denominator. Split here as 12
	// answered late + 5 abandoned late + 3 flowed out; any split gives the same three figures.
	//   answered  = 70 + 12 = 82, abandoned = 10 + 5 = 15, flowedOut = 3, offered = 100
	//   abandons_negative = 70 ÷ 100 = 70 %
	//   ignore_abandons   = 70 ÷ (100 − 10) = 77.8 %
	//   abandons_positive = (70 + 10) ÷ 100 = 80 %
	const check = counters({
		answered: 82,
		answeredWithin: 70,
		abandoned: 15,
		abandonedWithin: 10,
		flowedOut: 3
	});

	it.each<[SlFormula, number]>([
		['abandons_negative', 0.7],
		['ignore_abandons', 70 / 90],
		['abandons_positive', 0.8]
	])('meets the METRICS.md check under %s', (formula, expected) => {
		expect(offered(check)).toBe(100);
		expect(serviceLevel(check, formula)).toBeCloseTo(expected, 12);
	});

	it('gives the same three figures whichever way the 20 beyond split', () => {
		const allAnsweredLate = counters({
			answered: 90,
			answeredWithin: 70,
			abandoned: 10,
			abandonedWithin: 10
		});
		const allAbandonedLate = counters({
			answered: 70,
			answeredWithin: 70,
			abandoned: 30,
			abandonedWithin: 10
		});
		expect(serviceLevelVariants(allAnsweredLate)).toEqual(serviceLevelVariants(check));
		expect(serviceLevelVariants(allAbandonedLate)).toEqual(serviceLevelVariants(check));
	});

	it('is null for every formula when nothing was offered', () => {
		expect(serviceLevelVariants(emptyCounters())).toEqual({
			abandons_negative: null,
			ignore_abandons: null,
			abandons_positive: null
		});
	});

	it('is null under ignore_abandons when every offered contact abandoned within the threshold', () => {
		// offered 4, abandonedWithin 4: denominator 4 − 4 = 0
		const c = counters({ abandoned: 4, abandonedWithin: 4 });
		expect(serviceLevel(c, 'ignore_abandons')).toBeNull();
		expect(serviceLevel(c, 'abandons_negative')).toBe(0);
		expect(serviceLevel(c, 'abandons_positive')).toBe(1);
	});
});

describe('time figures', () => {
	it.each([
		// Σ wait 300 s over 20 answered → 15 s
		{ name: 'ASA', fn: asaSec, c: { answered: 20, sumWaitAnsweredSec: 300 }, expected: 15 },
		// Σ talk 1800 s over 10 handled → 180 s
		{ name: 'ATT', fn: attSec, c: { handled: 10, sumTalkSec: 1800, sumHoldSec: 200 }, expected: 180 },
		// (1800 + 200 + 500) ÷ 10 → 250 s
		{
			name: 'AHT',
			fn: ahtSec,
			c: { handled: 10, sumTalkSec: 1800, sumHoldSec: 200, sumWrapSec: 500 },
			expected: 250
		},
		// 500 ÷ 2500 → 0.2
		{
			name: 'ACW share',
			fn: acwShare,
			c: { sumTalkSec: 1800, sumHoldSec: 200, sumWrapSec: 500 },
			expected: 0.2
		},
		// 17 of 20 surveys scored 4 or 5 → 0.85
		{ name: 'CSAT', fn: csat, c: { surveys: 20, surveysSatisfied: 17 }, expected: 0.85 }
	])('computes $name as $expected', ({ fn, c, expected }) => {
		expect(fn(counters(c))).toBe(expected);
	});

	it.each([
		['ASA', asaSec],
		['ATT', attSec],
		['AHT', ahtSec],
		['ACW share', acwShare],
		['CSAT', csat]
	])('reports %s as null with nothing to divide by', (_name, fn) => {
		expect(fn(emptyCounters())).toBeNull();
	});
});

describe('counterFigures', () => {
	it('uses the queue formula for the headline service level and keeps all three variants', () => {
		const c = counters({
			answered: 82,
			answeredWithin: 70,
			abandoned: 15,
			abandonedWithin: 10,
			flowedOut: 3
		});
		const figures = counterFigures(c, 'ignore_abandons');
		expect(figures.serviceLevel).toBeCloseTo(70 / 90, 12);
		expect(figures.serviceLevelVariants.abandons_negative).toBe(0.7);
		expect(figures.offered).toBe(100);
		expect(figures.answerRate).toBe(0.82);
		expect(figures.abandonRate).toBe(0.15);
	});
});
