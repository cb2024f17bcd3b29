import { sumCounters } from '../../shared/metrics/counters';
import { ahtSec, answerRate, offered, serviceLevel } from '../../shared/metrics/formulas';
import type { IntervalRow } from './interval-row';
import { rowField } from './interval-row';
import { intervalStartMs, isoInZone } from './local-time';

export interface BusyHour {
	start: string;
	startMs: number;
	offered: number;
	/** Offered load in Erlangs: arrivals per second × AHT over the hour. */
	erlangs: number;
	answerRate: number | null;
	serviceLevel: number | null;
}

export interface WorstInterval {
	start: string;
	startMs: number;
	offered: number;
	answerRate: number | null;
	serviceLevel: number | null;
	gap: number | null;
}

export interface ScopeSummary {
	scope: IntervalRow['scope'];
	queueId: string | null;
	channel: IntervalRow['channel'];
	offered: number;
	answerRate: number | null;
	serviceLevel: number | null;
	/** The clock hour of the day with the highest offered load (Erlangs); null on a day with no load. */
	busyHour: BusyHour | null;
	/** Lowest answer rate first, among intervals with at least `minOffered` offered. */
	worstAnswerRate: WorstInterval[];
	/** Most agents short (most negative gap) first, among intervals that were short at all. */
	mostShort: WorstInterval[];
}

export interface SummaryOptions {
	timeZone: string;
	/** Intervals with fewer offered are too small to rank (one abandon in three calls is not a trend). */
	minOffered?: number;
	top?: number;
}

/**
 * The day at a glance per queue, channel and the centre: its totals, the busy hour and the intervals
 * that went worst. Totals and hours merge the rows' raw counts (a rate of a merge is not the mean of
 * the rates) and take the same formulas as the rows.
 */
export function summarise(rows: readonly IntervalRow[], options: SummaryOptions): ScopeSummary[] {
	const minOffered = options.minOffered ?? 10;
	const top = options.top ?? 5;
	const byScope = new Map<string, IntervalRow[]>();
	for (const row of rows) {
		const key = rowField(row);
		let list = byScope.get(key);
		if (!list) byScope.set(key, (list = []));
		list.push(row);
	}
	return [...byScope.values()].map((list) => {
		const first = list[0]!;
		const slFormula = first.slFormula ?? 'abandons_negative';
		const total = sumCounters(list.map((r) => r.counters));
		const worst = (r: IntervalRow): WorstInterval => ({
			start: r.start,
			startMs: r.startMs,
			offered: r.offered,
			answerRate: r.answerRate,
			serviceLevel: r.serviceLevel,
			gap: r.gap
		});
		return {
			scope: first.scope,
			queueId: first.queueId,
			channel: first.channel,
			offered: offered(total),
			answerRate: answerRate(total),
			serviceLevel: serviceLevel(total, slFormula),
			busyHour: busyHourOf(list, options.timeZone),
			worstAnswerRate: list
				.filter((r) => r.offered >= minOffered && r.answerRate !== null)
				.sort((a, b) => a.answerRate! - b.answerRate! || a.startMs - b.startMs)
				.slice(0, top)
				.map(worst),
			mostShort: list
				.filter((r) => r.gap !== null && r.gap < 0)
				.sort((a, b) => a.gap! - b.gap! || a.startMs - b.startMs)
				.slice(0, top)
				.map(worst)
		};
	});
}

function busyHourOf(rows: readonly IntervalRow[], timeZone: string): BusyHour | null {
	const hours = new Map<number, IntervalRow[]>();
	for (const row of rows) {
		const hour = intervalStartMs(row.startMs, 60, timeZone);
		let list = hours.get(hour);
		if (!list) hours.set(hour, (list = []));
		list.push(row);
	}
	let best: BusyHour | null = null;
	for (const [startMs, list] of hours) {
		const c = sumCounters(list.map((r) => r.counters));
		const aht = ahtSec(c) ?? 0;
		const erlangs = (offered(c) * aht) / 3600;
		if (erlangs <= 0 || (best && erlangs <= best.erlangs)) continue;
		best = {
			start: isoInZone(startMs, timeZone),
			startMs,
			offered: offered(c),
			erlangs,
			answerRate: answerRate(c),
			serviceLevel: serviceLevel(c, 'abandons_negative')
		};
	}
	return best;
}
