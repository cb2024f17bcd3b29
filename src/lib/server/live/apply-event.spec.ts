import { describe, expect, it } from 'vitest';
import type { CcEvent } from '../../shared/contract';
import type { QueueFigures } from '../../shared/metrics/figures';
import { agentViews, applyEvent, createFloor, queueFigures, resolveWindow, type Floor } from './floor';
import { createEventBuilder, testCentreSetup } from './test-events';

const T0 = Date.UTC(2025, 10, 23, 1, 0, 0);
const sec = (s: number) => T0 + s * 1000;

function floorWith(events: CcEvent[]): Floor {
	const floor = createFloor(testCentreSetup(), { timeZone: 'Asia/Shanghai' });
	for (const e of events) applyEvent(floor, e, e.ts);
	return floor;
}

const figuresOf = (floor: Floor, queueId: string, atSec = 10_000): QueueFigures =>
	queueFigures(floor, 'day', sec(atSec), [queueId]).queues[0]!;

describe('supervision', () => {
	it('records sessions while they last and drops them with their contact', () => {
		const b = createEventBuilder({ startMs: T0 });
		b.login('a1');
		b.queued('c1', 'neg');
		b.answered('c1', 'a1');
		b.atSec(10).supervisionStarted('s1', {
			supervisorId: 'sup',
			agentId: 'a1',
			contactId: 'c1',
			mode: 'listen'
		});
		b.atSec(20).supervisionChanged('s1', 'whisper');
		const floor = floorWith(b.take());
		expect(floor.supervisions.get('s1')).toEqual({
			supervisorId: 'sup',
			agentId: 'a1',
			contactId: 'c1',
			mode: 'whisper',
			sinceMs: sec(10),
			modeSinceMs: sec(20)
		});
		for (const e of [b.atSec(30).ended('c1', 'a1'), b.wrapped('c1', 'a1')]) applyEvent(floor, e, e.ts);
		expect(floor.supervisions.size).toBe(0);
	});

	it('ends a session on supervision.ended and notes an unknown one', () => {
		const b = createEventBuilder({ startMs: T0 });
		b.supervisionStarted('s1', { supervisorId: 'sup', agentId: 'a1', contactId: 'c9', mode: 'barge' });
		b.supervisionEnded('s1');
		b.supervisionEnded('s1');
		const floor = floorWith(b.events);
		expect(floor.supervisions.size).toBe(0);
		expect(floor.anomalies).toEqual({ 'supervision.ended:unknown_session': 1 });
	});
});

describe('nonsense in, sense out', () => {
	it.each<[string, (b: ReturnType<typeof createEventBuilder>) => void, Record<string, number>]>([
		[
			'an answer for an unknown contact',
			(b) => b.answered('zz', 'a1'),
			{ 'contact.answered:unknown_contact': 1 }
		],
		[
			'an end twice',
			(b) => {
				b.queued('c1', 'neg');
				b.answered('c1', 'a1');
				b.ended('c1', 'a1');
				b.ended('c1', 'a1');
			},
			{ 'contact.ended:repeated': 1 }
		],
		[
			'an abandon after the answer',
			(b) => {
				b.queued('c1', 'neg');
				b.answered('c1', 'a1');
				b.abandoned('c1');
			},
			{ 'contact.abandoned:not_waiting': 1 }
		],
		['a logout of an agent never seen', (b) => b.logout('ghost'), { 'agent.logout:unknown_agent': 1 }],
		['a state from an agent never seen', (b) => b.ready('ghost'), { 'agent.state:unknown_agent': 1 }],
		[
			'a resume without a hold',
			(b) => (b.queued('c1', 'neg'), b.answered('c1', 'a1'), b.resumed('c1')),
			{ 'contact.resumed:not_held': 1 }
		]
	])('notes %s and carries on', (_name, build, anomalies) => {
		const b = createEventBuilder({ startMs: T0 });
		b.login('a1');
		build(b);
		const floor = floorWith(b.events);
		expect(floor.anomalies).toEqual(anomalies);
		expect(floor.eventsApplied).toBe(b.events.length);
	});

	it('keeps the figures of a contact whose abandon came after its answer', () => {
		const b = createEventBuilder({ startMs: T0 });
		b.login('a1');
		b.queued('c1', 'neg');
		b.atSec(4).answered('c1', 'a1');
		b.atSec(9).abandoned('c1');
		expect(figuresOf(floorWith(b.events), 'neg')).toMatchObject({
			answered: 1,
			abandoned: 0,
			shortAbandoned: 0
		});
	});

	it('counts the talk of a contact wrapped without an end, with no wrap-up', () => {
		const b = createEventBuilder({ startMs: T0 });
		b.login('a1');
		b.queued('c1', 'neg');
		b.answered('c1', 'a1');
		b.atSec(45).wrapped('c1', 'a1');
		const floor = floorWith(b.events);
		expect(figuresOf(floor, 'neg')).toMatchObject({ handled: 1, attSec: 45, ahtSec: 45 });
		expect(floor.anomalies).toEqual({ 'contact.wrapped:without_end': 1 });
	});

	it('tracks an agent first seen answering, shown on contact under its id', () => {
		const b = createEventBuilder({ startMs: T0 });
		b.queued('c1', 'neg');
		b.answered('c1', 'stranger');
		const floor = floorWith(b.events);
		expect(agentViews(floor, 0)[0]).toMatchObject({
			agentId: 'stranger',
			name: 'stranger',
			state: 'on_contact'
		});
		expect(floor.anomalies).toEqual({ 'contact.answered:unknown_agent': 1 });
	});
});

