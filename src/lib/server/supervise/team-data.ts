import type { AgentView } from '../../shared/metrics/figures';
import type { AlertView } from '../../shared/protocol/alert-frames';
import type { AgentFlag, ConsoleAgentRow, MonitorView, TeamData } from '../../shared/protocol/team-frames';
import { agentViews, queueFigures, resolveWindow, NO_TEAM_NAME } from '../live/floor';
import type { Floor } from '../live/floor-state';
import { buildRadar } from './radar';

const FLAG_CAUSES = new Set<string>([
	'talk',
	'hold',
	'wrap_up',
	'not_ready_over',
	'ringing',
	'rona',
	'never_ready'
]);

export interface TeamDataSource {
	floor: Floor;
	/** Active alerts, most urgent first. */
	activeAlerts: () => AlertView[];
	clock: () => number;
	/**
	 * The display name of a supervisor (a username, as the platform echoes `issuedBy`), as last read;
	 * null when not known (yet). Without it the rows carry no names and the console shows usernames.
	 */
	monitorName?: (supervisorId: string) => string | null;
}

/** Whether the floor knows the team: from the set-up, or from an agent's login. */
export function teamExists(floor: Floor, teamId: string): boolean {
	if (floor.setup.teams.some((t) => t.teamId === teamId)) return true;
	for (const agent of floor.agents.values()) if (agent.teamId === teamId) return true;
	return false;
}

/** Everything the console shows of one team, now; null for a team the floor does not know. */
export function teamData(source: TeamDataSource, teamId: string): TeamData | null {
	const { floor } = source;
	if (!teamExists(floor, teamId)) return null;
	const now = source.clock();
	const setupTeam = floor.setup.teams.find((t) => t.teamId === teamId);
	const queueIds = setupTeam?.queues ?? [];
	const window = resolveWindow(floor, 'day', now);
	const views = agentViews(floor, now, { teamIds: [teamId], window });
	const agentIds = new Set(views.map((v) => v.agentId));
	const alerts = source
		.activeAlerts()
		.filter((a) =>
			a.agentId !== null ? agentIds.has(a.agentId) : a.queueIds.some((q) => queueIds.includes(q))
		);
	const flags = flagsByAgent(alerts);
	const monitors = monitorsByAgent(floor, agentIds, source.monitorName ?? (() => null));
	const agents = views.map((v) => rowOf(v, flags.get(v.agentId) ?? [], monitors.get(v.agentId) ?? []));
	return {
		teamId,
		name: setupTeam?.name ?? (teamId ? { 'zh-CN': teamId, en: teamId } : NO_TEAM_NAME),
		agents,
		queues: queueIds.length > 0 ? queueFigures(floor, 'day', now, queueIds).queues : [],
		alerts,
		radar: buildRadar(alerts, agents)
	};
}

function rowOf(view: AgentView, flags: AgentFlag[], monitors: MonitorView[]): ConsoleAgentRow {
	const f = view.figures;
	const handleSec = f ? f.stateSec.on_contact + f.stateSec.wrap_up : 0;
	return {
		agentId: view.agentId,
		name: view.name,
		teamId: view.teamId,
		queues: view.queues,
		state: view.state,
		reason: view.reason,
		sinceMs: view.sinceMs,
		load: round(view.load, 100),
		contacts: view.contacts.map(({ durationSec: _d, sinceAnsweredSec: _s, ...c }) => c),
		handled: f?.handled ?? 0,
		// Rounded so a row changes when a person would see a difference, not on every tick.
		ahtSec: f && f.handled > 0 ? Math.round(handleSec / f.handled) : null,
		occupancy: f?.occupancy == null ? null : round(f.occupancy, 100),
		flags,
		monitors
	};
}

function flagsByAgent(alerts: AlertView[]): Map<string, AgentFlag[]> {
	const byAgent = new Map<string, AgentFlag[]>();
	for (const alert of alerts) {
		if (!alert.agentId || !FLAG_CAUSES.has(alert.cause)) continue;
		const list = byAgent.get(alert.agentId) ?? [];
		if (!list.includes(alert.cause as AgentFlag)) list.push(alert.cause as AgentFlag);
		byAgent.set(alert.agentId, list);
	}
	return byAgent;
}

/**
 * Every live session on the team's agents, with the supervisor's current display name: a name change
 * changes the row, so the next patch carries it to every console.
 */
function monitorsByAgent(
	floor: Floor,
	agentIds: Set<string>,
	nameOf: (supervisorId: string) => string | null
): Map<string, MonitorView[]> {
	const byAgent = new Map<string, MonitorView[]>();
	for (const [sessionId, s] of floor.supervisions) {
		if (!agentIds.has(s.agentId)) continue;
		const list = byAgent.get(s.agentId) ?? [];
		list.push({
			sessionId,
			supervisorId: s.supervisorId,
			supervisorName: nameOf(s.supervisorId),
			mode: s.mode,
			sinceMs: s.sinceMs
		});
		byAgent.set(s.agentId, list);
	}
	return byAgent;
}

const round = (value: number, per: number) => Math.round(value * per) / per;
