import { describe, expect, it } from 'vitest';
import { CentreSetup } from '../../shared/centre/setup';
import type { CcEvent } from '../../shared/contract';
import { agentViews, applyEvent, createFloor, resolveWindow, teamViews, type Floor } from './floor';
import { createEventBuilder, testCentreSetup } from './test-events';

const T0 = Date.UTC(2025, 10, 23, 1, 0, 0); // 09:00 Asia/Shanghai
const sec = (s: number) => T0 + s * 1000;

function floorWith(events: CcEvent[], setup = testCentreSetup()): Floor {
	const floor = createFloor(setup, { timeZone: 'Asia/Shanghai' });
	for (const e of events) applyEvent(floor, e, e.ts);
	return floor;
}

/**
 * A chat agent with capacity 2 (each chat is half a seat), seconds after 09:00:
 *   0 login (not ready) · 60 ready · 130 answers q1 · 250 answers q2 · 370 q1 ended (wrap-up)
 *   400 q1 wrapped · 490 q2 ended · 520 q2 wrapped · 600 not ready (break) · query at 720
 * Pieces:
 *   [0, 60)    not ready, load 0
 *   [60, 130)  ready, load 0                         70 s
 *   [130, 250) on contact, load 0.5                  120 s → ∫ load 60
 *   [250, 400) on contact, load 1 (q1 wrapping too)  150 s → 150
 *   [400, 490) on contact, load 0.5                   90 s → 45
 *   [490, 520) wrap-up, load 0.5                      30 s → 15
 *   [520, 600) ready, load 0                          80 s
 *   [600, 720) not ready                             120 s
 * staffed 720, ∫ load 270, ready or loaded 70 + 120 + 150 + 90 + 30 + 80 = 540, handled 2.
 */
function chatDay() {
	const b = createEventBuilder({ startMs: T0 });
	b.login('a1', { queues: ['chat'], teamId: 'chat-team', capacity: { chat: 2 } });
	b.atSec(60).ready('a1');
	b.atSec(120).queued('q1', 'chat', { channel: 'chat' });
	b.atSec(130).answered('q1', 'a1');
	b.atSec(240).queued('q2', 'chat', { channel: 'chat' });
	b.atSec(250).answered('q2', 'a1');
	b.atSec(370).ended('q1', 'a1');
	b.atSec(400).wrapped('q1', 'a1');
	b.atSec(490).ended('q2', 'a1');
	b.atSec(520).wrapped('q2', 'a1');
	b.atSec(600).state('a1', 'not_ready', 'break');
	return b;
}

const figuresOf = (floor: Floor, window: 'day' | 'shift', nowMs: number) =>
	agentViews(floor, nowMs, { window: resolveWindow(floor, window, nowMs) })[0]!.figures!;
const team = (
	floor: Floor,
	window: Parameters<typeof resolveWindow>[1],
	nowMs: number,
	teamId = 'chat-team'
) => teamViews(floor, resolveWindow(floor, window, nowMs), nowMs).find((t) => t.teamId === teamId)!;

describe('agent figures over the day', () => {
	const floor = floorWith(chatDay().events);
	const f = figuresOf(floor, 'day', sec(720));

	it('integrates load, with chat concurrency, into occupancy and utilization', () => {
		expect(f).toMatchObject({ staffedSec: 720, loadSec: 270, readyOrLoadedSec: 540, handled: 2 });
		// 270 ÷ 540 and 270 ÷ 720
		expect(f.occupancy).toBeCloseTo(0.5, 12);
		expect(f.utilization).toBeCloseTo(0.375, 12);
	});

	it('gives CPH as handled per staffed hour', () => {
		// 2 ÷ (720 ÷ 3600)
		expect(f.cph).toBeCloseTo(10, 12);
	});

	it('splits the staffed time by displayed state', () => {
		// not ready 60 + 120, ready 70 + 80, on contact 120 + 150 + 90, wrap-up 30
		expect(f.stateSec).toEqual({ not_ready: 180, ready: 150, on_contact: 360, wrap_up: 30 });
	});

	it('keeps growing the open piece between events', () => {
		// 10 more minutes of break: staffed and not-ready time grow, occupancy does not move
		const later = figuresOf(floor, 'day', sec(1320));
		expect(later).toMatchObject({ staffedSec: 1320, readyOrLoadedSec: 540 });
		expect(later.stateSec.not_ready).toBe(780);
	});

	it('sums the team over its agents', () => {
		expect(team(floor, 'day', sec(720)).agents).toMatchObject({ staffedSec: 720, loadSec: 270, handled: 2 });
	});
});

