import type { Command, CommandResult } from '../shared/contract';
import { CONTRACT_VERSION } from '../shared/contract/envelope';
import { MINUTE_MS } from './daily-curve';
import type { Engine } from './engine';
import { logout, setNotReady, setReady } from './flow';
import type { SimAgent } from './routing';
import { snapshotBody } from './snapshot';

type Outcome = { ok: true; sessionId?: string } | { ok: false; error: string };

/** Answers one command the way a platform would, emitting what it actually did. */
export function applyCommand(engine: Engine, command: Command): CommandResult {
	const outcome = apply(engine, command);
	return outcome.ok
		? {
				v: CONTRACT_VERSION,
				commandId: command.id,
				ok: true,
				...(outcome.sessionId ? { sessionId: outcome.sessionId } : {})
			}
		: { v: CONTRACT_VERSION, commandId: command.id, ok: false, error: outcome.error };
}

function apply(engine: Engine, command: Command): Outcome {
	switch (command.type) {
		case 'snapshot.request':
			engine.emit(snapshotBody(engine));
			return { ok: true };
		case 'supervise': {
			const agent = engine.agentsById.get(command.agentId);
			if (!agent) return fail(`unknown agent ${command.agentId}`);
			const contact = engine.contacts.get(command.contactId);
			const onContact = (status: string) => status === 'talking' || status === 'held';
			if (!contact || contact.agent !== agent || !onContact(contact.status)) {
				const onAnyCall = [...agent.contacts].some((c) => onContact(c.status));
				return fail(onAnyCall ? `agent is not on contact ${command.contactId}` : 'agent not on a call');
			}
			if (contact.sessions.size > 0) return fail('contact is already supervised');
			const sessionId = `s-${engine.runTag}-${(++engine.sessionCounter).toString(36)}`;
			engine.sessions.set(sessionId, {
				sessionId,
				contact,
				agent,
				supervisorId: command.issuedBy,
				mode: command.mode
			});
			contact.sessions.add(sessionId);
			engine.emit({
				type: 'supervision.started',
				sessionId,
				commandId: command.id,
				supervisorId: command.issuedBy,
				agentId: agent.agentId,
				contactId: contact.contactId,
				mode: command.mode
			});
			return { ok: true, sessionId };
		}
		case 'supervise.change': {
			const session = engine.sessions.get(command.sessionId);
			if (!session) return fail('unknown or ended session');
			session.mode = command.mode;
			engine.emit({ type: 'supervision.changed', sessionId: session.sessionId, mode: command.mode });
			return { ok: true, sessionId: session.sessionId };
		}
		case 'supervise.stop': {
			const session = engine.sessions.get(command.sessionId);
			if (!session) return fail('unknown or ended session');
			engine.sessions.delete(session.sessionId);
			session.contact.sessions.delete(session.sessionId);
			engine.emit({
				type: 'supervision.ended',
				sessionId: session.sessionId,
				reason: 'stopped by supervisor'
			});
			return { ok: true, sessionId: session.sessionId };
		}
		case 'agent.set_state': {
			const agent = staffedAgent(engine, command.agentId);
			if (typeof agent === 'string') return fail(agent);
			agent.pendingNotReady = null;
			if (command.state === 'ready') setReady(engine, agent);
			// The agent makes themself ready again in a while, so a forced not-ready never drains the floor.
			else setNotReady(engine, agent, command.reason, engine.rng.between(5, 20) * MINUTE_MS);
			return { ok: true };
		}
		case 'agent.logout': {
			const agent = staffedAgent(engine, command.agentId);
			if (typeof agent === 'string') return fail(agent);
			logout(engine, agent, command.reason, true);
			return { ok: true };
		}
	}
}

function staffedAgent(engine: Engine, agentId: string): SimAgent | string {
	const agent = engine.agentsById.get(agentId);
	if (!agent) return `unknown agent ${agentId}`;
	if (!agent.loggedIn) return 'agent not logged in';
	return agent;
}

function fail(error: string): Outcome {
	return { ok: false, error };
}
