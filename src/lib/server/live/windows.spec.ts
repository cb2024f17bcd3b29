import { describe, expect, it } from 'vitest';
import { CentreSetup } from '../../shared/centre/setup';
import type { CcEvent } from '../../shared/contract';
import type { MetricWindow } from '../../shared/metrics/figures';
import { applyEvent, createFloor, queueFigures, resolveWindow, type Floor } from './floor';
import { createEventBuilder, testCentreSetup } from './test-events';
import { localIntervalStartMs, rollingStartMs } from './windows';

const T0 = Date.UTC(2025, 10, 23, 1, 0, 0); // 2025-11-23 09:00 Asia/Shanghai (UTC+8, no DST)
const at = (hhmmss: string, dayOffset = 0) => {
	const [h, m, s] = hhmmss.split(':').map(Number) as [number, number, number];
	return T0 + dayOffset * 86_400_000 + ((h - 9) * 3600 + m * 60 + (s ?? 0)) * 1000;
};

function floorWith(events: CcEvent[], setup = testCentreSetup()): Floor {
	const floor = createFloor(setup, { timeZone: 'Asia/Shanghai' });
	for (const e of events) applyEvent(floor, e, e.ts);
	return floor;
}

const neg = (floor: Floor, window: MetricWindow, nowMs: number, shiftId?: string) =>
	queueFigures(floor, window, nowMs, ['neg'], shiftId ? { shiftId } : {}).queues[0]!;

function withShifts(): CentreSetup {
	return CentreSetup.parse({
		...testCentreSetup(),
		shifts: [
			{ shiftId: 'early', name: { 'zh-CN': '早班' }, start: '06:00', end: '14:00' },
			{ shiftId: 'day', name: { 'zh-CN': '白班' }, start: '08:00', end: '17:00' },
			// Crosses midnight; 17:00–22:00 is covered by no shift.
			{ shiftId: 'night', name: { 'zh-CN': '夜班' }, start: '22:00', end: '06:00' }
		]
	});
}

describe('window spans', () => {
	it('ends a rolling window with the current 10 s bucket', () => {
		// 09:14:59 is in bucket 09:14:50; + 10 s − 15 min = 09:00:00
		expect(rollingStartMs(at('09:14:59'), 15)).toBe(at('09:00:00'));
		expect(rollingStartMs(at('09:15:00'), 15)).toBe(at('09:00:10'));
		expect(rollingStartMs(at('09:15:00'), 60)).toBe(at('08:15:10'));
	});

	it('aligns intervals on the local clock of the centre', () => {
		expect(localIntervalStartMs(at('09:14:59'), 15, 'Asia/Shanghai')).toBe(at('09:00:00'));
		expect(localIntervalStartMs(at('09:44:00'), 30, 'Asia/Shanghai')).toBe(at('09:30:00'));
		// Kathmandu is UTC+05:45: 03:20 UTC is 09:05 local, so the interval began at 09:00 local = 03:15 UTC.
		expect(localIntervalStartMs(Date.parse('2025-11-23T03:20:00Z'), 15, 'Asia/Kathmandu')).toBe(
			Date.parse('2025-11-23T03:15:00Z')
		);
	});

	it('has no shift span when the set-up configures no shifts', () => {
		expect(resolveWindow(floorWith([]), 'shift', T0)).toMatchObject({ span: null, shift: null });
	});
});

