import type { IntervalRow } from './interval-row';
import { localDateOf, localToEpochMs, nextLocalDayStartMs } from './local-time';
import { whatIf, type WhatIfRow } from './what-if';

/** A change of staffing on the local clock: "+5 agents from 20:00 to 22:00", on every day of a range. */
export interface DailyChange {
	delta: number;
	/** Local `HH:MM`; `24:00` is the end of the day. */
	from: string;
	to: string;
}

function clockMs(date: string, clock: string, timeZone: string): number {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	const [hour, minute] = clock.split(':').map(Number) as [number, number];
	const dayStart = localToEpochMs({ year: y, month: m, day: d, hour: 0, minute: 0, second: 0 }, timeZone);
	if (hour === 24) return nextLocalDayStartMs(dayStart, timeZone);
	return localToEpochMs({ year: y, month: m, day: d, hour, minute, second: 0 }, timeZone);
}

/**
 * The what-if of one queue over a range of days: the helper takes one absolute span, a manager thinks in
 * clock times, so each local day gets its own span and the rows go through the same `whatIf`.
 */
export function whatIfDaily(
	rows: readonly IntervalRow[],
	change: DailyChange,
	timeZone: string
): WhatIfRow[] {
	const byDate = new Map<string, IntervalRow[]>();
	for (const row of rows) {
		const date = localDateOf(row.startMs, timeZone);
		let list = byDate.get(date);
		if (!list) byDate.set(date, (list = []));
		list.push(row);
	}
	return [...byDate].flatMap(([date, list]) =>
		whatIf(list, {
			delta: change.delta,
			fromMs: clockMs(date, change.from, timeZone),
			toMs: clockMs(date, change.to, timeZone)
		})
	);
}
