import { describe, expect, it } from 'vitest';
import { DayClock, localDayOf, localDayStartMs, zoneOffsetMs } from './day-window';
import { applyEvent, createFloor, queueFigures } from './floor';
import { createEventBuilder, testCentreSetup } from './test-events';

const iso = (s: string) => Date.parse(s);
const HOUR_MS = 3_600_000;

describe('local days', () => {
	it.each([
		// Shanghai is UTC+8 all year: local midnight is 16:00 UTC the day before.
		['Asia/Shanghai', '2025-11-23T15:59:59.999Z', '2025-11-22T16:00:00.000Z', 24],
		['Asia/Shanghai', '2025-11-23T16:00:00.000Z', '2025-11-23T16:00:00.000Z', 24],
		['Asia/Kolkata', '2025-01-01T00:00:00.000Z', '2024-12-31T18:30:00.000Z', 24],
		// London spring forward (01:00 → 02:00) gives a 23 h day, autumn back a 25 h one.
		['Europe/London', '2025-03-30T12:00:00.000Z', '2025-03-30T00:00:00.000Z', 23],
		['Europe/London', '2025-10-26T12:00:00.000Z', '2025-10-25T23:00:00.000Z', 25],
		// São Paulo 2018-11-04: clocks jumped 00:00 → 01:00, so the day starts at 01:00 local (03:00 UTC).
		['America/Sao_Paulo', '2018-11-04T12:00:00.000Z', '2018-11-04T03:00:00.000Z', 23]
	])('puts %s %s in the day starting %s, %d h long', (zone, at, start, hours) => {
		const day = localDayOf(iso(at), zone);
		expect(new Date(day.startMs).toISOString()).toBe(start);
		expect((day.endMs - day.startMs) / HOUR_MS).toBe(hours);
	});

	it('gives the offset of the zone at an instant', () => {
		expect(zoneOffsetMs(iso('2025-06-01T00:00:00Z'), 'Asia/Shanghai')).toBe(8 * HOUR_MS);
		expect(zoneOffsetMs(iso('2025-06-01T00:00:00Z'), 'Europe/London')).toBe(HOUR_MS);
	});

	it('starts every instant of a day at the same midnight', () => {
		const start = iso('2025-11-22T16:00:00Z');
		for (let ms = start; ms < start + 24 * HOUR_MS; ms += 7 * 60_000 + 13) {
			expect(localDayStartMs(ms, 'Asia/Shanghai')).toBe(start);
		}
	});

	it('rejects a zone Intl does not know', () => {
		expect(() => new DayClock('Mars/Olympus_Mons')).toThrow(RangeError);
	});

	it('answers repeated look-ups from its memo', () => {
		const clock = new DayClock('Asia/Shanghai');
		const a = clock.dayOf(iso('2025-11-23T01:00:00Z'));
		expect(clock.dayOf(iso('2025-11-23T09:00:00Z'))).toBe(a);
	});
});

describe('the day window of the floor', () => {
	// Local midnight of 24 Nov 2025 in Shanghai is 2025-11-23T16:00Z.
	const MIDNIGHT = iso('2025-11-23T16:00:00Z');
	const beforeMidnight = (s: number) => MIDNIGHT - s * 1000;

	function lateEvening() {
		const floor = createFloor(testCentreSetup(), { timeZone: 'Asia/Shanghai' });
		const b = createEventBuilder({ startMs: beforeMidnight(600) });
		b.login('a1', { queues: ['neg'] });
		b.queued('c1', 'neg');
		b.after(10).answered('c1', 'a1'); // 23:50:10, wait 10
		b.at(beforeMidnight(60)).queued('c2', 'neg'); // 23:59:00, still waiting at midnight
		for (const e of b.take()) applyEvent(floor, e, e.ts);
		return { floor, b };
	}

	it('counts the evening until local midnight', () => {
		const { floor } = lateEvening();
		const q = queueFigures(floor, 'day', beforeMidnight(1), ['neg']).queues[0]!;
		expect(q).toMatchObject({ answered: 1, offered: 1, waiting: 1 });
	});

	it('resets the day at local midnight in Asia/Shanghai without any event arriving', () => {
		const { floor } = lateEvening();
		const q = queueFigures(floor, 'day', MIDNIGHT + 1000, ['neg']).queues[0]!;
		// No outcome yet today; c2 still waits (58 + 1 = 61 s, live figures do not reset).
		expect(q).toMatchObject({ answered: 0, offered: 0, answerRate: null, waiting: 1, longestWaitSec: 61 });
		expect(q.maxWaitSec).toBe(61);
	});

	it('counts an outcome in the day it happened, even for a contact queued the day before', () => {
		const { floor, b } = lateEvening();
		b.at(MIDNIGHT + 30_000).answered('c2', 'a1'); // wait 60 + 30 = 90 s
		for (const e of b.take()) applyEvent(floor, e, e.ts);
		const today = queueFigures(floor, 'day', MIDNIGHT + 60_000, ['neg']).queues[0]!;
		expect(today).toMatchObject({ answered: 1, asaSec: 90, waiting: 0 });
		// Yesterday's figures at 23:59:59 still hold only c1.
		const yesterday = queueFigures(floor, 'day', beforeMidnight(1), ['neg']).queues[0]!;
		expect(yesterday).toMatchObject({ answered: 1, asaSec: 10 });
	});

	it('keeps a late event from yesterday out of today', () => {
		const { floor, b } = lateEvening();
		b.at(MIDNIGHT + 5_000).queued('c3', 'neg');
		b.at(beforeMidnight(30)).abandoned('c2'); // arrives after midnight, happened at 23:59:30
		for (const e of b.take()) applyEvent(floor, e, MIDNIGHT + 6_000);
		expect(queueFigures(floor, 'day', MIDNIGHT + 10_000, ['neg']).queues[0]).toMatchObject({ abandoned: 0 });
		expect(queueFigures(floor, 'day', beforeMidnight(1), ['neg']).queues[0]).toMatchObject({ abandoned: 1 });
	});

	it('keeps at most the configured number of days', () => {
		const floor = createFloor(testCentreSetup(), { timeZone: 'Asia/Shanghai', limits: { daysKept: 2 } });
		const b = createEventBuilder({ startMs: MIDNIGHT });
		for (let day = 0; day < 4; day++) {
			b.at(MIDNIGHT + day * 24 * HOUR_MS + HOUR_MS).queued(`c${day}`, 'neg');
			b.after(5).abandoned(`c${day}`);
		}
		for (const e of b.take()) applyEvent(floor, e, e.ts);
		expect(floor.dayCounters.size).toBe(2);
		b.at(MIDNIGHT + HOUR_MS).queued('old', 'neg');
		b.after(6).abandoned('old');
		for (const e of b.take()) applyEvent(floor, e, e.ts);
		expect(floor.anomalies['count_for_expired_day']).toBe(1);
	});
});
