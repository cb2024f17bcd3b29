import { describe, expect, it } from 'vitest';
import type { CcEvent } from '../../shared/contract';
import { applyEvent, createFloor, queueFigures } from '../live/floor';
import type { IntervalRow } from './interval-row';
import { intervalStartMs } from './local-time';
import { IntervalRecorder } from './recorder';
import { intervalStarts } from './read-rows';
import { TestLog, testSetup } from './test-log';

function fold(events: CcEvent[], timeZone: string, closeAtMs: number): IntervalRow[] {
	const floor = createFloor(testSetup(), { timeZone });
	const recorder = new IntervalRecorder(floor);
	for (const e of events) {
		recorder.beforeEvent(e.ts);
		applyEvent(floor, e, e.ts);
	}
	recorder.advanceTo(closeAtMs);
	return recorder.drain();
}

const row = (rows: IntervalRow[], size: 15 | 30, start: string, scope: IntervalRow['scope'] = 'queue') =>
	rows.find((r) => r.size === size && r.start === start && r.scope === scope);

describe('interval attribution', () => {
	// 2026-03-02 10:00 in Shanghai (UTC+8, no DST).
	const S = Date.UTC(2026, 2, 2, 2, 0);

	it('counts a call that waits across a boundary in the interval where it was answered', () => {
		const log = new TestLog(S).login(0, 'a1').handled('c1', 'a1', 14 * 60 + 50, 30, 60, 10);
		const rows = fold(log.sorted(), 'Asia/Shanghai', S + 3_600_000);
		const first = row(rows, 15, '2026-03-02T10:00:00+08:00')!;
		const second = row(rows, 15, '2026-03-02T10:15:00+08:00')!;
		expect(first).toMatchObject({ offered: 0, answered: 0, closed: true });
		// Still waiting at 10:14:59.999: the live window showed its wait so far as the max wait.
		expect(first.maxWaitSec).toBeCloseTo(9.999, 3);
		expect(second).toMatchObject({ offered: 1, answered: 1, answeredWithin: 0, asaSec: 30, ahtSec: 70 });
		expect(row(rows, 30, '2026-03-02T10:00:00+08:00')).toMatchObject({ offered: 1, answered: 1 });
	});

	it('splits at the local midnight of the centre, not of UTC', () => {
		// 23:50 to 00:10 in Shanghai is 15:50 to 16:10 UTC.
		const base = Date.UTC(2026, 2, 2, 15, 50);
		const log = new TestLog(base)
			.login(0, 'a1')
			.handled('c1', 'a1', 60, 5, 60, 0)
			.handled('c2', 'a1', 900, 5, 60, 0);
		const rows = fold(log.sorted(), 'Asia/Shanghai', base + 3_600_000);
		expect(row(rows, 15, '2026-03-02T23:45:00+08:00')).toMatchObject({ answered: 1 });
		expect(row(rows, 15, '2026-03-03T00:00:00+08:00')).toMatchObject({ answered: 1 });
		expect(row(rows, 30, '2026-03-02T23:30:00+08:00')).toMatchObject({ answered: 1 });
		expect(row(rows, 30, '2026-03-03T00:00:00+08:00')).toMatchObject({ answered: 1 });
	});

	it('runs on through a spring-forward night in Europe/Berlin: 01:45 +01:00 is followed by 03:00 +02:00', () => {
		// 2026-03-29 01:30 CET = 00:30 UTC; clocks jump 02:00 → 03:00.
		const base = Date.UTC(2026, 2, 29, 0, 30);
		const log = new TestLog(base)
			.login(0, 'a1')
			.handled('c1', 'a1', 20 * 60, 5, 60, 0)
			.handled('c2', 'a1', 35 * 60, 5, 60, 0);
		const rows = fold(log.sorted(), 'Europe/Berlin', base + 2 * 3_600_000);
		const starts = [...new Set(rows.filter((r) => r.size === 15).map((r) => r.start))];
		expect(starts.slice(0, 4)).toEqual([
			'2026-03-29T01:30:00+01:00',
			'2026-03-29T01:45:00+01:00',
			'2026-03-29T03:00:00+02:00',
			'2026-03-29T03:15:00+02:00'
		]);
		expect(row(rows, 15, '2026-03-29T01:45:00+01:00')).toMatchObject({ answered: 1 });
		expect(row(rows, 15, '2026-03-29T03:00:00+02:00')).toMatchObject({ answered: 1 });
		// The short day has 23 hours: 92 quarter-hours.
		const dayStart = Date.UTC(2026, 2, 28, 23, 0);
		expect(intervalStarts(dayStart, Date.UTC(2026, 2, 29, 22, 0), 15, 'Europe/Berlin')).toHaveLength(92);
	});

	it('aligns on the local clock of a zone a quarter-hour off UTC (Asia/Kathmandu, +05:45, no DST)', () => {
		const base = Date.UTC(2026, 2, 2, 4, 15); // 10:00 local
		const log = new TestLog(base).login(0, 'a1').handled('c1', 'a1', 29 * 60, 5, 60, 0);
		const rows = fold(log.sorted(), 'Asia/Kathmandu', base + 3_600_000);
		expect(row(rows, 30, '2026-03-02T10:00:00+05:45')).toMatchObject({ answered: 1 });
		expect(row(rows, 15, '2026-03-02T10:15:00+05:45')).toMatchObject({ answered: 1 });
		expect(intervalStartMs(base + 29 * 60_000, 30, 'Asia/Kathmandu')).toBe(base);
	});
});

