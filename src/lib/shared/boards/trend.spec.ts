import { describe, expect, it } from 'vitest';
import { busySpans, foldSample, segments, TREND_POINTS, type TrendPoint } from './trend';

const M = 60_000;
const sample = (waiting: number, offered = 10, answerRate: number | null = 0.9) => ({
	answerRate,
	waiting,
	offered
});

describe('foldSample', () => {
	it('keeps one point a minute with the peak waiting seen in it', () => {
		let points = foldSample([], 5 * M + 1000, sample(3));
		points = foldSample(points, 5 * M + 20_000, sample(7));
		points = foldSample(points, 5 * M + 40_000, sample(2));
		expect(points).toEqual([[5 * M, 0.9, 7, 10]]);
	});

	it('returns the same array when nothing changed, so a diff can compare by identity', () => {
		const points = foldSample([], 5 * M, sample(3));
		expect(foldSample(points, 5 * M + 10_000, sample(3))).toBe(points);
	});

	it('holds two hours and drops older minutes', () => {
		let points: TrendPoint[] = [];
		for (let m = 0; m < TREND_POINTS + 30; m++) points = foldSample(points, m * M, sample(m));
		expect(points).toHaveLength(TREND_POINTS);
		expect(points[0]![0]).toBe(30 * M);
	});

	it('starts again when the clock goes backwards', () => {
		const points = foldSample(foldSample([], 10 * M, sample(1)), 3 * M, sample(2));
		expect(points).toEqual([[3 * M, 0.9, 2, 10]]);
	});
});

describe('busySpans', () => {
	it('shades runs of minutes well above the average load', () => {
		const offered = [10, 10, 30, 30, 10, 30];
		const points: TrendPoint[] = offered.map((o, i) => [i * M, 0.9, 0, o]);
		expect(busySpans(points)).toEqual([
			[2 * M, 4 * M],
			[5 * M, 6 * M]
		]);
	});

	it('shades nothing on an idle floor', () => {
		expect(busySpans([[0, null, 0, 0]])).toEqual([]);
	});
});

describe('segments', () => {
	it('breaks the line where minutes are missing', () => {
		const points: TrendPoint[] = [0, 1, 2, 5, 6].map((m) => [m * M, 0.9, 0, 1]);
		expect(segments(points).map((s) => s.length)).toEqual([3, 2]);
	});
});
