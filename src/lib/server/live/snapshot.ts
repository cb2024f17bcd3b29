import type { EventOf, SnapshotContact } from '../../shared/contract';
import { capacityOf, ensureAgent, refreshAgent } from './agent-state';
import {
	addLeg,
	closeOffer,
	createContact,
	finishContact,
	finishIfDone,
	noteCustomer,
	openContact,
	openOffer
} from './contacts';
import { noteAnomaly, type AgentRec, type ContactRec, type Floor, type Leg } from './floor-state';

/**
 * floor.snapshot replaces the live picture (who is logged in, in which state, which contacts are open
 * and where) and never touches what was already counted: outcomes and handle figures of the day stay.
 * Contacts that vanished ended during the gap; their outcomes were lost with it and are not guessed.
 * A connected leg the floor already knew in the same status keeps its timing, so its handle figures
 * still count when it wraps; a leg first seen here has no known start and counts none.
 */
export function onSnapshot(floor: Floor, e: EventOf<'floor.snapshot'>): void {
	const previous = new Map(floor.contacts);
	const offlineBefore = new Set<string>();
	for (const agent of floor.agents.values())
		if (agent.displayed === 'offline') offlineBefore.add(agent.agentId);
	for (const agent of floor.agents.values()) agent.legs.clear();
	for (const queue of floor.queues.values()) queue.waiting.clear();
	floor.contacts.clear();

	const listed = new Set<string>();
	for (const s of e.agents) {
		const agent = ensureAgent(floor, s.agentId, s.since, null);
		listed.add(s.agentId);
		agent.name = s.name;
		agent.teamId = s.teamId;
		agent.queues = s.queues;
		agent.capacity = capacityOf(s.capacity);
		agent.introduced = true;
		agent.loggedIn = true;
		agent.ownState = s.state;
		agent.reason = s.state === 'not_ready' ? (s.reason ?? '') : null;
		agent.ownSinceMs = s.since;
	}
	for (const agent of floor.agents.values()) if (!listed.has(agent.agentId)) agent.loggedIn = false;

	for (const s of e.contacts) {
		const old = previous.get(s.contactId);
		previous.delete(s.contactId);
		restoreContact(floor, s, old);
	}
	for (const gone of previous.values()) {
		gone.offer = null;
		for (const [agentId, leg] of [...gone.legs]) if (leg.status !== 'transferred') gone.legs.delete(agentId);
		floor.contacts.set(gone.contactId, gone);
		finishContact(floor, gone);
	}
	for (const agent of floor.agents.values()) {
		refreshAgent(floor, agent, e.asOf);
		agent.displayedSinceMs = displayedSinceAfterSnapshot(agent, offlineBefore.has(agent.agentId), e.asOf);
	}
}

function restoreContact(floor: Floor, s: SnapshotContact, old: ContactRec | undefined): void {
	const contact =
		old ?? openContact(floor, s.contactId) ?? createContact(floor, s.contactId, s.channel, s.queueId);
	const known = new Map(contact.legs);
	// A contact listed twice in one snapshot: the later entry wins, so undo what the earlier one placed.
	for (const leg of known.values()) {
		if (leg.agent.legs.get(contact.contactId) === leg) leg.agent.legs.delete(contact.contactId);
	}
	closeOffer(floor, contact);
	floor.contacts.set(s.contactId, contact);
	contact.channel = s.channel;
	contact.queueId = s.queueId;
	if (s.vip !== undefined) contact.vip = s.vip;
	if (s.customerId !== undefined) contact.customerId = s.customerId;
	noteCustomer(floor, contact, s.queuedAt);
	contact.legs.clear();
	for (const leg of known.values()) if (leg.status === 'transferred') contact.legs.add(leg);

	if (s.status === 'queued' || s.status === 'ringing') {
		openOffer(floor, contact, s.queueId, s.queuedAt);
		if (s.status === 'ringing' && s.agentId !== undefined) {
			const agent = ensureAgent(floor, s.agentId, s.since, 'floor.snapshot:unlisted_agent');
			addLeg(floor, contact, agent, 'ringing', s.since);
		}
	} else if (s.agentId === undefined) {
		noteAnomaly(floor, 'floor.snapshot:connected_without_agent');
	} else {
		// An agent missing from the agent list but holding a contact is logged out with it still open.
		const agent = ensureAgent(floor, s.agentId, s.since, 'floor.snapshot:unlisted_agent');
		const status = s.status;
		const prior = known.get(s.agentId);
		if (prior && prior.status === status) {
			contact.legs.add(prior);
			agent.legs.add(prior);
		} else {
			const leg = addLeg(floor, contact, agent, status, s.since, false);
			if (status === 'wrapup') leg.endedAtMs = s.since;
			if (status === 'held') leg.holdStartMs = s.since;
		}
	}
	finishIfDone(floor, contact);
}

/** When the restored displayed state began, as far as the snapshot tells. */
function displayedSinceAfterSnapshot(agent: AgentRec, wasOffline: boolean, asOfMs: number): number {
	switch (agent.displayed) {
		case 'on_contact':
			return (
				earliest(agent, (leg) =>
					leg.status === 'talking' || leg.status === 'held' ? (leg.answeredAtMs ?? leg.sinceMs) : null
				) ?? asOfMs
			);
		case 'wrap_up':
			return earliest(agent, (leg) => (leg.status === 'wrapup' ? leg.sinceMs : null)) ?? asOfMs;
		case 'ready':
		case 'not_ready':
			return agent.ownSinceMs;
		case 'offline':
			return wasOffline ? agent.displayedSinceMs : asOfMs;
	}
}

function earliest(agent: AgentRec, startOf: (leg: Leg) => number | null): number | null {
	let sinceMs: number | null = null;
	for (const leg of agent.legs.values()) {
		const startMs = startOf(leg);
		if (startMs !== null && (sinceMs === null || startMs < sinceMs)) sinceMs = startMs;
	}
	return sinceMs;
}
