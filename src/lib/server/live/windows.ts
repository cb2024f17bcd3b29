import type { MetricWindow, WindowSpan } from '../../shared/metrics/figures';
import { zoneOffsetMs } from './day-window';
import type { Floor } from './floor-state';
import type { ShiftOccurrence } from './shift-clock';

/**
 * Bucket size of the sliding windows. 10 s keeps a rolling window's edge within 10 s of its nominal
 * length while an hour is only 360 buckets a queue; the windows below are whole buckets.
 */
export const WINDOW_BUCKET_MS = 10_000;
/** One hour of buckets: the longest sliding window (rolling60); every interval fits inside it. */
export const WINDOW_BUCKETS = 360;

const ROLLING_MINUTES: Partial<Record<MetricWindow, number>> = {
	rolling15: 15,
	rolling30: 30,
	rolling60: 60
};
const INTERVAL_MINUTES: Partial<Record<MetricWindow, number>> = { interval15: 15, interval30: 30 };

export function isBucketedWindow(window: MetricWindow): boolean {
	return window in ROLLING_MINUTES || window in INTERVAL_MINUTES;
}

/** Start of the clock-aligned interval containing `ms`, aligned on the centre's local clock (it matters for +05:45). */
export function localIntervalStartMs(ms: number, minutes: number, timeZone: string): number {
	const lengthMs = minutes * 60_000;
	const local = ms + zoneOffsetMs(ms, timeZone);
	return ms - (((local % lengthMs) + lengthMs) % lengthMs);
}

/**
 * Start of a rolling window at `ms`: the last `minutes × 6` buckets including the current, partly
 * elapsed one, so the window spans between `minutes` − 10 s and `minutes` of event time.
 */
export function rollingStartMs(ms: number, minutes: number): number {
	const currentBucketStartMs = Math.floor(ms / WINDOW_BUCKET_MS) * WINDOW_BUCKET_MS;
	return currentBucketStartMs + WINDOW_BUCKET_MS - minutes * 60_000;
}

export interface ResolvedWindow {
	window: MetricWindow;
	/** Null for `shift` when no shift is running (or none is configured): there is nothing to count over. */
	span: WindowSpan | null;
	/** The shift the `shift` window is about; null otherwise. */
	shift: ShiftOccurrence | null;
}

/**
 * The span a window covers at `nowMs`. Counts whose event time is in [startMs, nowMs] are in it; `now`
 * is the instant itself (no counts). With `shiftId`, `shift` is about that shift rather than the one
 * that started last.
 */
export function resolveWindow(
	floor: Floor,
	window: MetricWindow,
	nowMs: number,
	shiftId?: string
): ResolvedWindow {
	const rolling = ROLLING_MINUTES[window];
	if (rolling !== undefined) return spanFrom(window, rollingStartMs(nowMs, rolling), nowMs);
	const interval = INTERVAL_MINUTES[window];
	if (interval !== undefined)
		return spanFrom(window, localIntervalStartMs(nowMs, interval, floor.timeZone), nowMs);
	switch (window) {
		case 'now':
			return spanFrom(window, nowMs, nowMs);
		case 'day':
			return spanFrom(window, floor.dayClock.dayOf(nowMs).startMs, nowMs);
		default: {
			const shift = floor.shiftClock.current(nowMs, shiftId);
			return { window, span: shift ? { startMs: shift.startMs, endMs: nowMs } : null, shift };
		}
	}
}

function spanFrom(window: MetricWindow, startMs: number, endMs: number): ResolvedWindow {
	return { window, span: { startMs, endMs }, shift: null };
}
