import type { LocalizedName } from '../../shared/centre/setup';
import { agentWindowFigures, emptyAgentTotals } from '../../shared/metrics/agent-formulas';
import type { AgentCounts, AgentWindowFigures, TeamQueueFigures } from '../../shared/metrics/figures';
import { teamTotals } from './agent-figures';
import { countAgentInto, emptyAgentCounts } from './agent-views';
import type { Floor } from './floor-state';
import { queueFigures } from './queue-figures';
import type { ResolvedWindow } from './windows';

export interface TeamView {
	teamId: string;
	name: LocalizedName;
	/** Queues the set-up lists for the team (empty for a team seen only on agents). */
	queues: string[];
	/** The team's agents by displayed state, now. */
	counts: AgentCounts;
	/** Σ load of the team's agents now (agents' worth of work in progress). */
	loadNow: number;
	/** The team's agent figures over the window. */
	agents: AgentWindowFigures;
	/** Queue figures over the team's queues and the window; null when the set-up lists none. */
	queueFigures: TeamQueueFigures | null;
}

export const NO_TEAM_NAME: LocalizedName = { 'zh-CN': '未分组', en: 'No team' };

/**
 * One row per team: the set-up's teams in set-up order, then teams seen only on agents' logins, by id.
 * A team's agents are those whose login names it; its queues are the set-up's list.
 */
export function teamViews(
	floor: Floor,
	resolved: ResolvedWindow,
	nowMs: number,
	filter?: { teamIds?: string[] }
): TeamView[] {
	const totals = teamTotals(floor, resolved, nowMs);
	const counts = new Map<string, { counts: AgentCounts; loadNow: number }>();
	for (const agent of floor.agents.values()) {
		if (agent.displayed === 'offline') continue;
		let entry = counts.get(agent.teamId);
		if (!entry) {
			entry = { counts: emptyAgentCounts(), loadNow: 0 };
			counts.set(agent.teamId, entry);
		}
		countAgentInto(entry.counts, agent);
		entry.loadNow += agent.segment.load;
	}
	const queueRows = new Map(
		queueFigures(floor, resolved.window, nowMs, undefined, {
			...(resolved.shift ? { shiftId: resolved.shift.shiftId } : {})
		}).teams.map((t) => [t.teamId, t])
	);
	const configured = floor.setup.teams.map((t) => ({ teamId: t.teamId, name: t.name, queues: t.queues }));
	const known = new Set(configured.map((t) => t.teamId));
	const seen = [...new Set([...counts.keys(), ...totals.keys()])]
		.filter((id) => !known.has(id))
		.sort()
		.map((teamId) => ({ teamId, name: teamId ? { 'zh-CN': teamId, en: teamId } : NO_TEAM_NAME, queues: [] }));
	const wanted = filter?.teamIds ? new Set(filter.teamIds) : null;
	const rows: TeamView[] = [];
	for (const t of [...configured, ...seen]) {
		if (wanted && !wanted.has(t.teamId)) continue;
		const now = counts.get(t.teamId);
		rows.push({
			teamId: t.teamId,
			name: t.name,
			queues: t.queues,
			counts: now?.counts ?? emptyAgentCounts(),
			loadNow: now?.loadNow ?? 0,
			agents: agentWindowFigures(totals.get(t.teamId) ?? emptyAgentTotals()),
			queueFigures: queueRows.get(t.teamId) ?? null
		});
	}
	return rows;
}
