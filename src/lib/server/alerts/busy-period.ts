import type { PeakPeriod } from './settings';

/**
 * Whether a window is in a busy period (METRICS.md): its offered volume is at least `factor` × the day's
 * mean per window of that length so far, or the local time is inside a configured peak period.
 *
 * The day's mean per window = day's offered × window length ÷ time since local midnight. Before one
 * window length of the day has passed there is no mean to speak of (00:05 would compare five minutes
 * against a 15-minute window), so only peak periods count then.
 */
export function isBusy(input: {
	windowOffered: number;
	windowMs: number;
	dayOffered: number;
	sinceDayStartMs: number;
	factor: number;
	peakPeriods: readonly PeakPeriod[];
}): boolean {
	if (inPeak(input.sinceDayStartMs, input.peakPeriods)) return true;
	if (input.windowMs <= 0 || input.sinceDayStartMs < input.windowMs) return false;
	const meanPerWindow = (input.dayOffered * input.windowMs) / input.sinceDayStartMs;
	return input.windowOffered > 0 && input.windowOffered >= input.factor * meanPerWindow;
}

function minutesOf(clock: string): number {
	const [h, m] = clock.split(':').map(Number);
	return (h ?? 0) * 60 + (m ?? 0);
}

/** A period whose end is not after its start crosses midnight (22:00–02:00). */
export function inPeak(sinceDayStartMs: number, periods: readonly PeakPeriod[]): boolean {
	const minute = sinceDayStartMs / 60_000;
	return periods.some((p) => {
		const start = minutesOf(p.start);
		const end = minutesOf(p.end);
		return end > start ? minute >= start && minute < end : minute >= start || minute < end;
	});
}
