import { DEFAULT_CAPACITY, type Capacity } from '../../shared/contract';
import type { DisplayedState } from '../../shared/metrics/figures';
import { closeSegment, newSegment, openSegment } from './agent-time';
import { LegMap } from './leg-map';
import { noteAnomaly, type AgentCapacity, type AgentRec, type Floor, type Leg } from './floor-state';

/**
 * Displayed state (METRICS.md): on contact (a leg talking or held) ▸ wrap-up ▸ own state ▸ offline.
 * Ringing is not "on contact": nothing is connected yet and ring time is not handle time, so a ringing
 * agent keeps showing its own state (the contact is listed as ringing, and stuck ringing has its own
 * alert). A logged-out agent still talking shows on contact until the contact ends: the contract keeps
 * open contacts with the agent after logout.
 */
export function displayedOf(agent: AgentRec): { state: DisplayedState; reason: string | null } {
	const state = displayedStateOf(agent);
	return { state, reason: reasonOf(agent, state) };
}

/** The displayed state alone: refreshAgent runs on every agent event and needs no object for it. */
function displayedStateOf(agent: AgentRec): DisplayedState {
	let wrapping = false;
	const legs = agent.legs;
	for (let i = 0; i < legs.size; i++) {
		const leg = legs.at(i);
		if (leg.status === 'talking' || leg.status === 'held') return 'on_contact';
		if (leg.status === 'wrapup') wrapping = true;
	}
	if (wrapping) return 'wrap_up';
	if (!agent.loggedIn) return 'offline';
	return agent.ownState === 'ready' ? 'ready' : 'not_ready';
}

function reasonOf(agent: AgentRec, state: DisplayedState): string | null {
	return state === 'not_ready' ? (agent.reason ?? '') : null;
}

function tallyAdd(floor: Floor, state: DisplayedState, reason: string | null, delta: 1 | -1): void {
	floor.tally.byState[state] += delta;
	if (state !== 'not_ready') return;
	const key = reason ?? '';
	const next = (floor.tally.notReadyByReason.get(key) ?? 0) + delta;
	if (next > 0) floor.tally.notReadyByReason.set(key, next);
	else floor.tally.notReadyByReason.delete(key);
}

/**
 * Re-derives the agent's displayed state after a change at `atMs`; when it differs, moves the agent
 * between tallies and restarts its clock. A not-ready reason change is a new state (break → lunch).
 * Every change of state or load passes here, so this is also where the agent's time integrals close
 * the piece that just ended (with the state and load it had) and open the next.
 */
export function refreshAgent(floor: Floor, agent: AgentRec, atMs: number): void {
	noteAgentChanged(floor, agent);
	closeSegment(floor, agent, atMs);
	const state = displayedStateOf(agent);
	const reason = reasonOf(agent, state);
	if (state !== agent.displayed || reason !== agent.displayedReason) {
		tallyAdd(floor, agent.displayed, agent.displayedReason, -1);
		tallyAdd(floor, state, reason, 1);
		agent.displayed = state;
		agent.displayedReason = reason;
		agent.displayedSinceMs = atMs;
	}
	openSegment(floor, agent, loadOf(agent));
}

/**
 * Logs the agent as changed by the current event, once per event. The log is drained by the figure
 * columns; one nobody drains (a floor only folded, never asked) is dropped once it outgrows the agents.
 */
export function noteAgentChanged(floor: Floor, agent: AgentRec): void {
	if (agent.changedAt === floor.eventsApplied) return;
	agent.changedAt = floor.eventsApplied;
	const log = floor.changedAgents;
	if (log.length >= Math.max(4096, floor.agentList.length)) {
		log.length = 0;
		floor.changeLogResets++;
	}
	log.push(agent);
}

export function capacityOf(capacity: Capacity | undefined): AgentCapacity {
	return {
		voice: capacity?.voice ?? DEFAULT_CAPACITY.voice,
		chat: capacity?.chat ?? DEFAULT_CAPACITY.chat,
		email: capacity?.email ?? DEFAULT_CAPACITY.email
	};
}

/**
 * The agent record; an agent first named by a contact or state event is created offline with its id
 * as name (noted), so nothing it does is lost while its login is missing.
 */
export function ensureAgent(floor: Floor, agentId: string, atMs: number, anomaly: string | null): AgentRec {
	let agent = floor.agents.get(agentId);
	if (!agent) {
		if (anomaly) noteAnomaly(floor, anomaly);
		agent = {
			agentId,
			name: agentId,
			teamId: '',
			queues: [],
			capacity: capacityOf(undefined),
			introduced: false,
			loggedIn: false,
			ownState: 'not_ready',
			reason: '',
			ownSinceMs: atMs,
			legs: new LegMap('contactId'),
			displayed: 'offline',
			displayedReason: null,
			displayedSinceMs: atMs,
			segment: newSegment(floor, atMs),
			trail: null,
			index: floor.agentList.length,
			changedAt: floor.eventsApplied
		};
		floor.agents.set(agentId, agent);
		floor.agentList.push(agent);
		floor.tally.byState.offline++;
	}
	return agent;
}

/**
 * Load = Σ 1 ÷ capacity[channel] over connected legs (talking, held, wrap-up), capped at 1. Ringing
 * legs are left out for the reason ringing is not "on contact"; a capacity of 0 for a channel the
 * platform routed anyway counts as a full seat.
 */
export function loadOf(agent: AgentRec): number {
	let load = 0;
	const legs = agent.legs;
	for (let i = 0; i < legs.size; i++) {
		const leg = legs.at(i);
		if (leg.status === 'ringing' || leg.status === 'transferred') continue;
		const capacity = agent.capacity[leg.channel];
		load += capacity > 0 ? 1 / capacity : 1;
	}
	return Math.min(1, load);
}

/** Whether the leg occupies the agent (anything but a transferred leg waiting for a possible end). */
export function isLive(leg: Leg): boolean {
	return leg.status !== 'transferred';
}
