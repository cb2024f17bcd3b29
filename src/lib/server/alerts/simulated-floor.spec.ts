import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CentreSetup } from '../../shared/centre/setup';
import { CONTRACT_VERSION, type AgentSetStateCommand } from '../../shared/contract';
import type { AlertChange } from '../../shared/protocol/alert-frames';
import { createSimulation } from '../../sim/simulation';
import { applyEvent } from '../live/apply-event';
import { createFloor, queueConfigOf } from '../live/floor-state';
import { queueFigures } from '../live/queue-figures';
import { createAlertState, observeEvent } from './alert-state';
import { evaluate } from './evaluate';

const setup = CentreSetup.parse(
	JSON.parse(readFileSync(new URL('../../../../config/centre.example.json', import.meta.url), 'utf8'))
);
/** 2025-11-20 10:00 in Asia/Shanghai: the morning busy hour. */
const START_MS = Date.UTC(2025, 10, 20, 2, 0, 0);
const MIN = 60_000;
const FORCE_AT_MS = START_MS + 10 * MIN;
const END_MS = START_MS + 60 * MIN;

interface Run {
	/** Changes as they were sent (alerts are live objects, so the cause is copied at the time). */
	changes: Array<AlertChange & { atMs: number; cause: string }>;
	/** Per contact|agent: when talk first went over its yellow limit, and when the leg stopped talking. */
	longCalls: Map<string, { overAtMs: number; endedAtMs: number | null }>;
	/** Per queue: the first second its rolling-15 answer rate showed below target on ≥ 20 outcomes. */
	firstBelowMs: Map<string, number>;
}

/**
 * One simulated busy hour, driven second by second on a controlled clock: events through the real
 * reducer, an evaluation every second as the runtime's timer does. At 10 min most of the floor is
 * forced not ready (a meeting called at the worst moment; the simulator sends them back after 5 to 20
 * minutes), which drops the answer rate; long calls happen by themselves (talk is log-normal).
 */
function simulateBusyHour(): Run {
	const sim = createSimulation({
		setup,
		agents: 160,
		seed: 7,
		source: 'sim-alerts',
		startMs: START_MS,
		timeZone: 'Asia/Shanghai'
	});
	const floor = createFloor(setup, { timeZone: 'Asia/Shanghai' });
	const alerts = createAlertState({ startedAtMs: START_MS });
	const run: Run = { changes: [], longCalls: new Map(), firstBelowMs: new Map() };
	const apply = (events: ReturnType<typeof sim.advance>) => {
		for (const e of events) {
			applyEvent(floor, e, e.ts);
			observeEvent(alerts, e);
		}
	};
	for (let t = START_MS; t <= END_MS; t += 1000) {
		apply(sim.advance(t));
		if (t === FORCE_AT_MS) {
			const staffed = [...floor.agents.values()].filter((a) => a.displayed !== 'offline');
			staffed.slice(0, Math.floor(staffed.length * 0.7)).forEach((agent, i) => {
				const command: AgentSetStateCommand = {
					v: CONTRACT_VERSION,
					id: `force-${i}`,
					ts: t,
					issuedBy: 'test-supervisor',
					type: 'agent.set_state',
					agentId: agent.agentId,
					state: 'not_ready',
					reason: 'meeting'
				};
				apply(sim.handleCommand(command, t).events);
			});
		}
		for (const change of evaluate(alerts, floor, t))
			run.changes.push({ ...change, atMs: t, cause: change.alert.cause });
		observeTruth(floor, t, run);
	}
	return run;
}

