import type { LocalizedName } from '../centre/setup';
import type { AgentContactView, DisplayedState, QueueFigures } from '../metrics/figures';
import type { AlertCause, AlertSeverity, AlertView } from './alert-frames';
import type { Freshness } from './frames';

/**
 * The supervisor console's view of one team, `team:<teamId>`: a `team.snapshot.v1` on subscribe, then
 * `team.patch.v1` with the rows that changed. Versioned like every frame: a new shape gets a new name.
 */
export type SupervisionModeName = 'listen' | 'whisper' | 'barge' | 'takeover';

/** A live supervision session on an agent: who is listening in, and how. */
export interface MonitorView {
	sessionId: string;
	/** The username the platform echoes (`issuedBy` of the command). */
	supervisorId: string;
	/**
	 * Their display name now, read by the server and updated live; null when the server has not read it
	 * yet or the id has no local account (added to v1: absent from older servers).
	 */
	supervisorName: string | null;
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

/** What one click on a radar item does: force the agent ready, or start listening / barging on the call. */
export type RadarAction = 'force_ready' | 'supervise';

/**
 * One outlier on the stuck-state radar, from an active agent alert and the agent's row. The numbers tick
 * in the browser from `startMs` (like a row's time in state), so the item only changes when the alert does.
 */
export interface RadarItem {
	alertId: string;
	agentId: string;
	agentName: string;
	teamId: string;
	cause: AgentFlag;
	severity: AlertSeverity;
	/** Start of what is being measured: the not-ready state, the ring, the hold, the talk, the login. */
	startMs: number;
	/** The limit it is over (seconds); null for RONA, which counts ring-outs instead. */
	limitSec: number | null;
	/** Ring-outs in the window, for RONA; null otherwise. */
	count: number | null;
	/** The not-ready reason code (break, lunch …) for a not-ready overrun; null otherwise. */
	reason: string | null;
	/** The call to supervise, for `supervise`. */
	contactId: string | null;
	action: RadarAction | null;
}

export interface TeamData {
	teamId: string;
	name: LocalizedName;
	agents: ConsoleAgentRow[];
	/** The team's queues, today. */
	queues: QueueFigures[];
	/** Active alerts about the team's agents and queues, most urgent first. */
	alerts: AlertView[];
	/** The teams' outliers, most severe then oldest first (added to v1: older clients ignore it). */
	radar: RadarItem[];
}

/** Changed rows only; a list that changed at all (queues, alerts) is sent whole. */
export interface TeamPatch {
	agents?: ConsoleAgentRow[];
	removedAgentIds?: string[];
	queues?: QueueFigures[];
	alerts?: AlertView[];
	radar?: RadarItem[];
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

/**
 * Radar order, shared by the server (per team) and the console (teams merged): red before yellow, then
 * the oldest start first, so the longest red overrun leads.
 */
export function compareRadarItems(a: RadarItem, b: RadarItem): number {
	return (
		Number(a.severity !== 'red') - Number(b.severity !== 'red') ||
		a.startMs - b.startMs ||
		a.agentName.localeCompare(b.agentName) ||
		a.alertId.localeCompare(b.alertId)
	);
}
