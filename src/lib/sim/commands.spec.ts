import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CentreSetup } from '../shared/centre/setup';
import { Command, CommandResult, parseEvent, type CcEvent } from '../shared/contract';
import { createSimulation, type Simulation } from './simulation';

const setup = CentreSetup.parse(
	JSON.parse(readFileSync(new URL('../../../config/centre.example.json', import.meta.url), 'utf8'))
);
/** 2025-11-20 10:00 in Asia/Shanghai: a busy floor. */
const T0 = Date.UTC(2025, 10, 20, 2, 0, 0);

function busyFloor(): { sim: Simulation; nowMs: number } {
	const sim = createSimulation({
		setup,
		agents: 120,
		seed: 5,
		source: 'sim',
		startMs: T0,
		timeZone: 'Asia/Shanghai'
	});
	sim.advance(T0 + 60_000);
	return { sim, nowMs: T0 + 60_000 };
}

let commandCounter = 0;
function command(body: Record<string, unknown>): Command {
	return Command.parse({ v: 1, id: `cmd-${++commandCounter}`, ts: T0, issuedBy: 'sup-12', ...body });
}

function talking(sim: Simulation) {
	const contact = sim.snapshot().contacts.find((c) => c.status === 'talking' && c.channel === 'voice');
	if (!contact?.agentId) throw new Error('nobody is talking on this floor');
	return { contactId: contact.contactId, agentId: contact.agentId };
}

const commandEvents = (events: CcEvent[], types: string[]) => events.filter((e) => types.includes(e.type));

