import type { LocalizedName } from '../../shared/centre/setup';
import {
	AGENT_TOTAL_FIELDS,
	agentWindowFigures,
	emptyAgentTotals
} from '../../shared/metrics/agent-formulas';
import type { AgentCounts, AgentWindowFigures, QueueFigures } from '../../shared/metrics/figures';
import { packedTeamTotals, type PackedTeamTotals } from './agent-figures';
import { unpackTotalsInto } from './agent-time';
import { emptyAgentCounts } from './agent-views';
import { floorColumns, type FloorColumns } from './floor-columns';
import type { Floor } from './floor-state';
import { teamQueueRollUpsBySetup } from './queue-figures';
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
	/**
	 * Queue figures over the team's queues and the window, named after those queues (teams on the same
	 * queues share the row); null when the set-up lists none.
	 */
	queueFigures: QueueFigures | null;
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
	const totals = packedTeamTotals(floor, resolved, nowMs);
	// Counts and load now are the same for every window: kept with the columns, shared (frozen).
	const columns = floorColumns(floor);
	const setupIndexes = setupTeamIndexes(floor, columns);
	const queueRows = teamQueueRollUpsBySetup(floor, resolved, nowMs);
	const wanted = filter?.teamIds ? new Set(filter.teamIds) : null;
	const rows: TeamView[] = [];
	// By team index throughout: 1,250 teams and 8 windows a tick, three map look-ups each were a cost.
	floor.setup.teams.forEach((t, j) => {
		if (wanted && !wanted.has(t.teamId)) return;
		rows.push(
			teamRow(t.teamId, t.name, t.queues, setupIndexes.indexes[j]!, columns, totals, queueRows[j] ?? null)
		);
	});
	const seen: string[] = [];
	for (let team = 0; team < columns.teamIds.length; team++) {
		if (setupIndexes.isSetup[team]) continue;
		if (totals.present[team] || columns.countsByIndex[team]) seen.push(columns.teamIds[team]!);
	}
	for (const teamId of seen.sort()) {
		if (wanted && !wanted.has(teamId)) continue;
		const name = teamId ? { 'zh-CN': teamId, en: teamId } : NO_TEAM_NAME;
		rows.push(teamRow(teamId, name, [], columns.teamIndexOf(teamId), columns, totals, null));
	}
	return rows;
}

/** The set-up's teams as column team indexes, and which indexes are set-up teams (kept per set-up). */
const setupIndexCache = new WeakMap<
	FloorColumns,
	{ teams: number; indexes: number[]; isSetup: Uint8Array }
>();

function setupTeamIndexes(floor: Floor, columns: FloorColumns): { indexes: number[]; isSetup: Uint8Array } {
	const cached = setupIndexCache.get(columns);
	if (cached && cached.teams === columns.teamIds.length) return cached;
	const indexes = floor.setup.teams.map((t) => columns.teamIndexOf(t.teamId));
	const isSetup = new Uint8Array(columns.teamIds.length);
	for (const i of indexes) isSetup[i] = 1;
	const entry = { teams: columns.teamIds.length, indexes, isSetup };
	setupIndexCache.set(columns, entry);
	return entry;
}

const NO_COUNTS: AgentCounts = Object.freeze({
	...emptyAgentCounts(),
	notReadyByReason: Object.freeze({})
}) as AgentCounts;

function teamRow(
	teamId: string,
	name: LocalizedName,
	queues: string[],
	team: number,
	columns: FloorColumns,
	totals: PackedTeamTotals,
	queueFigures: QueueFigures | null
): TeamView {
	const now = columns.countsByIndex[team];
	const present = team < totals.present.length && totals.present[team] === 1;
	return {
		teamId,
		name,
		queues,
		counts: now?.counts ?? NO_COUNTS,
		loadNow: now?.loadNow ?? 0,
		agents: present
			? agentWindowFigures(unpackTotalsInto(scratch, totals.totals, team * FIELDS))
			: NO_FIGURES,
		queueFigures
	};
}

const FIELDS = AGENT_TOTAL_FIELDS.length;

/** The figures of a team with nothing in the window (every team, in `now`): one frozen object for all. */
const NO_FIGURES: AgentWindowFigures = (() => {
	const figures = agentWindowFigures(emptyAgentTotals());
	Object.freeze(figures.stateSec);
	return Object.freeze(figures);
})();
/** One scratch total for the team rows: agentWindowFigures copies what it needs. */
const scratch = emptyAgentTotals();
