import { describe, expect, it } from 'vitest';
import { emptyAgentTotals } from '../../shared/metrics/agent-formulas';
import { AgentTrail } from './agent-trail';
import { applyEvent, createFloor } from './floor';
import { createEventBuilder, testCentreSetup } from './test-events';

const T0 = Date.UTC(2025, 10, 23, 1, 0, 0); // 09:00:00, a bucket boundary
const sec = (s: number) => T0 + s * 1000;
const bucket = (s: number) => Math.floor(sec(s) / 10_000);

/** Totals over the buckets holding [fromSec, nowSec], read at nowSec. */
function over(trail: AgentTrail, fromSec: number, nowSec: number) {
	const t = emptyAgentTotals();
	trail.addWindowInto(t, bucket(fromSec), bucket(nowSec), sec(nowSec));
	return t;
}

describe('agent trail', () => {
	it('integrates each piece at its own rate and reads a window as C(now) − C(start)', () => {
		// ready from 0, on a chat at half load from 100, wrap-up from 250, not ready from 300
		const trail = new AgentTrail(sec(0), 'ready', 0);
		trail.close(sec(100));
		trail.setPiece('on_contact', 0.5);
		trail.close(sec(250));
		trail.setPiece('wrap_up', 0.5);
		trail.close(sec(300));
		trail.setPiece('not_ready', 0);
		trail.addHandled(sec(300));
		// [100, 400): on contact 150 (∫ load 75), wrap-up 50 (25), not ready 100; one handled at 300
		expect(over(trail, 100, 400)).toEqual({
			loadMs: 100_000,
			readyOrLoadedMs: 200_000,
			staffedMs: 300_000,
			handled: 1,
			onContactMs: 150_000,
			wrapUpMs: 50_000,
			readyMs: 0,
			notReadyMs: 100_000
		});
		// From 120 (a bucket boundary inside the chat): 130 s of it
		expect(over(trail, 120, 400).onContactMs).toBe(130_000);
	});

	it('keeps one row per 10 s bucket that saw a change, and drops rows an hour old', () => {
		const trail = new AgentTrail(sec(0), 'ready', 0);
		// Three changes in the bucket [20, 30) share a row
		for (const s of [21, 24, 27]) trail.close(sec(s));
		expect(trail.rows).toBe(2);
		// Then a change a minute for three hours: about an hour of rows stays
		for (let s = 60; s <= 3 * 3600; s += 60) trail.close(sec(s));
		expect(trail.rows).toBeGreaterThanOrEqual(60);
		expect(trail.rows).toBeLessThanOrEqual(62);
		// rolling60 at 3 h still reads a full hour of ready time
		expect(over(trail, 3 * 3600 - 3590, 3 * 3600).staffedMs).toBe(3_590_000);
	});

	it('gives its memory back after a busy hour', () => {
		const trail = new AgentTrail(sec(0), 'ready', 0);
		for (let s = 10; s <= 3600; s += 10) trail.close(sec(s));
		const busy = trail.bytes;
		for (let s = 3600 + 600; s <= 3 * 3600; s += 600) trail.close(sec(s));
		expect(trail.bytes).toBeLessThan(busy / 4);
	});

	it('slots a late handled contact into its place', () => {
		const trail = new AgentTrail(sec(0), 'ready', 0);
		for (const s of [100, 300, 200, 50]) trail.addHandled(sec(s));
		expect(over(trail, 60, 400).handled).toBe(3);
		expect(over(trail, 0, 400).handled).toBe(4);
		expect(over(trail, 210, 400).handled).toBe(1);
	});
});

describe('agent trails on the floor', () => {
	it('exist only for agents whose non-offline piece has closed, and are freed after an idle hour', () => {
		const floor = createFloor(testCentreSetup(), { timeZone: 'Asia/Shanghai' });
		const b = createEventBuilder({ startMs: T0 });
		b.login('a1', { queues: ['neg'] });
		b.login('a2', { queues: ['neg'] });
		b.atSec(10).ready('a1');
		for (const e of b.take()) applyEvent(floor, e, e.ts);
		// a2 has only its open piece (not ready since login): no trail; a1 closed one
		expect(floor.agents.get('a2')!.trail).toBeNull();
		expect(floor.agents.get('a1')!.trail?.sinceMs).toBe(sec(10));
		// Two hours later each new 10 s bucket of events sweeps the next agent: a1's trail has nothing left in the hour
		for (let i = 0; i < 4; i++) {
			const e = b.atSec(7200 + 10 * i).state('a2', 'not_ready', i % 2 ? 'break' : 'lunch');
			applyEvent(floor, e, e.ts);
		}
		expect(floor.agents.get('a1')!.trail).toBeNull();
	});
});
