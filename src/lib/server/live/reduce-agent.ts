import type { EventOf } from '../../shared/contract';
import { capacityOf, ensureAgent, refreshAgent } from './agent-state';
import { countWrappedLeg, finishIfDone, removeLeg } from './contacts';
import { noteAnomaly, type Floor } from './floor-state';

/** Agent events: the staffed period and the agent's own availability. */

/**
 * Starts a staffed period. The agent is not ready (no reason) until the platform says otherwise: an
 * agent that has just logged in has not asked for work yet. A repeated login updates name, team,
 * skills and capacity without touching the state.
 */
export function onLogin(floor: Floor, e: EventOf<'agent.login'>): void {
	const agent = ensureAgent(floor, e.agentId, e.ts, null);
	if (agent.loggedIn) {
		noteAnomaly(floor, 'agent.login:already_logged_in');
	} else {
		agent.loggedIn = true;
		agent.ownState = 'not_ready';
		agent.reason = '';
		agent.ownSinceMs = e.ts;
	}
	agent.name = e.name;
	agent.teamId = e.teamId;
	agent.queues = e.queues;
	agent.capacity = capacityOf(e.capacity);
	agent.introduced = true;
	refreshAgent(floor, agent, e.ts);
}

/** A state from an agent not logged in means its login was missed: the agent is staffed from here. */
export function onState(floor: Floor, e: EventOf<'agent.state'>): void {
	const known = floor.agents.get(e.agentId);
	const agent = known ?? ensureAgent(floor, e.agentId, e.ts, 'agent.state:unknown_agent');
	if (known && !known.loggedIn) noteAnomaly(floor, 'agent.state:while_logged_out');
	agent.loggedIn = true;
	const reason = e.state === 'not_ready' ? (e.reason ?? '') : null;
	// A repeated state keeps its clock: "not ready for 14 min" must not restart on a resend.
	if (agent.ownState !== e.state || agent.reason !== reason) {
		agent.ownState = e.state;
		agent.reason = reason;
		agent.ownSinceMs = e.ts;
	}
	refreshAgent(floor, agent, e.ts);
}

/**
 * Ends the staffed period. Connected contacts stay with the agent until they end (the contract says
 * so); a wrap-up in progress ends here and is counted, since no contact.wrapped may follow; rings
 * are dropped because a logged-out agent cannot accept them (the contact keeps waiting).
 */
export function onLogout(floor: Floor, e: EventOf<'agent.logout'>): void {
	const agent = floor.agents.get(e.agentId);
	if (!agent) {
		noteAnomaly(floor, 'agent.logout:unknown_agent');
		return;
	}
	if (!agent.loggedIn) noteAnomaly(floor, 'agent.logout:while_logged_out');
	agent.loggedIn = false;
	// values() is a copy: legs are removed on the way.
	for (const leg of agent.legs.values()) {
		const contact = floor.contacts.get(leg.contactId);
		if (leg.status === 'wrapup') countWrappedLeg(floor, leg, e.ts);
		if (leg.status !== 'wrapup' && leg.status !== 'ringing') continue;
		if (contact) {
			removeLeg(floor, contact, leg, e.ts);
			finishIfDone(floor, contact);
		} else {
			agent.legs.delete(leg.contactId);
		}
	}
	refreshAgent(floor, agent, e.ts);
}
