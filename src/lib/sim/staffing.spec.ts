import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CentreSetup } from '../shared/centre/setup';
import { demandLevel, LocalClock } from './daily-curve';
import { chineseName } from './names';
import { Rng } from './prng';
import { apportion, covers, fitShiftWeights, shiftWindows, STAFFING_POINTS } from './roster';
import { TimerHeap } from './timer-heap';

const setup = CentreSetup.parse(
	JSON.parse(readFileSync(new URL('../../../config/centre.example.json', import.meta.url), 'utf8'))
);

describe('Rng', () => {
	it('replays a seed and spreads nearby seeds apart', () => {
		const draw = (seed: number) => {
			const rng = new Rng(seed);
			return Array.from({ length: 5 }, () => rng.next());
		};
		const a = new Rng(1);
		const b = new Rng(1);
		expect([a.next(), a.next()]).toEqual([b.next(), b.next()]);
		expect(draw(1)).not.toEqual(draw(2));
	});

	it('draws log-normal times around their median', () => {
		const rng = new Rng(3);
		const samples = Array.from({ length: 4001 }, () => rng.logNormal(180, 0.6)).sort((x, y) => x - y);
		expect(samples[2000]).toBeGreaterThan(165);
		expect(samples[2000]).toBeLessThan(195);
	});
});

describe('daily curve', () => {
	it('peaks in the morning and evening busy hours and never reaches zero at night', () => {
		for (const channel of ['voice', 'chat', 'email'] as const) {
			expect(demandLevel(channel, 10 * 60 + 30)).toBeGreaterThan(0.9);
			expect(demandLevel(channel, 21 * 60)).toBeGreaterThan(0.9);
			expect(demandLevel(channel, 4 * 60)).toBeGreaterThan(0.05);
			expect(demandLevel(channel, 4 * 60)).toBeLessThan(0.4);
		}
	});

	it('reads local time in the centre time zone', () => {
		const clock = new LocalClock('Asia/Shanghai');
		const ms = Date.UTC(2025, 10, 20, 2, 30);
		expect(clock.minuteOfDay(ms)).toBe(10 * 60 + 30);
		expect(clock.dayStartMs(ms)).toBe(Date.UTC(2025, 10, 19, 16, 0));
		expect(new LocalClock('America/New_York').minuteOfDay(Date.UTC(2025, 6, 1, 12))).toBe(8 * 60);
	});
});

describe('staffing', () => {
	it('fits shift weights that cover every hour of the day', () => {
		const shifts = shiftWindows(setup);
		const weights = fitShiftWeights(shifts);
		expect(weights.reduce((a, b) => a + b)).toBeCloseTo(1);
		for (const m of STAFFING_POINTS) {
			expect(shifts.some((s, i) => covers(s, m) && (weights[i] ?? 0) > 0.01)).toBe(true);
		}
	});

	it('treats an end before the start as crossing midnight', () => {
		const night = shiftWindows(setup).find((s) => s.shiftId === 'night');
		expect(night).toEqual({ shiftId: 'night', startMin: 22 * 60, durationMin: 8 * 60 });
		expect(night && covers(night, 3 * 60)).toBe(true);
		expect(night && covers(night, 12 * 60)).toBe(false);
	});

	it('apportions whole agents that add up', () => {
		expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
		expect(apportion(7, [0, 2, 5])).toEqual([0, 2, 5]);
		expect(apportion(5, [0, 0])).toEqual([0, 0]);
	});
});

describe('names and timers', () => {
	it('makes Chinese names of two to four characters', () => {
		const rng = new Rng(1);
		for (let i = 0; i < 200; i++) expect(chineseName(rng)).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
	});

	it('runs timers in time order, ties in the order they were set', () => {
		const heap = new TimerHeap();
		const order: string[] = [];
		heap.push(20, () => order.push('b'));
		heap.push(10, () => order.push('a'));
		heap.push(20, () => order.push('c'));
		heap.push(5, () => order.push('first'));
		while (heap.size) heap.pop()?.run();
		expect(order).toEqual(['first', 'a', 'b', 'c']);
	});
});
