import { describe, expect, it } from 'vitest';
import { alignedIndex, REPORT_BOX, timeAxis } from './time-axis';

const HALF_HOUR = 30 * 60_000;
const DAY_START = Date.parse('2026-03-02T00:00:00+08:00');
const pad = (n: number) => String(n).padStart(2, '0');

function daySlots(date: string, startMs: number, sizeMin: number, count: number) {
	return Array.from({ length: count }, (_, i) => {
		const minutes = i * sizeMin;
		return {
			startMs: startMs + i * sizeMin * 60_000,
			local: `${date} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
		};
	});
}

describe('timeAxis', () => {
	const axis = timeAxis(daySlots('2026-03-02', DAY_START, 30, 48));

	it('spans the plot area with one band per interval', () => {
		expect(axis.x(0)).toBeGreaterThanOrEqual(REPORT_BOX.margin.left);
		expect(axis.x(47) + axis.band).toBeLessThanOrEqual(REPORT_BOX.width - REPORT_BOX.margin.right + 1e-9);
		expect(axis.mid(1) - axis.mid(0)).toBeCloseTo(axis.mid(2) - axis.mid(1), 9);
	});

	it('labels a day every two hours on the local clock', () => {
		expect(axis.ticks.map((t) => t.label)).toEqual([
			'00:00',
			'02:00',
			'04:00',
			'06:00',
			'08:00',
			'10:00',
			'12:00',
			'14:00',
			'16:00',
			'18:00',
			'20:00',
			'22:00'
		]);
	});

	it('finds a slot by its start and nothing for a start off the axis', () => {
		expect(axis.indexOf(DAY_START + 20 * HALF_HOUR)).toBe(20);
		expect(axis.indexOf(DAY_START - HALF_HOUR)).toBeUndefined();
	});

	it('labels a range of days by date, thinned to at most 14 labels', () => {
		const month = Array.from({ length: 31 }, (_, d) =>
			daySlots(`2026-03-${pad(d + 1)}`, DAY_START + d * 86_400_000, 15, 96)
		).flat();
		const ticks = timeAxis(month).ticks;
		expect(ticks.length).toBeLessThanOrEqual(14);
		expect(ticks[0]!.label).toBe('03-01');
	});
});

describe('alignedIndex', () => {
	it('puts a compare day’s 10:00 on the same slot as the main day’s 10:00', () => {
		const lastMonday = DAY_START - 7 * 86_400_000;
		expect(alignedIndex(lastMonday + 20 * HALF_HOUR, lastMonday, 30)).toBe(20);
	});
});