describe('rolling windows', () => {
	// c1 answered 09:00:08 (wait 8 s); c2 abandoned 09:10:30 (wait 30 s). No event after that.
	const b = createEventBuilder({ startMs: at('09:00:00') });
	b.login('a1', { queues: ['neg'] });
	b.queued('c1', 'neg');
	b.at(at('09:00:08')).answered('c1', 'a1');
	b.at(at('09:10:00')).queued('c2', 'neg');
	b.at(at('09:10:30')).abandoned('c2');
	const floor = floorWith(b.events);

	it.each<[MetricWindow, string, number, number]>([
		// window start 09:00:00 (see above): both outcomes
		['rolling15', '09:14:59', 1, 1],
		// start 09:00:10: c1 (09:00:08) has expired, with no event since
		['rolling15', '09:15:00', 0, 1],
		// start 09:25:20 + 10 s − 15 min = 09:10:30: c2 just in
		['rolling15', '09:25:29', 0, 1],
		['rolling15', '09:25:30', 0, 0],
		// start 08:55:40
		['rolling30', '09:25:30', 1, 1],
		// start 09:00:00, then 09:00:10
		['rolling60', '09:59:59', 1, 1],
		['rolling60', '10:00:00', 0, 1],
		// an hour later the ring holds nothing of this any more
		['rolling60', '11:00:00', 0, 0]
	])('counts in %s at %s: %d answered, %d abandoned', (window, now, answered, abandoned) => {
		expect(neg(floor, window, at(now))).toMatchObject({ answered, abandoned });
	});

	it('keeps the day whole while the rolling windows expire', () => {
		expect(neg(floor, 'day', at('11:00:00'))).toMatchObject({ answered: 1, abandoned: 1, asaSec: 8 });
	});
});

describe('interval windows', () => {
	// c1 answered 09:14:59 (wait 9 s), c2 answered 09:15:00 (wait 20 s), c3 answered 09:31:00 (wait 1 s).
	const b = createEventBuilder({ startMs: at('09:14:50') });
	b.login('a1', { queues: ['neg'] });
	b.queued('c1', 'neg');
	b.at(at('09:14:40')).queued('c2', 'neg');
	b.at(at('09:14:59')).answered('c1', 'a1');
	b.at(at('09:15:00')).answered('c2', 'a1');
	b.at(at('09:30:59')).queued('c3', 'neg');
	b.at(at('09:31:00')).answered('c3', 'a1');
	const floor = floorWith(b.events);

	it.each<[MetricWindow, string, number, number | null]>([
		// 09:00–09:15: c1 only (wait 9)
		['interval15', '09:14:59', 1, 9],
		// 09:15–09:30: c2 only, answered on the boundary (wait 20)
		['interval15', '09:15:00', 1, 20],
		['interval15', '09:29:59', 1, 20],
		// 09:30–09:45: c3 (wait 1)
		['interval15', '09:31:00', 1, 1],
		// 09:00–09:30: c1 + c2, ASA (9 + 20) ÷ 2
		['interval30', '09:29:59', 2, 14.5],
		// a new interval with no event in it yet: empty
		['interval30', '09:30:00', 0, null]
	])('counts in %s at %s: %d answered, ASA %s', (window, now, answered, asaSec) => {
		expect(neg(floor, window, at(now))).toMatchObject({ answered, asaSec });
	});
});

