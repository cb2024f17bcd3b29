import { describe, expect, it } from 'vitest';
import { inPeak, isBusy } from './busy-period';

const MIN = 60_000;
const base = { windowMs: 15 * MIN, factor: 1.2, peakPeriods: [] };

describe('busy periods', () => {
	it('compares the window with 1.2 × the day’s mean per window so far', () => {
		// 10:00: 4,000 offered in 600 min → 100 per 15 min; 120 is busy, 119 is not.
		const at10 = { ...base, dayOffered: 4000, sinceDayStartMs: 600 * MIN };
		expect(isBusy({ ...at10, windowOffered: 120 })).toBe(true);
		expect(isBusy({ ...at10, windowOffered: 119 })).toBe(false);
	});

	it('has no mean before one window of the day has passed', () => {
		expect(isBusy({ ...base, dayOffered: 30, sinceDayStartMs: 10 * MIN, windowOffered: 30 })).toBe(false);
	});

	it('treats configured peak periods as busy, also across midnight', () => {
		const peak = [{ start: '22:00', end: '02:00' }];
		expect(inPeak(23 * 60 * MIN, peak)).toBe(true);
		expect(inPeak(60 * MIN, peak)).toBe(true);
		expect(inPeak(3 * 60 * MIN, peak)).toBe(false);
		expect(
			isBusy({ ...base, peakPeriods: peak, dayOffered: 0, sinceDayStartMs: 60 * MIN, windowOffered: 0 })
		).toBe(true);
	});
});