describe('agent figures over rolling and interval windows (per team)', () => {
	const floor = floorWith(chatDay().events);

	it('counts the part of each piece inside a rolling window', () => {
		// rolling15 at 09:20:00 starts 09:05:10 (310 s):
		//   [310, 400) load 1 → 90; [400, 490) 0.5 → 45; [490, 520) 0.5 → 15; [520, 600) ready; [600, 1200) break
		//   ∫ load 150; ready or loaded 90 + 90 + 30 + 80 = 290; staffed 890; q1 and q2 wrapped at 400 and 520
		const f = team(floor, 'rolling15', sec(1200)).agents;
		expect(f).toMatchObject({ loadSec: 150, readyOrLoadedSec: 290, staffedSec: 890, handled: 2 });
		expect(f.occupancy).toBeCloseTo(150 / 290, 12);
	});

	it('starts an interval from its clock-aligned start', () => {
		// interval15 at 09:20 starts 09:15 (900 s): only the open break piece, 300 s
		const f = team(floor, 'interval15', sec(1200)).agents;
		expect(f).toMatchObject({ staffedSec: 300, loadSec: 0, handled: 0, occupancy: null, utilization: 0 });
	});

	it('reports the team now: counts by state and the load in progress', () => {
		const now = team(floorWith(chatDay().events.filter((e) => e.ts <= sec(250))), 'now', sec(260));
		expect(now.counts).toMatchObject({ staffed: 1, onContact: 1 });
		expect(now.loadNow).toBe(1);
		expect(now.agents.staffedSec).toBe(0);
	});
});

describe('agent figures across boundaries', () => {
	it('splits a piece at local midnight', () => {
		// ready from 23:50 (10 min before midnight); query 00:10: today has 10 min of it
		const midnight = Date.UTC(2025, 10, 23, 16, 0, 0);
		const b = createEventBuilder({ startMs: midnight - 600_000 });
		b.login('a1', { teamId: 'voice-team' });
		b.ready('a1');
		const floor = floorWith(b.events);
		expect(figuresOf(floor, 'day', midnight + 600_000)).toMatchObject({
			staffedSec: 600,
			readyOrLoadedSec: 600
		});
		b.at(midnight + 300_000).state('a1', 'not_ready', 'lunch');
		const split = floorWith(b.events);
		expect(figuresOf(split, 'day', midnight + 600_000).stateSec).toMatchObject({
			ready: 300,
			not_ready: 300
		});
		// the 10 min before midnight stay with the day before
		expect(figuresOf(split, 'day', midnight - 1).stateSec.ready).toBe(600);
	});

	it('counts an agent shift since the shift start', () => {
		const setup = CentreSetup.parse({
			...testCentreSetup(),
			shifts: [{ shiftId: 'day', name: { 'zh-CN': '白班' }, start: '09:05', end: '18:00' }]
		});
		// logged in and ready from 09:00; the shift began 09:05 (300 s); query 09:12 (720 s)
		const floor = floorWith(chatDay().events, setup);
		// [300, 400) load 1 → 100; [400, 490) → 45; [490, 520) → 15: ∫ load 160; staffed 420
		expect(figuresOf(floor, 'shift', sec(720))).toMatchObject({ loadSec: 160, staffedSec: 420, handled: 2 });
	});
});

describe('agent rows with durations', () => {
	it('says how long the agent has been in its state and on each contact', () => {
		const floor = floorWith(chatDay().events.filter((e) => e.ts <= sec(370)));
		const [row] = agentViews(floor, sec(380), { durations: true });
		// on contact since 130; q1 wrapping since 370, answered at 130; q2 talking since 250
		expect(row).toMatchObject({ state: 'on_contact', timeInStateSec: 250 });
		expect(row!.contacts.map((c) => [c.contactId, c.status, c.durationSec, c.sinceAnsweredSec])).toEqual([
			['q1', 'wrapup', 10, 250],
			['q2', 'talking', 130, 130]
		]);
	});
});
