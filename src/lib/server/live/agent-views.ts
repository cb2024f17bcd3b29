import {
	AGENT_TOTAL_FIELDS,
	agentWindowFigures,
	emptyAgentTotals
} from '../../shared/metrics/agent-formulas';
import type { AgentContactView, AgentCounts, AgentView, DisplayedState } from '../../shared/metrics/figures';
import { agentWindowTotals } from './agent-table';
import { unpackTotalsInto } from './agent-time';
import { floorColumns } from './floor-columns';
import type { AgentRec, Floor } from './floor-state';
import type { ResolvedWindow } from './windows';

/**
 * Agent counts by displayed state. Staffed = every agent not offline, so the counts partition it:
 * staffed = available + onContact + wrapUp + notReady. Available = displayed ready (ringing does not
 * change it, see displayedOf). A logged-out agent still on a contact counts as staffed and on contact
 * until the contact ends, because someone is still working it.
 *
 * Centre-wide, this reads the tally kept as states change; for given queues it is one pass over the
 * agents, counting those skilled in any of them once.
 */
export function agentCounts(floor: Floor, _nowMs: number, queueIds?: string[]): AgentCounts {
	if (!queueIds) {
		const { byState, notReadyByReason } = floor.tally;
		return {
			staffed: byState.on_contact + byState.wrap_up + byState.ready + byState.not_ready,
			available: byState.ready,
			onContact: byState.on_contact,
			wrapUp: byState.wrap_up,
			notReady: byState.not_ready,
			notReadyByReason: Object.fromEntries(notReadyByReason)
		};
	}
	const wanted = new Set(queueIds);
	const counts = emptyAgentCounts();
	for (const agent of floor.agents.values()) {
		if (agent.displayed === 'offline' || !agent.queues.some((q) => wanted.has(q))) continue;
		countAgentInto(counts, agent);
	}
	return counts;
}

export function emptyAgentCounts(): AgentCounts {
	return { staffed: 0, available: 0, onContact: 0, wrapUp: 0, notReady: 0, notReadyByReason: {} };
}

/** Counts one agent that is not offline. */
export function countAgentInto(counts: AgentCounts, agent: AgentRec): void {
	counts.staffed++;
	countInto(counts, agent.displayed, agent.displayedReason);
}

function countInto(counts: AgentCounts, state: DisplayedState, reason: string | null): void {
	switch (state) {
		case 'ready':
			counts.available++;
			return;
		case 'on_contact':
			counts.onContact++;
			return;
		case 'wrap_up':
			counts.wrapUp++;
			return;
		case 'not_ready': {
			counts.notReady++;
			const key = reason ?? '';
			counts.notReadyByReason[key] = (counts.notReadyByReason[key] ?? 0) + 1;
			return;
		}
		case 'offline':
			return;
	}
}

export interface AgentViewFilter {
	teamIds?: string[];
	/** Offline agents the floor has seen today are listed unless this is false. */
	includeOffline?: boolean;
	/** Adds how long each agent has been in its state and on each contact (`timeInStateSec`, `durationSec`). */
	durations?: boolean;
	/** Adds each agent's `figures` over this window (any window). */
	window?: ResolvedWindow;
}

/**
 * One row per agent, in the order the floor first saw them (deterministic; screens sort as they wish);
 * on request with the durations at `nowMs` and the agent's figures over a window.
 */
export function agentViews(floor: Floor, nowMs: number, filter?: AgentViewFilter): AgentView[] {
	const includeOffline = filter?.includeOffline ?? true;
	const durationsAt = filter?.durations ? nowMs : undefined;
	const window = filter?.window;
	const views: AgentView[] = [];
	const agents = agentsOf(floor, filter?.teamIds);
	// Figures come from the agent table (kept closed parts plus open pieces), for these agents only.
	const table = window
		? agentWindowTotals(floor, window, nowMs, agents === floor.agentList ? undefined : agents)
		: null;
	// agentWindowFigures copies what it needs, so one scratch total serves every agent.
	const scratch = emptyAgentTotals();
	for (const agent of agents) {
		if (!includeOffline && agent.displayed === 'offline') continue;
		const view = agentViewOf(agent, durationsAt);
		if (table)
			view.figures = agentWindowFigures(unpackTotalsInto(scratch, table.totals, agent.index * FIELDS));
		views.push(view);
	}
	return views;
}

const FIELDS = AGENT_TOTAL_FIELDS.length;

/**
 * The agents of the teams asked for, in first-seen order. One team (a console's team, every tick) is
 * read from the per-team lists of the floor columns, not picked out of 25,000 agents.
 */
function agentsOf(floor: Floor, teamIds: string[] | undefined): readonly AgentRec[] {
	if (!teamIds) return floor.agentList;
	if (teamIds.length === 1) return floorColumns(floor).members.get(teamIds[0]!) ?? [];
	const teams = new Set(teamIds);
	return floor.agentList.filter((a) => teams.has(a.teamId));
}

/** The agent's row; with `nowMs`, also how long it has been in its state and on each contact. */
export function agentViewOf(agent: AgentRec, nowMs?: number): AgentView {
	const contacts: AgentContactView[] = [];
	if (agent.legs.size > 0) {
		for (let i = 0; i < agent.legs.size; i++) {
			const leg = agent.legs.at(i);
			if (leg.status === 'transferred') continue;
			const row: AgentContactView = {
				contactId: leg.contactId,
				queueId: leg.queueId,
				channel: leg.channel,
				status: leg.status,
				sinceMs: leg.sinceMs,
				vip: leg.vip,
				answeredAtMs: leg.answeredAtMs
			};
			if (nowMs !== undefined) {
				row.durationSec = secondsSince(leg.sinceMs, nowMs);
				row.sinceAnsweredSec = leg.answeredAtMs === null ? null : secondsSince(leg.answeredAtMs, nowMs);
			}
			contacts.push(row);
		}
	}
	const view: AgentView = {
		agentId: agent.agentId,
		name: agent.name,
		teamId: agent.teamId,
		queues: agent.queues,
		state: agent.displayed,
		reason: agent.displayed === 'not_ready' && agent.displayedReason ? agent.displayedReason : null,
		sinceMs: agent.displayedSinceMs,
		// The open piece's load is set from loadOf at every change of legs or capacity (refreshAgent).
		load: agent.segment.load,
		contacts
	};
	if (nowMs !== undefined) view.timeInStateSec = secondsSince(agent.displayedSinceMs, nowMs);
	return view;
}

const secondsSince = (sinceMs: number, nowMs: number): number => Math.max(0, nowMs - sinceMs) / 1000;
