import { describe, expect, it } from 'vitest';
import { emptyCounters } from '../../shared/metrics/counters';
import type { IntervalRow } from './interval-row';
import { isoInZone } from './local-time';
import { whatIf } from './what-if';
import { whatIfDaily } from './what-if-days';

const TZ = 'Asia/Shanghai';
const HALF_HOUR = 1_800_000;

function row(startMs: number): IntervalRow {
	const counters = {
		...emptyCounters(),
		answered: 40,
		handled: 40,
		abandoned: 5,
		sumTalkSec: 40 * 240,
		sumWaitOfferedSec: 900
	};
	return {
		start: isoInZone(startMs, TZ),
		startMs,
		size: 30,
		queueId: 'q1',
		productiveAvg: 6,
		slThresholdSec: 20,
		serviceLevel: 0.5,
		answerRate: 0.89,
		counters
	} as IntervalRow;
}

/** Both days from 09:00 to 12:00 local. */
const days = ['2026-03-02', '2026-03-03'].flatMap((date) => {
	const nine = Date.parse(`${date}T09:00:00+08:00`);
	return Array.from({ length: 6 }, (_, i) => row(nine + i * HALF_HOUR));
});

describe('whatIfDaily', () => {
	const result = whatIfDaily(days, { delta: 2, from: '10:00', to: '11:00' }, TZ);

	it('applies the change in the same clock span on every day of the range', () => {
		const changed = result.filter((r) => r.changed).map((r) => r.start.slice(0, 16));
		expect(changed).toEqual(['2026-03-02T10:00', '2026-03-02T10:30', '2026-03-03T10:00', '2026-03-03T10:30']);
	});

	it('gives the what-if helper’s own numbers for each day', () => {
		const monday = days.slice(0, 6);
		const fromMs = Date.parse('2026-03-02T10:00:00+08:00');
		expect(result.slice(0, 6)).toEqual(whatIf(monday, { delta: 2, fromMs, toMs: fromMs + 2 * HALF_HOUR }));
	});

	it('reads 24:00 as the end of the day', () => {
		const late = whatIfDaily(days, { delta: 1, from: '11:30', to: '24:00' }, TZ);
		expect(late.filter((r) => r.changed)).toHaveLength(2);
	});
});