describe('event time ahead of the receive clock', () => {
	const YEAR_MS = 365 * 86_400_000;

	/** a1 ready from 0 s; a contact abandoned in `neg` every 10 s from 10 s; one event from a clock a year fast at 30 s. */
	function withFastClock(bad: (b: ReturnType<typeof createEventBuilder>) => CcEvent) {
		const floor = createFloor(testCentreSetup(), { timeZone: 'Asia/Shanghai' });
		const b = createEventBuilder({ startMs: T0 });
		b.login('a1', { queues: ['neg'] });
		b.ready('a1');
		// Each event is received at its own time, except the bad one, received at 30 s.
		for (const e of b.take()) applyEvent(floor, e, e.ts);
		for (let s = 10; s <= 120; s += 10) {
			if (s === 30) applyEvent(floor, bad(b), sec(30));
			for (const e of [b.atSec(s).queued(`c${s}`, 'neg'), b.atSec(s + 8).abandoned(`c${s}`)])
				applyEvent(floor, e, e.ts);
		}
		return floor;
	}

	it('brings a far-future ts back to the receive clock plus the tolerance, and counts it', () => {
		const floor = withFastClock((b) => b.at(sec(30) + YEAR_MS).state('a1', 'not_ready', 'break'));
		expect(floor.anomalies).toMatchObject({ ts_ahead_of_clock: 1 });
		expect(floor.clockSkew).toEqual({ aheadEvents: 1, maxAheadMs: YEAR_MS, lastSource: 'pbx1' });
		// asOf is the newest sane event (abandoned at 128 s), not a year ahead
		expect(floor.lastEventTs).toBe(sec(128));
		// The break is taken as starting at 35 s (30 s + 5 s), so the agent's time keeps counting
		const [a1] = agentViews(floor, sec(130), { window: resolveWindow(floor, 'rolling15', sec(130)) });
		expect(a1).toMatchObject({ state: 'not_ready', sinceMs: sec(35) });
		expect(a1!.figures).toMatchObject({ staffedSec: 130, stateSec: { ready: 35, not_ready: 95 } });
	});

	it('keeps the sliding windows counting after a contact stamped a year ahead', () => {
		const floor = withFastClock((b) => b.at(sec(30) + YEAR_MS).queued('x1', 'neg'));
		// All twelve abandons are in rolling15, and x1 waits from 35 s
		expect(queueFigures(floor, 'rolling15', sec(130), ['neg']).queues[0]).toMatchObject({
			abandoned: 12,
			waiting: 1,
			longestWaitSec: 95
		});
	});

	it('leaves an event within the tolerance as it is', () => {
		const floor = withFastClock((b) => b.at(sec(33)).state('a1', 'not_ready', 'break'));
		expect(floor.clockSkew.aheadEvents).toBe(0);
		expect(agentViews(floor, sec(130))[0]).toMatchObject({ sinceMs: sec(33) });
	});

	it('brings back a snapshot stamped ahead, with its asOf', () => {
		const floor = createFloor(testCentreSetup(), { timeZone: 'Asia/Shanghai' });
		const b = createEventBuilder({ startMs: T0 + YEAR_MS });
		applyEvent(floor, b.snapshot([], []), T0);
		expect(floor.lastEventTs).toBe(T0 + 5_000);
		expect(floor.clockSkew.aheadEvents).toBe(1);
	});
});
