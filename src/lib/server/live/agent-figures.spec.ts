import { describe, expect, it } from 'vitest';
import { CentreSetup } from '../../shared/centre/setup';
import type { CcEvent } from '../../shared/contract';
import {
	agentViews,
	applyEvent,
	createFloor,
	forgetFigureCaches,
	resolveWindow,
	teamViews,
	type Floor
} from './floor';
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

const figuresOf = (floor: Floor, window: Parameters<typeof resolveWindow>[1], nowMs: number) =>
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

describe('agent figures over rolling and interval windows (per agent)', () => {
	const floor = floorWith(chatDay().events);

	it('counts the part of each piece inside a rolling window', () => {
		// rolling15 at 09:20:00 (1200 s) is the last 90 buckets of 10 s, so it starts 09:05:10 (310 s):
		//   [310, 400) on contact, load 1    90 s → ∫ load 90
		//   [400, 490) on contact, load 0.5  90 s → 45
		//   [490, 520) wrap-up, load 0.5     30 s → 15
		//   [520, 600) ready                 80 s
		//   [600, 1200) not ready (break)   600 s
		// staffed 890, ∫ load 150, ready or loaded 90 + 90 + 30 + 80 = 290; q1 and q2 wrapped at 400 and 520
		const f = figuresOf(floor, 'rolling15', sec(1200));
		expect(f).toMatchObject({ staffedSec: 890, loadSec: 150, readyOrLoadedSec: 290, handled: 2 });
		expect(f.stateSec).toEqual({ on_contact: 180, wrap_up: 30, ready: 80, not_ready: 600 });
		// occupancy 150 ÷ 290, utilization 150 ÷ 890, CPH 2 ÷ (890 ÷ 3600)
		expect(f.occupancy).toBeCloseTo(150 / 290, 12);
		expect(f.utilization).toBeCloseTo(150 / 890, 12);
		expect(f.cph).toBeCloseTo(2 / (890 / 3600), 12);
	});

	it('forgets what slides out of a rolling window, with no event arriving', () => {
		// rolling15 at 09:26:40 (1600 s) starts 09:11:50 (710 s): only the break, 890 s; both wraps are out
		const f = figuresOf(floor, 'rolling15', sec(1600));
		expect(f).toMatchObject({
			staffedSec: 890,
			loadSec: 0,
			readyOrLoadedSec: 0,
			handled: 0,
			occupancy: null
		});
		expect(f.stateSec).toEqual({ on_contact: 0, wrap_up: 0, ready: 0, not_ready: 890 });
	});

	it('starts an interval from its clock-aligned start', () => {
		// interval15 at 09:20 starts 09:15 (900 s): only the open break piece, 300 s
		expect(figuresOf(floor, 'interval15', sec(1200))).toMatchObject({
			staffedSec: 300,
			loadSec: 0,
			handled: 0,
			occupancy: null,
			utilization: 0,
			cph: 0
		});
		// interval30 at 09:20 starts 09:00: the whole morning, as the day shows it
		expect(figuresOf(floor, 'interval30', sec(1200))).toEqual(figuresOf(floor, 'day', sec(1200)));
	});

	it('keeps several changes inside one 10 s bucket apart', () => {
		// A voice agent, seconds after 09:00:00 (a bucket boundary), all inside the first bucket [0, 10):
		//   0 login (not ready) · 1 ready · 3 answers · 5 ended (wrap-up) · 8 wrapped · ready from then on
		const b = createEventBuilder({ startMs: T0 });
		b.login('v1', { teamId: 'voice-team', queues: ['neg'] });
		b.atSec(1).ready('v1');
		b.atSec(2).queued('c1', 'neg');
		b.atSec(3).answered('c1', 'v1');
		b.atSec(5).ended('c1', 'v1');
		b.atSec(8).wrapped('c1', 'v1');
		const voice = floorWith(b.events);
		// interval15 at 09:01: not ready 1, ready 2 + 52, on contact 2, wrap-up 3; ∫ load 2 + 3; handled 1
		const f = figuresOf(voice, 'interval15', sec(60));
		expect(f).toMatchObject({ staffedSec: 60, loadSec: 5, readyOrLoadedSec: 59, handled: 1 });
		expect(f.stateSec).toEqual({ on_contact: 2, wrap_up: 3, ready: 54, not_ready: 1 });
		// rolling15 at 09:15:05 starts 09:00:10, the bucket after: ready only, and the wrap is out
		expect(figuresOf(voice, 'rolling15', sec(905))).toMatchObject({
			staffedSec: 895,
			loadSec: 0,
			readyOrLoadedSec: 895,
			handled: 0
		});
	});

	it('adds up to the team figures of the same window', () => {
		for (const window of ['rolling15', 'rolling30', 'rolling60', 'interval15', 'interval30'] as const) {
			const agent = figuresOf(floor, window, sec(1200));
			const { agents } = team(floor, window, sec(1200));
			expect(agent.staffedSec, window).toBeCloseTo(agents.staffedSec, 9);
			expect(agent.loadSec, window).toBeCloseTo(agents.loadSec, 9);
			expect(agent.handled, window).toBe(agents.handled);
		}
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

describe('team figures kept between ticks', () => {
	it('match a fresh computation when a piece longer than the window closes inside the same bucket', () => {
		// Ready from 09:00; rolling15 read at 09:20:01 ([310, 1201): 891 s); the 20-minute ready piece closes at 09:20:03 (same
		// 10 s bucket) and is read again at 09:20:05: only its last 14 min 55 s are in the window.
		const b = createEventBuilder({ startMs: T0 });
		b.login('a1', { teamId: 'voice-team', queues: ['neg'] });
		b.ready('a1');
		// A repeated state closes the piece [0, 60) (the team's buckets exist from here) and goes on ready.
		b.atSec(60).ready('a1');
		const floor = floorWith(b.events);
		expect(team(floor, 'rolling15', sec(1201), 'voice-team').agents.stateSec.ready).toBe(891);
		const e = b.atSec(1203).state('a1', 'not_ready', 'break');
		applyEvent(floor, e, e.ts);
		const warm = team(floor, 'rolling15', sec(1205), 'voice-team').agents;
		forgetFigureCaches(floor);
		const cold = team(floor, 'rolling15', sec(1205), 'voice-team').agents;
		expect(warm).toEqual(cold);
		// [310, 1203) ready, [1203, 1205) not ready
		expect(warm.stateSec).toMatchObject({ ready: 893, not_ready: 2 });
	});
});
