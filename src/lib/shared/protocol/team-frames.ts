import type { LocalizedName } from '../centre/setup';
import type { AgentContactView, DisplayedState, QueueFigures } from '../metrics/figures';
import type { AlertCause, AlertView } from './alert-frames';
import type { Freshness } from './frames';

/**
 * The supervisor console's view of one team, `team:<teamId>`: a `team.snapshot.v1` on subscribe, then
 * `team.patch.v1` with the rows that changed. Versioned like every frame: a new shape gets a new name.
 */
export type SupervisionModeName = 'listen' | 'whisper' | 'barge' | 'takeover';

/** A live supervision session on an agent: who is listening in, and how. */
export interface MonitorView {
	sessionId: string;
	supervisorId: string;
	mode: SupervisionModeName;
	sinceMs: number;
}

/** The console flags an agent can carry, from the alerts service. */
export type AgentFlag = Extract<
	AlertCause,
	'talk' | 'hold' | 'wrap_up' | 'not_ready_over' | 'ringing' | 'rona' | 'never_ready'
>;

/** One agent row. Durations tick in the browser from the `sinceMs` times and the server clock. */
export interface ConsoleAgentRow {
	agentId: string;
	name: string;
	teamId: string;
	queues: string[];
	state: DisplayedState;
	reason: string | null;
	sinceMs: number;
	/** Σ 1 ÷ capacity over open contacts (a chat agent on two of three chats: 0.67). */
	load: number;
	contacts: Array<Omit<AgentContactView, 'durationSec' | 'sinceAnsweredSec'>>;
	/** Today (the centre's local day). */
	handled: number;
	ahtSec: number | null;
	occupancy: number | null;
	flags: AgentFlag[];
	monitors: MonitorView[];
}

export interface TeamData {
	teamId: string;
	name: LocalizedName;
	agents: ConsoleAgentRow[];
	/** The team's queues, today. */
	queues: QueueFigures[];
	/** Active alerts about the team's agents and queues, most urgent first. */
	alerts: AlertView[];
}

/** Changed rows only; a list that changed at all (queues, alerts) is sent whole. */
export interface TeamPatch {
	agents?: ConsoleAgentRow[];
	removedAgentIds?: string[];
	queues?: QueueFigures[];
	alerts?: AlertView[];
}

export interface TeamSnapshotFrame {
	type: 'team.snapshot.v1';
	view: string;
	seq: number;
	freshness: Freshness;
	data: TeamData;
}

export interface TeamPatchFrame {
	type: 'team.patch.v1';
	view: string;
	seq: number;
	freshness: Freshness;
	data: TeamPatch;
}

export type TeamFrame = TeamSnapshotFrame | TeamPatchFrame;

/** View names: `team:<teamId>`; only those who may read the team are subscribed. */
export function teamView(teamId: string): string {
	return `team:${teamId}`;
}