/** What holds, measured independently of the alert code: legs' talk times and the tiles' answer rate. */
function observeTruth(floor: ReturnType<typeof createFloor>, t: number, run: Run): void {
	const open = new Set<string>();
	for (const agent of floor.agents.values()) {
		for (const leg of agent.legs.values()) {
			if ((leg.status !== 'talking' && leg.status !== 'held') || leg.answeredAtMs === null) continue;
			const key = `${leg.contactId}|${agent.agentId}`;
			open.add(key);
			const holdMs = leg.holdMs + (leg.holdStartMs === null ? 0 : t - leg.holdStartMs);
			const talkSec = (t - leg.answeredAtMs - holdMs) / 1000;
			if (talkSec > queueConfigOf(floor, leg.queueId).limits.talk.yellowSec && !run.longCalls.has(key)) {
				run.longCalls.set(key, { overAtMs: t, endedAtMs: null });
			}
		}
	}
	for (const [key, call] of run.longCalls) if (call.endedAtMs === null && !open.has(key)) call.endedAtMs = t;
	if (t % 10_000 !== 0) return;
	for (const q of queueFigures(floor, 'rolling15', t).queues) {
		const target = queueConfigOf(floor, q.queueId ?? '').targets.answerRate;
		if (
			q.offered >= 20 &&
			q.answerRate !== null &&
			q.answerRate < target &&
			!run.firstBelowMs.has(q.queueId ?? '')
		) {
			run.firstBelowMs.set(q.queueId ?? '', t);
		}
	}
}

describe('alerts on a simulated busy hour', () => {
	let run: Run;
	beforeAll(() => {
		run = simulateBusyHour();
	}, 60_000);

	const ofKind = (kind: string) => run.changes.filter((c) => c.alert.kind === kind);

	it('sees the forced meeting drop answer rates at the busy hour', () => {
		expect([...run.firstBelowMs.values()].some((t) => t > FORCE_AT_MS)).toBe(true);
	});

	it('raises an answer-rate drop within a minute of the rate falling below target, and clears it by itself', () => {
		const drops = ofKind('answer_rate_drop');
		const raised = drops.filter((c) => c.change === 'raised');
		expect(raised.length).toBeGreaterThan(0);
		for (const r of raised) {
			const belowAt = run.firstBelowMs.get(r.alert.queueId ?? '');
			expect(belowAt, r.alert.queueId ?? '').toBeDefined();
			expect(r.atMs - belowAt!).toBeLessThanOrEqual(60_000);
		}
		const cleared = new Set(drops.filter((c) => c.change === 'cleared').map((c) => c.alert.alertId));
		for (const r of raised) expect(cleared.has(r.alert.alertId), r.alert.reason.en).toBe(true);
	});

	it('does not flap: one answer-rate alert per queue through the drop and the recovery', () => {
		const raisedPerQueue = new Map<string, number>();
		for (const c of ofKind('answer_rate_drop')) {
			if (c.change === 'raised')
				raisedPerQueue.set(c.alert.queueId ?? '', (raisedPerQueue.get(c.alert.queueId ?? '') ?? 0) + 1);
		}
		expect([...raisedPerQueue.values()].every((n) => n === 1)).toBe(true);
	});

	it('raises each long call within a minute of its talk passing the limit, once, and clears it after the call', () => {
		// A call can later overrun its wrap-up too: that is a separate episode, not a repeat.
		const long = ofKind('long_contact').filter((c) => c.cause !== 'wrap_up');
		// A call that ends within raiseAfterSec (5 s) of passing the limit is rightly never raised.
		const calls = [...run.longCalls.entries()].filter(
			([, call]) => call.overAtMs < END_MS - 60_000 && (call.endedAtMs ?? END_MS) - call.overAtMs > 10_000
		);
		expect(calls.length).toBeGreaterThan(0);
		for (const [key, call] of calls) {
			const raised = long.filter((c) => c.change === 'raised' && c.alert.subject === `long_contact|${key}`);
			expect(raised, key).toHaveLength(1);
			expect(raised[0]!.atMs - call.overAtMs).toBeLessThanOrEqual(60_000);
			if (call.endedAtMs !== null && call.endedAtMs < END_MS - 60_000) {
				const cleared = run.changes.find(
					(c) => c.change === 'cleared' && c.alert.alertId === raised[0]!.alert.alertId
				);
				expect(cleared, key).toBeDefined();
				expect(cleared!.atMs - call.endedAtMs).toBeLessThanOrEqual(60_000);
			}
		}
	});
});