describe('the day boundary', () => {
	// a1 answers c1 at 23:50 (wait 10 s), ends 23:58, wraps 00:01: the answer is yesterday's, the
	// handle figures (talk 480 s, wrap 180 s) are counted when the wrap-up ends, after midnight.
	const b = createEventBuilder({ startMs: at('23:49:50', -1) });
	b.login('a1', { queues: ['neg'] });
	b.queued('c1', 'neg');
	b.at(at('23:50:00', -1)).answered('c1', 'a1');
	b.at(at('23:58:00', -1)).ended('c1', 'a1');
	b.at(at('00:01:00')).wrapped('c1', 'a1');
	b.at(at('00:01:30')).queued('c2', 'neg');
	b.at(at('00:01:40')).abandoned('c2');
	const floor = floorWith(b.events);

	it('counts the answer in the day it happened and the handle figures in the day the wrap-up ended', () => {
		expect(neg(floor, 'day', at('23:59:59', -1))).toMatchObject({ answered: 1, handled: 0, ahtSec: null });
		// AHT = (480 + 0 + 180) ÷ 1; ACW share = 180 ÷ 660
		const today = neg(floor, 'day', at('00:05:00'));
		expect(today).toMatchObject({ answered: 0, abandoned: 1, handled: 1, ahtSec: 660, attSec: 480 });
		expect(today.acwShare).toBeCloseTo(180 / 660, 12);
	});

	it('keeps a rolling window across midnight, while day and interval start afresh', () => {
		// rolling60 at 00:05 starts 23:05:10: both the answer and the wrap-up
		expect(neg(floor, 'rolling60', at('00:05:00'))).toMatchObject({ answered: 1, abandoned: 1, handled: 1 });
		expect(neg(floor, 'interval15', at('00:05:00'))).toMatchObject({ answered: 0, abandoned: 1, handled: 1 });
	});

	it('resets the day at midnight with no event arriving', () => {
		const quiet = floorWith(b.events.filter((e) => e.ts < at('00:00:00')));
		expect(neg(quiet, 'day', at('23:59:59', -1)).answered).toBe(1);
		expect(neg(quiet, 'day', at('00:00:00'))).toMatchObject({ answered: 0, offered: 0, answerRate: null });
	});
});

describe('shift windows', () => {
	// 07:00 c1 abandoned (wait 20 s); 09:00 c2 answered (wait 5 s); 23:00 c3 abandoned (wait 30 s);
	// 01:00 next day c4 answered (wait 15 s).
	const b = createEventBuilder({ startMs: at('06:59:40') });
	b.login('a1', { queues: ['neg'] });
	b.queued('c1', 'neg');
	b.at(at('07:00:00')).abandoned('c1');
	b.at(at('08:59:55')).queued('c2', 'neg');
	b.at(at('09:00:00')).answered('c2', 'a1');
	b.at(at('22:59:30')).queued('c3', 'neg');
	b.at(at('23:00:00')).abandoned('c3');
	b.at(at('00:59:45', 1)).queued('c4', 'neg');
	b.at(at('01:00:00', 1)).answered('c4', 'a1');
	const floor = floorWith(b.events, withShifts());

	it('takes the running shift that started last, and any running shift by id', () => {
		// 09:30: early (06:00) and day (08:00) run; day started last, so only c2
		const current = queueFigures(floor, 'shift', at('09:30:00'), ['neg']);
		expect(current.shift).toMatchObject({ shiftId: 'day', startMs: at('08:00:00'), endMs: at('17:00:00') });
		expect(current.queues[0]).toMatchObject({ answered: 1, abandoned: 0 });
		expect(neg(floor, 'shift', at('09:30:00'), 'early')).toMatchObject({ answered: 1, abandoned: 1 });
	});

	it('counts nothing and names no shift between shifts', () => {
		const between = queueFigures(floor, 'shift', at('18:00:00'), ['neg']);
		expect(between).toMatchObject({ shift: null, span: null });
		expect(between.queues[0]).toMatchObject({ offered: 0, answerRate: null });
	});

	it('follows a shift across midnight while the day starts afresh', () => {
		// night began 22:00 the day before: c3 (23:00) and c4 (01:00)
		const night = queueFigures(floor, 'shift', at('05:59:59', 1), ['neg']);
		expect(night.shift).toMatchObject({
			shiftId: 'night',
			startMs: at('22:00:00'),
			endMs: at('06:00:00', 1)
		});
		expect(night.queues[0]).toMatchObject({ answered: 1, abandoned: 1 });
		expect(neg(floor, 'day', at('05:59:59', 1))).toMatchObject({ answered: 1, abandoned: 0 });
	});

	it('starts the next shift from nothing at its start, with no event arriving', () => {
		const early = queueFigures(floor, 'shift', at('06:00:00', 1), ['neg']);
		expect(early.shift).toMatchObject({ shiftId: 'early' });
		expect(early.queues[0]).toMatchObject({ offered: 0 });
	});
});
