import { describe, expect, it } from 'vitest';
import type { ChartRow, WhatIfPoint } from './report-types';
import { timeAxis } from './time-axis';
import { mergeWhatIf, placeCompare, placeRows } from './what-if-merge';

const row = (startMs: number, serviceLevel: number | null, answerRate: number | null): ChartRow => ({
	start: '',
	startMs,
	offered: 10,
	answered: 9,
	abandoned: 1,
	flowedOut: 0,
	answerRate,
	serviceLevel,
	asaSec: null,
	ahtSec: null,
	staffedAvg: 5,
	productiveAvg: 5,
	occupancy: null,
	requiredErlangC: null,
	requiredErlangA: null,
	gap: null
});
const point = (startMs: number, changed: boolean, sl: number | null): WhatIfPoint => ({
	startMs,
	changed,
	agentsActual: 5,
	agentsWhatIf: changed ? 8 : 5,
	predictedServiceLevel: sl,
	predictedAnswerRate: 0.99,
	modelServiceLevel: 0.6,
	modelAnswerRate: 0.9
});

describe('mergeWhatIf', () => {
	it('puts each prediction beside its interval with what the change would have bought', () => {
		const [a, b] = mergeWhatIf(
			[row(1, 0.6, 0.9), row(2, 0.7, null)],
			[point(1, true, 0.85), point(2, false, 0.7)]
		);
		expect(a!.whatIf?.changed).toBe(true);
		expect(a!.deltaServiceLevel).toBeCloseTo(0.25, 9);
		expect(a!.deltaAnswerRate).toBeCloseTo(0.09, 9);
		expect(b!.deltaAnswerRate).toBeNull();
	});

	it('leaves intervals without a prediction (or without a what-if at all) empty', () => {
		expect(mergeWhatIf([row(1, 0.6, 0.9)], [point(9, true, 0.9)])[0]!.whatIf).toBeNull();
		expect(mergeWhatIf([row(1, 0.6, 0.9)], null)[0]!.deltaServiceLevel).toBeNull();
	});
});

describe('placing rows on the axis', () => {
	const slots = [100, 200, 300].map((startMs) => ({ startMs, local: '2026-03-02 10:00' }));
	const axis = timeAxis(slots);

	it('drops rows whose start is not a slot of the axis', () => {
		expect(placeRows(axis, [{ startMs: 200 }, { startMs: 250 }]).map((p) => p.i)).toEqual([1]);
	});

	it('aligns a compare day from its own midnight and drops what falls past the main day', () => {
		const origin = 1_000_000;
		const placed = placeCompare(
			slots,
			[{ startMs: origin + 1_800_000 }, { startMs: origin + 3 * 1_800_000 }],
			origin,
			30
		);
		expect(placed.map((p) => p.i)).toEqual([1]);
	});
});