describe('handleCommand', () => {
	it('answers a snapshot request with ok and a floor snapshot', () => {
		const { sim, nowMs } = busyFloor();
		const cmd = command({ type: 'snapshot.request' });
		const { result, events } = sim.handleCommand(cmd, nowMs + 1000);
		expect(result).toEqual({ v: 1, commandId: cmd.id, ok: true });
		const snapshot = events.at(-1);
		expect(snapshot?.type).toBe('floor.snapshot');
		expect(parseEvent(snapshot).ok).toBe(true);
		expect(CommandResult.safeParse(result).success).toBe(true);
	});

	it('supervises an agent on the named contact, changes mode and stops', () => {
		const { sim, nowMs } = busyFloor();
		const { agentId, contactId } = talking(sim);
		const cmd = command({ type: 'supervise', agentId, contactId, mode: 'listen', endpoint: 'sip:8012@pbx1' });
		const started = sim.handleCommand(cmd, nowMs);
		expect(started.result).toMatchObject({ ok: true, commandId: cmd.id });
		const sessionId = started.result.ok ? started.result.sessionId : undefined;
		expect(sessionId).toBeTruthy();
		expect(started.events.at(-1)).toMatchObject({
			type: 'supervision.started',
			sessionId,
			commandId: cmd.id,
			supervisorId: 'sup-12',
			agentId,
			contactId,
			mode: 'listen'
		});

		const changed = sim.handleCommand(
			command({ type: 'supervise.change', sessionId, mode: 'whisper' }),
			nowMs
		);
		expect(changed.result.ok).toBe(true);
		expect(changed.events.at(-1)).toMatchObject({ type: 'supervision.changed', sessionId, mode: 'whisper' });

		const stopped = sim.handleCommand(command({ type: 'supervise.stop', sessionId }), nowMs);
		expect(stopped.result.ok).toBe(true);
		expect(stopped.events.at(-1)).toMatchObject({ type: 'supervision.ended', sessionId });

		const again = sim.handleCommand(command({ type: 'supervise.stop', sessionId }), nowMs);
		expect(again.result).toMatchObject({ ok: false, error: 'unknown or ended session' });
	});

	it('ends a supervision session when the call it listens to ends', () => {
		const { sim, nowMs } = busyFloor();
		const { agentId, contactId } = talking(sim);
		const cmd = command({ type: 'supervise', agentId, contactId, mode: 'barge', endpoint: 'webrtc:sup-12' });
		const { result } = sim.handleCommand(cmd, nowMs);
		const sessionId = result.ok ? result.sessionId : undefined;
		const later = sim.advance(nowMs + 3 * 3_600_000);
		const endedAt = later.findIndex((e) => e.type === 'supervision.ended' && e.sessionId === sessionId);
		const leftAt = later.findIndex(
			(e) => (e.type === 'contact.ended' || e.type === 'contact.transferred') && e.contactId === contactId
		);
		expect(leftAt).toBeGreaterThan(-1);
		expect(endedAt).toBe(leftAt + 1);
	});

	it('refuses to supervise an agent who is not on that call', () => {
		const { sim, nowMs } = busyFloor();
		const snapshot = sim.snapshot();
		const busy = new Set(snapshot.contacts.map((c) => c.agentId));
		const idle = snapshot.agents.find((a) => !busy.has(a.agentId));
		const { agentId } = talking(sim);
		const notOnCall = sim.handleCommand(
			command({ type: 'supervise', agentId: idle?.agentId, contactId: 'c-x', mode: 'listen', endpoint: 'x' }),
			nowMs
		);
		expect(notOnCall.result).toMatchObject({ ok: false, error: 'agent not on a call' });
		const otherCall = sim.handleCommand(
			command({ type: 'supervise', agentId, contactId: 'c-x', mode: 'listen', endpoint: 'x' }),
			nowMs
		);
		expect(otherCall.result).toMatchObject({ ok: false, error: 'agent is not on contact c-x' });
		expect(commandEvents([...notOnCall.events, ...otherCall.events], ['supervision.started'])).toEqual([]);
		const unknown = sim.handleCommand(
			command({ type: 'supervise', agentId: 'a-nobody', contactId: 'c-x', mode: 'listen', endpoint: 'x' }),
			nowMs
		);
		expect(unknown.result).toMatchObject({ ok: false, error: 'unknown agent a-nobody' });
	});

	it('forces an agent not ready and ready again', () => {
		const { sim, nowMs } = busyFloor();
		const agentId = sim.snapshot().agents[0]?.agentId;
		const notReady = sim.handleCommand(
			command({ type: 'agent.set_state', agentId, state: 'not_ready', reason: 'coaching' }),
			nowMs
		);
		expect(notReady.result.ok).toBe(true);
		expect(notReady.events.at(-1)).toMatchObject({
			type: 'agent.state',
			agentId,
			state: 'not_ready',
			reason: 'coaching'
		});
		expect(sim.snapshot().agents.find((a) => a.agentId === agentId)).toMatchObject({ state: 'not_ready' });
		const ready = sim.handleCommand(
			command({ type: 'agent.set_state', agentId, state: 'ready', reason: 'done' }),
			nowMs
		);
		const stateEvents = ready.events.filter((e) => e.type === 'agent.state' && e.agentId === agentId);
		expect(stateEvents[0]).toMatchObject({ state: 'ready' });
	});

	it('forces a logout, then refuses commands for the logged-out agent', () => {
		const { sim, nowMs } = busyFloor();
		const agentId = sim.snapshot().agents[0]?.agentId;
		const out = sim.handleCommand(command({ type: 'agent.logout', agentId, reason: 'forced' }), nowMs);
		expect(out.result.ok).toBe(true);
		expect(out.events.at(-1)).toMatchObject({ type: 'agent.logout', agentId, reason: 'forced' });
		const again = sim.handleCommand(command({ type: 'agent.logout', agentId, reason: 'forced' }), nowMs);
		expect(again.result).toMatchObject({ ok: false, error: 'agent not logged in' });
		const state = sim.handleCommand(
			command({ type: 'agent.set_state', agentId, state: 'ready', reason: 'x' }),
			nowMs
		);
		expect(state.result).toMatchObject({ ok: false, error: 'agent not logged in' });
		// The agent comes back within minutes when the shift has time left.
		const later = sim.advance(nowMs + 15 * 60_000);
		expect(later.some((e) => e.type === 'agent.login' && e.agentId === agentId)).toBe(true);
	});

	it('brings simulated time up to the command first, keeping seq and time in order', () => {
		const { sim, nowMs } = busyFloor();
		const before = sim.stats().eventsEmitted;
		const { events } = sim.handleCommand(command({ type: 'snapshot.request' }), nowMs + 60_000);
		expect(events.length).toBeGreaterThan(1);
		expect(
			events.every(
				(e, i) =>
					i === 0 || (e.seq === (events[i - 1] as CcEvent).seq + 1 && e.ts >= (events[i - 1] as CcEvent).ts)
			)
		).toBe(true);
		expect(events[0]?.seq).toBe(before);
		expect(events.at(-1)?.ts).toBe(nowMs + 60_000);
	});
});
