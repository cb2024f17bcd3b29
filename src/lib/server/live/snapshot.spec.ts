import { describe, expect, it } from 'vitest';
import type { SnapshotAgent, SnapshotContact } from '../../shared/contract';
import { agentCounts, agentViews, applyEvent, createFloor, queueFigures, type Floor } from './floor';
import { createEventBuilder, testCentreSetup } from './test-events';

const T0 = Date.UTC(2025, 10, 23, 1, 0, 0);
const sec = (s: number) => T0 + s * 1000;

const agent = (agentId: string, fields: Partial<SnapshotAgent> = {}): SnapshotAgent => ({
	agentId,
	name: `Agent ${agentId}`,
	teamId: 'voice-team',
	queues: ['neg'],
	state: 'ready',
	since: T0,
	...fields
});

const contact = (contactId: string, fields: Partial<SnapshotContact>): SnapshotContact => ({
	contactId,
	queueId: 'neg',
	channel: 'voice',
	status: 'queued',
	since: T0,
	queuedAt: T0,
	...fields
});

/**
 * Before the snapshot (times in s): a1, a2, a3 logged in; c1 answered by a1 at 10 (wait 10) and still
 * talking; c2 waiting since 20; c3 answered by a2 at 30, ended 40, wrapped 45 (talk 10, wrap 5).
 */
function dayBeforeSnapshot() {
	const floor = createFloor(testCentreSetup(), { timeZone: 'Asia/Shanghai' });
	const b = createEventBuilder({ startMs: T0 });
	for (const id of ['a1', 'a2', 'a3']) b.login(id, { queues: ['neg'] });
	b.queued('c1', 'neg');
	b.atSec(10).answered('c1', 'a1');
	b.atSec(20).queued('c2', 'neg');
	b.queued('c3', 'neg');
	b.atSec(30).answered('c3', 'a2');
	b.atSec(40).ended('c3', 'a2');
	b.atSec(45).wrapped('c3', 'a2');
	for (const e of b.take()) applyEvent(floor, e, e.ts);
	return { floor, b };
}

/**
 * The snapshot at 100 s: a1 still talking on c1; a2 not ready (break) since 90; a3 gone; a4 new and
 * talking on c9 since 80; c2 has gone (ended in the gap); c5 waiting since 95.
 */
function applySnapshot(floor: Floor, b: ReturnType<typeof createEventBuilder>) {
	const e = b
		.atSec(100)
		.snapshot(
			[
				agent('a1', { since: sec(5) }),
				agent('a2', { state: 'not_ready', reason: 'break', since: sec(90) }),
				agent('a4')
			],
			[
				contact('c1', { status: 'talking', agentId: 'a1', since: sec(10), queuedAt: T0 }),
				contact('c9', { status: 'talking', agentId: 'a4', since: sec(80), queuedAt: sec(70) }),
				contact('c5', { status: 'queued', since: sec(95), queuedAt: sec(95) })
			]
		);
	applyEvent(floor, e, e.ts);
}

describe('floor.snapshot', () => {
	it('replaces who is logged in and in which state', () => {
		const { floor, b } = dayBeforeSnapshot();
		applySnapshot(floor, b);
		const states = Object.fromEntries(
			agentViews(floor, sec(100)).map((v) => [v.agentId, [v.state, v.sinceMs]])
		);
		expect(states).toEqual({
			a1: ['on_contact', sec(10)],
			a2: ['not_ready', sec(90)],
			a3: ['offline', sec(100)],
			a4: ['on_contact', sec(80)]
		});
		expect(agentCounts(floor, sec(100))).toEqual({
			staffed: 3,
			available: 0,
			onContact: 2,
			wrapUp: 0,
			notReady: 1,
			notReadyByReason: { break: 1 }
		});
	});

	it('replaces the waiting contacts but keeps the day counted so far', () => {
		const { floor, b } = dayBeforeSnapshot();
		applySnapshot(floor, b);
		// c2 vanished without an outcome; c5 waits since 95 → 5 s at 100
		expect(queueFigures(floor, 'day', sec(100), ['neg']).queues[0]).toMatchObject({
			waiting: 1,
			longestWaitSec: 5,
			answered: 2,
			offered: 2,
			handled: 1,
			abandoned: 0
		});
	});

	it('keeps the timing of a leg it already knew and counts no handle time for one it did not', () => {
		const { floor, b } = dayBeforeSnapshot();
		applySnapshot(floor, b);
		// c1 (known since its answer at 10) ends 130, wraps 140: talk 120, wrap 10.
		// c9 (first seen in the snapshot) ends and wraps too, but adds nothing: its start is unknown.
		for (const e of [
			b.atSec(130).ended('c1', 'a1'),
			b.ended('c9', 'a4'),
			b.atSec(140).wrapped('c1', 'a1'),
			b.wrapped('c9', 'a4')
		])
			applyEvent(floor, e, e.ts);
		// handled: c3 (10 + 5) and c1 (120 + 10) → AHT (15 + 130) ÷ 2 = 72.5
		expect(queueFigures(floor, 'day', sec(150), ['neg']).queues[0]).toMatchObject({
			handled: 2,
			ahtSec: 72.5
		});
		expect(floor.anomalies).toEqual({});
	});

	it('counts the outcome of a contact waiting in the snapshot from its queuedAt', () => {
		const { floor, b } = dayBeforeSnapshot();
		applySnapshot(floor, b);
		// c5 queued at 95, answered by a1 at 112 → wait 17, within 20
		applyEvent(floor, b.atSec(112).answered('c5', 'a1'), sec(112));
		expect(queueFigures(floor, 'day', sec(120), ['neg']).queues[0]).toMatchObject({
			answered: 3,
			answeredWithin: 3,
			waiting: 0
		});
	});

	it('places a contact held by an agent missing from the agent list, who shows on contact', () => {
		const floor = createFloor(testCentreSetup(), { timeZone: 'Asia/Shanghai' });
		const b = createEventBuilder({ startMs: T0 });
		applyEvent(
			floor,
			b.snapshot([], [contact('c1', { status: 'held', agentId: 'a7', since: sec(0) })]),
			sec(0)
		);
		expect(agentViews(floor, 0)).toMatchObject([
			{ agentId: 'a7', state: 'on_contact', contacts: [{ status: 'held' }] }
		]);
		expect(floor.anomalies).toEqual({ 'floor.snapshot:unlisted_agent': 1 });
	});
});
