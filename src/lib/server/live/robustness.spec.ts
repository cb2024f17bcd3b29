import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SnapshotContactStatus } from '../../shared/contract';
import { displayedOf, loadOf } from './agent-state';
import { agentCounts, agentViews, applyEvent, createFloor, queueFigures, type Floor } from './floor';
import { createEventBuilder, testCentreSetup, type EventBuilder } from './test-events';

const T0 = Date.UTC(2025, 10, 23, 15, 0, 0); // 23:00 in Shanghai: sequences cross midnight

const AGENTS = ['a1', 'a2', 'a3'];
const CONTACTS = ['c1', 'c2', 'c3', 'c4'];
const QUEUES = ['neg', 'chat', 'pop-up'];

const agentId = fc.constantFrom(...AGENTS);
const contactId = fc.constantFrom(...CONTACTS);
const queueId = fc.constantFrom(...QUEUES);
const channel = fc.constantFrom('voice' as const, 'chat' as const, 'email' as const);

/**
 * One step: a time move (possibly backwards) and one event of any type, on small id pools so they
 * collide. Steps are plain data so that a failing case prints readably.
 */
type Op =
	| ['login', string, string[]]
	| ['state', string, 'ready' | 'not_ready', string | undefined]
	| ['logout', string]
	| ['queued', string, string, 'voice' | 'chat' | 'email', boolean]
	| ['ringing' | 'rona' | 'answered' | 'ended' | 'wrapped', string, string]
	| ['held' | 'resumed' | 'abandoned' | 'flowedOut', string]
	| ['transferred', string, string, string | undefined, string | undefined]
	| ['survey', string, number]
	| ['supervise', string, string, string]
	| ['unsupervise', string]
	| ['snapshot', string[], Array<[string, string, SnapshotContactStatus, string | undefined]>];

const op: fc.Arbitrary<Op> = fc.oneof(
	fc.tuple(fc.constant('login' as const), agentId, fc.subarray(QUEUES)),
	fc.tuple(
		fc.constant('state' as const),
		agentId,
		fc.constantFrom('ready' as const, 'not_ready' as const),
		fc.constantFrom(undefined, 'break')
	),
	fc.tuple(fc.constant('logout' as const), agentId),
	fc.tuple(fc.constant('queued' as const), contactId, queueId, channel, fc.boolean()),
	fc.tuple(
		fc.constantFrom(
			'ringing' as const,
			'rona' as const,
			'answered' as const,
			'ended' as const,
			'wrapped' as const
		),
		contactId,
		agentId
	),
	fc.tuple(
		fc.constantFrom('held' as const, 'resumed' as const, 'abandoned' as const, 'flowedOut' as const),
		contactId
	),
	fc.tuple(
		fc.constant('transferred' as const),
		contactId,
		agentId,
		fc.option(queueId, { nil: undefined }),
		fc.option(agentId, { nil: undefined })
	),
	fc.tuple(fc.constant('survey' as const), contactId, fc.integer({ min: 1, max: 5 })),
	fc.tuple(fc.constant('supervise' as const), fc.constantFrom('s1', 's2'), contactId, agentId),
	fc.tuple(fc.constant('unsupervise' as const), fc.constantFrom('s1', 's2')),
	fc.tuple(
		fc.constant('snapshot' as const),
		fc.subarray(AGENTS),
		fc.array(
			fc.tuple(
				contactId,
				queueId,
				fc.constantFrom<SnapshotContactStatus>('queued', 'ringing', 'talking', 'held', 'wrapup'),
				fc.option(agentId, { nil: undefined })
			),
			{ maxLength: 4 }
		)
	)
);

function emit(b: EventBuilder, o: Op): void {
	switch (o[0]) {
		case 'login':
			return void b.login(o[1], { queues: o[2] });
		case 'state':
			return void b.state(o[1], o[2], o[3]);
		case 'logout':
			return void b.logout(o[1]);
		case 'queued':
			return void b.queued(o[1], o[2], { channel: o[3], vip: o[4] });
		case 'ringing':
		case 'rona':
		case 'answered':
		case 'ended':
		case 'wrapped':
			return void b[o[0]](o[1], o[2]);
		case 'held':
		case 'resumed':
		case 'abandoned':
		case 'flowedOut':
			return void b[o[0]](o[1]);
		case 'transferred':
			return void b.transferred(o[1], o[2], {
				...(o[3] ? { toQueueId: o[3] } : {}),
				...(o[4] ? { toAgentId: o[4] } : {})
			});
		case 'survey':
			return void b.survey(o[1], o[2]);
		case 'supervise':
			return void b.supervisionStarted(o[1], {
				supervisorId: 'sup',
				contactId: o[2],
				agentId: o[3],
				mode: 'listen'
			});
		case 'unsupervise':
			return void b.supervisionEnded(o[1]);
		case 'snapshot':
			return void b.snapshot(
				o[1].map((a) => ({
					agentId: a,
					name: a,
					teamId: 't',
					queues: ['neg'],
					state: 'ready',
					since: b.nowMs
				})),
				o[2].map(([c, q, status, a]) => ({
					contactId: c,
					queueId: q,
					channel: 'voice',
					status,
					...(a ? { agentId: a } : {}),
					since: b.nowMs,
					queuedAt: b.nowMs - 5000
				}))
			);
	}
}