describe('IntervalRecorder', () => {
	const S = Date.UTC(2026, 2, 2, 2, 0);

	it('stores for each interval what the live interval window showed at its last instant', () => {
		const log = new TestLog(S).login(0, 'a1').login(0, 'a2');
		for (let i = 0; i < 40; i++) {
			const queued = 30 + i * 41;
			if (i % 7 === 3) log.abandoned(`x${i}`, queued, 3 + (i % 40));
			else log.handled(`c${i}`, i % 2 ? 'a1' : 'a2', queued, (i * 13) % 45, 20 + (i % 5) * 7, 4);
		}
		const events = log.sorted();
		const rows = fold(events, 'Asia/Shanghai', S + 3_600_000);
		const live = createFloor(testSetup(), { timeZone: 'Asia/Shanghai' });
		let next = 0;
		for (const startMs of [S, S + 900_000, S + 1_800_000]) {
			const endMs = startMs + 900_000;
			while (next < events.length && events[next]!.ts < endMs)
				applyEvent(live, events[next]!, events[next++]!.ts);
			const shown = queueFigures(live, 'interval15', endMs - 1).queues[0]!;
			const stored = rows.find((r) => r.size === 15 && r.startMs === startMs && r.scope === 'queue')!;
			for (const field of [
				'offered',
				'answered',
				'abandoned',
				'shortAbandoned',
				'answerRate',
				'serviceLevel',
				'asaSec',
				'maxWaitSec',
				'ahtSec',
				'attSec'
			] as const) {
				expect(stored[field], field).toEqual(shown[field]);
			}
		}
	});

	it('averages staffed agents over the interval from its 10 s samples', () => {
		const log = new TestLog(S)
			.login(0, 'a1')
			.login(0, 'a2')
			.logout(450, 'a2')
			.add(1000, { type: 'agent.state', agentId: 'a1', state: 'ready' });
		const rows = fold(log.sorted(), 'Asia/Shanghai', S + 1_800_000);
		expect(row(rows, 15, '2026-03-02T10:00:00+08:00')).toMatchObject({ staffedAvg: 1.5, productiveAvg: 1.5 });
		expect(row(rows, 15, '2026-03-02T10:00:00+08:00', 'centre')).toMatchObject({ staffedAvg: 1.5 });
		expect(row(rows, 15, '2026-03-02T10:15:00+08:00')).toMatchObject({ staffedAvg: 1 });
	});

	it('rewrites a closed interval when a late event lands in it', () => {
		const floor = createFloor(testSetup(), { timeZone: 'Asia/Shanghai' });
		const recorder = new IntervalRecorder(floor);
		const log = new TestLog(S)
			.login(0, 'a1')
			.add(0, { type: 'contact.queued', contactId: 'c1', queueId: 'q1', channel: 'voice' })
			.add(16 * 60, { type: 'agent.state', agentId: 'a1', state: 'ready' })
			.add(60, { type: 'contact.answered', contactId: 'c1', agentId: 'a1' });
		for (const e of log.events) {
			recorder.beforeEvent(e.ts);
			applyEvent(floor, e, e.ts);
		}
		const rows = recorder.drain().filter((r) => r.size === 15 && r.scope === 'queue' && r.startMs === S);
		expect(rows.map((r) => r.answered)).toEqual([0, 1]);
	});

	it('gives the same rows for the same events, whoever folds them', () => {
		const log = new TestLog(S).login(0, 'a1').handled('c1', 'a1', 10, 5, 100, 20).abandoned('c2', 20, 40);
		expect(fold(log.sorted(), 'Asia/Shanghai', S + 3_600_000)).toEqual(
			fold(log.sorted(), 'Asia/Shanghai', S + 3_600_000)
		);
	});
});
