import { describe, expect, it } from 'vitest';
import { missedTarget, rateGeometry, rectsPath, staffingGeometry, volumeGeometry } from './report-geometry';
import type { ChartRow } from './report-types';
import { timeAxis } from './time-axis';

const START = Date.parse('2026-03-02T10:00:00+08:00');
const slots = [0, 1, 2].map((i) => ({ startMs: START + i * 1_800_000, local: `2026-03-02 1${i}:00` }));
const axis = timeAxis(slots);

function row(i: number, fields: Partial<ChartRow>): { i: number; row: ChartRow } {
	return {
		i,
		row: {
			start: '',
			startMs: START + i * 1_800_000,
			offered: 0,
			answered: 0,
			abandoned: 0,
			flowedOut: 0,
			answerRate: null,
			serviceLevel: null,
			asaSec: null,
			ahtSec: null,
			staffedAvg: 0,
			productiveAvg: 0,
			occupancy: null,
			requiredErlangC: null,
			requiredErlangA: null,
			gap: null,
			...fields
		}
	};
}

describe('volumeGeometry', () => {
	it('stacks answered, abandoned and flowed out up to the interval’s offered', () => {
		const g = volumeGeometry(axis, [row(0, { offered: 10, answered: 7, abandoned: 2, flowedOut: 1 })]);
		expect(g.bars.map((b) => [b.key, b.value])).toEqual([
			['answered', 7],
			['abandoned', 2],
			['flowedOut', 1]
		]);
		const top = Math.min(...g.bars.map((b) => b.y));
		const bottom = Math.max(...g.bars.map((b) => b.y + b.height));
		expect(bottom).toBeCloseTo(axis.bottom, 9);
		expect(bottom - top).toBeGreaterThan(0);
	});

	it('labels a count axis with whole numbers only, even on an empty day', () => {
		expect(volumeGeometry(axis, []).yTicks.map((t) => t.value)).toEqual([0, 1, 2, 3, 4]);
		const quiet = volumeGeometry(axis, [row(0, { offered: 2, answered: 2 })]);
		expect(quiet.yTicks.every((t) => Number.isInteger(t.value))).toBe(true);
		expect(staffingGeometry(axis, []).yTicks.every((t) => Number.isInteger(t.value))).toBe(true);
	});

	it('draws no empty segments', () => {
		const g = volumeGeometry(axis, [row(0, { offered: 5, answered: 5 })]);
		expect(g.bars).toHaveLength(1);
	});

	it('scales to the busier of the two days so a compare line is never clipped', () => {
		const g = volumeGeometry(
			axis,
			[row(0, { offered: 10, answered: 10 })],
			[row(0, { offered: 40, answered: 40 })]
		);
		expect(g.yTicks.at(-1)!.value).toBeGreaterThanOrEqual(40);
		expect(g.comparePath).toMatch(/^M/);
	});
});

describe('rateGeometry', () => {
	const targets = { serviceLevel: 0.8, answerRate: 0.95 };

	it('marks the intervals below either target and only those', () => {
		const g = rateGeometry(
			axis,
			[
				row(0, { answerRate: 0.97, serviceLevel: 0.85 }),
				row(1, { answerRate: 0.9, serviceLevel: 0.85 }),
				row(2, { answerRate: 0.99, serviceLevel: 0.5 })
			],
			targets
		);
		expect(g.missed.map((m) => [m.i, m.answerRate, m.serviceLevel])).toEqual([
			[1, true, false],
			[2, false, true]
		]);
	});

	it('breaks the line where an interval had nothing to divide by', () => {
		const g = rateGeometry(axis, [row(0, { answerRate: 1 }), row(1, {}), row(2, { answerRate: 1 })], targets);
		expect(g.answerRate.match(/M/g)).toHaveLength(2);
	});

	it('draws the prediction only when there is a what-if', () => {
		expect(rateGeometry(axis, [row(0, { answerRate: 1 })], targets).predictedServiceLevel).toBe('');
		const point = {
			startMs: START,
			changed: true,
			agentsActual: 5,
			agentsWhatIf: 8,
			predictedServiceLevel: 0.9,
			predictedAnswerRate: 0.98,
			modelServiceLevel: 0.6,
			modelAnswerRate: 0.9
		};
		const g = rateGeometry(
			axis,
			[row(0, { answerRate: 1 })],
			targets,
			[],
			[
				{ i: 0, row: point },
				{ i: 1, row: point }
			]
		);
		expect(g.predictedServiceLevel).toMatch(/^M/);
	});
});

describe('missedTarget', () => {
	it.each([
		[0.79, 0.8, true],
		[0.8, 0.8, false],
		[null, 0.8, false]
	])('reads %s against %s as missed: %s', (value, target, missed) => {
		expect(missedTarget(value, target)).toBe(missed);
	});
});

describe('staffingGeometry', () => {
	it('shades the gap to Erlang A, red where short and green where spare', () => {
		const g = staffingGeometry(axis, [
			row(0, { staffedAvg: 6, requiredErlangA: 16, requiredErlangC: 19 }),
			row(1, { staffedAvg: 6, requiredErlangA: 4, requiredErlangC: 5 }),
			row(2, { staffedAvg: 6, requiredErlangA: 6 })
		]);
		expect(g.gaps.map((gap) => [gap.i, gap.short])).toEqual([
			[0, true],
			[1, false]
		]);
		expect(g.yTicks.at(-1)!.value).toBeGreaterThanOrEqual(19);
	});

	it('falls back to Erlang C where Erlang A has no answer', () => {
		const g = staffingGeometry(axis, [row(0, { staffedAvg: 2, requiredErlangC: 3 })]);
		expect(g.gaps).toHaveLength(1);
		expect(g.gaps[0]!.short).toBe(true);
	});
});

describe('rectsPath', () => {
	it('draws every non-empty rectangle as one closed sub-path, at least half a pixel wide', () => {
		const d = rectsPath([
			{ x: 1, y: 2, width: 0.1, height: 3 },
			{ x: 5, y: 2, width: 2, height: 0 }
		]);
		expect(d).toBe('M1,2h0.5v3h-0.5Z');
	});
});