const steps = fc.array(fc.tuple(fc.integer({ min: -60, max: 600 }), op), { maxLength: 80 });

/** What must hold after any sequence whatsoever. */
function checkInvariants(floor: Floor, nowMs: number): void {
	const byState = { on_contact: 0, wrap_up: 0, ready: 0, not_ready: 0, offline: 0 };
	for (const agent of floor.agents.values()) {
		expect(displayedOf(agent).state).toBe(agent.displayed);
		// The open piece carries the agent's state and load (rows and integrals read them from there).
		expect(agent.segment.state).toBe(agent.displayed);
		expect(agent.segment.load).toBe(loadOf(agent));
		if (agent.trail) expect(agent.trail.sinceMs).toBe(agent.segment.sinceMs);
		byState[agent.displayed]++;
		for (const [contactId, leg] of agent.legs) {
			expect(leg.status).not.toBe('transferred');
			expect(floor.contacts.get(contactId)?.legs.get(agent.agentId)).toBe(leg);
		}
	}
	expect(floor.tally.byState).toEqual(byState);
	for (const [id, contact] of floor.contacts) {
		expect(floor.recentContacts.has(id)).toBe(false);
		if (contact.offer) expect(floor.queues.get(contact.offer.queueId)?.waiting.has(contact)).toBe(true);
		for (const leg of contact.legs.values()) {
			if (leg.status !== 'transferred') expect(floor.agents.get(leg.agentId)?.legs.get(id)).toBe(leg);
		}
	}
	for (const [queueId, queue] of floor.queues) {
		for (const contact of queue.waiting) {
			expect(floor.contacts.get(contact.contactId)).toBe(contact);
			expect(contact.offer?.queueId).toBe(queueId);
		}
	}
	expect(Object.keys(floor.anomalies).filter((k) => k.endsWith('reducer_error'))).toEqual([]);
	const { queues, centre } = queueFigures(floor, 'day', nowMs);
	for (const q of [...queues, centre]) {
		expect(q.answeredWithin).toBeLessThanOrEqual(q.answered);
		expect(q.abandonedWithin).toBeLessThanOrEqual(q.abandoned);
		for (const rate of [q.answerRate, q.abandonRate, q.serviceLevel, q.csat, q.acwShare]) {
			if (rate !== null) expect(rate >= 0 && rate <= 1).toBe(true);
		}
		for (const t of [q.asaSec, q.attSec, q.ahtSec]) if (t !== null) expect(t).toBeGreaterThanOrEqual(0);
	}
	const counts = agentCounts(floor, nowMs);
	expect(counts.available + counts.onContact + counts.wrapUp + counts.notReady).toBe(counts.staffed);
	for (const v of agentViews(floor, nowMs)) expect(v.load >= 0 && v.load <= 1).toBe(true);
}

describe('robustness', () => {
	it('never throws and keeps its books straight, whatever valid-typed events arrive in whatever order', () => {
		fc.assert(
			fc.property(steps, (sequence) => {
				const floor = createFloor(testCentreSetup(), { timeZone: 'Asia/Shanghai' });
				const b = createEventBuilder({ startMs: T0 });
				for (const [dtSec, o] of sequence) {
					b.after(dtSec);
					emit(b, o);
					for (const e of b.take()) expect(() => applyEvent(floor, e, b.nowMs)).not.toThrow();
				}
				checkInvariants(floor, b.nowMs);
			}),
			{ numRuns: 1000 }
		);
	});

	it('applies a shuffled day without throwing or losing track of its books', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
				const b = createEventBuilder({ startMs: T0 });
				b.login('a1', { queues: ['neg'] });
				for (let i = 0; i < 10; i++) {
					b.after(5).queued(`c${i}`, 'neg');
					b.after(3).answered(`c${i}`, 'a1');
					b.after(30).ended(`c${i}`, 'a1');
					b.after(5).wrapped(`c${i}`, 'a1');
				}
				const events = fc.sample(fc.shuffledSubarray(b.events, { minLength: b.events.length }), {
					seed,
					numRuns: 1
				})[0]!;
				const floor = createFloor(testCentreSetup(), { timeZone: 'Asia/Shanghai' });
				for (const e of events) applyEvent(floor, e, e.ts);
				expect(floor.eventsApplied).toBe(events.length);
				checkInvariants(floor, b.nowMs);
			}),
			{ numRuns: 100 }
		);
	});
});
