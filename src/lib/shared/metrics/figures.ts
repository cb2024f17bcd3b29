import type { Channel } from '../contract/envelope';
import type { LocalizedName, SlFormula } from '../centre/setup';

/**
 * Windows a figure can be asked for (METRICS.md "Windows and attribution"), one token each so a URL,
 * a board set-up and a formula card name a window the same way:
 * - `now`: instantaneous (live figures only, no counts);
 * - `rolling15|30|60`: the last 15/30/60 min, as whole 10 s buckets ending with the current one;
 * - `interval15|30`: the current clock-aligned 15/30 min interval in the centre's time zone;
 * - `shift`: since the start of the current shift of the set-up (none configured or running: no span);
 * - `day`: since local midnight in the centre's time zone.
 */
export const WINDOWS = [
	'now',
	'rolling15',
	'rolling30',
	'rolling60',
	'interval15',
	'interval30',
	'shift',
	'day'
] as const;
export type MetricWindow = (typeof WINDOWS)[number];

export function isMetricWindow(value: string): value is MetricWindow {
	return (WINDOWS as readonly string[]).includes(value);
}

/** The instants a window covers at a query: counts whose event time is in [startMs, endMs]. */
export interface WindowSpan {
	startMs: number;
	endMs: number;
}

/** The three service-level formulas side by side, so integrators can compare with the platform's figure. */
export type ServiceLevelVariants = Record<SlFormula, number | null>;

/**
 * Queue figures for one queue, one channel or the whole centre, over one window.
 * Rates are fractions 0..1 and `null` when there is nothing to divide by. Times are seconds.
 * `waiting` and `longestWaitSec` are always "now", whatever the window.
 */
export interface QueueFigures {
	queueId: string | null;
	name: LocalizedName;
	channel: Channel | null;
	unconfigured: boolean;
	slThresholdSec: number | null;
	slFormula: SlFormula | null;
	waiting: number;
	vipWaiting: number;
	longestWaitSec: number;
	offered: number;
	answered: number;
	abandoned: number;
	shortAbandoned: number;
	flowedOut: number;
	answeredWithin: number;
	abandonedWithin: number;
	handled: number;
	answerRate: number | null;
	abandonRate: number | null;
	serviceLevel: number | null;
	serviceLevelVariants: ServiceLevelVariants;
	asaSec: number | null;
	attSec: number | null;
	ahtSec: number | null;
	/** VIP contacts waiting now: the longest of their waits (0 when none). */
	longestVipWaitSec: number;
	/** Longest wait among the window's outcomes and the contacts still waiting (short abandons excluded). */
	maxWaitSec: number;
	/** Σ wrap-up ÷ Σ (talk + hold + wrap-up). */
	acwShare: number | null;
	/** Surveys received in the window, and the share scoring 4 or 5. */
	surveys: number;
	csat: number | null;
	surveysSatisfied: number;
	/** Longest wait among the window's VIP outcomes and the VIP contacts still waiting. */
	maxVipWaitSec: number;
	/** Offered contacts carrying a customerId, those that are 48 h repeats, and their ratio. */
	customerOffered: number;
	repeatOffered: number;
	repeatRate: number | null;
	/** Set on a team's row only (TeamQueueFigures). */
	teamId?: string | undefined;
}

/** The roll-up of the queues a team of the set-up lists. */
export interface TeamQueueFigures extends QueueFigures {
	teamId: string;
}

export const DISPLAYED_STATES = ['on_contact', 'wrap_up', 'ready', 'not_ready', 'offline'] as const;
export type DisplayedState = (typeof DISPLAYED_STATES)[number];

export interface AgentCounts {
	staffed: number;
	available: number;
	onContact: number;
	wrapUp: number;
	notReady: number;
	/** Not-ready agents by reason ('' when the platform gave none). */
	notReadyByReason: Record<string, number>;
}

export interface AgentContactView {
	contactId: string;
	queueId: string;
	channel: Channel;
	status: 'ringing' | 'talking' | 'held' | 'wrapup';
	sinceMs: number;
	vip: boolean;
	/** When the agent answered this contact (talk start), or null while ringing or when unknown. */
	answeredAtMs: number | null;
	/** Seconds in the current status (ringing, talking, held, wrap-up) at the query. */
	durationSec?: number;
	/** Seconds since the answer at the query, or null while ringing or when unknown. */
	sinceAnsweredSec?: number | null;
}

export interface AgentView {
	agentId: string;
	name: string;
	teamId: string;
	queues: string[];
	state: DisplayedState;
	/** Not-ready reason, or null. */
	reason: string | null;
	/** Epoch ms since which the agent has been in the displayed state. */
	sinceMs: number;
	load: number;
	contacts: AgentContactView[];
	/** Seconds in the displayed state at the query. */
	timeInStateSec?: number;
	/** The agent's figures over the window asked for (day or shift). */
	figures?: AgentWindowFigures;
}

/**
 * Agent figures over a window (METRICS.md "Agent figures"), for one agent or summed over a team.
 * Times are seconds; ratios are 0..1 and null with nothing to divide by.
 */
export interface AgentWindowFigures {
	handled: number;
	/** Logged in (or still on a contact after logout): the displayed state was not offline. */
	staffedSec: number;
	/** Ready or loaded: occupancy's denominator (not-ready time excluded). */
	readyOrLoadedSec: number;
	/** ∫ load dt, load = Σ 1 ÷ capacity[channel] over open contacts, capped at 1. */
	loadSec: number;
	/** ∫ load ÷ ∫ (ready or loaded). */
	occupancy: number | null;
	/** ∫ load ÷ staffed time. */
	utilization: number | null;
	/** Contacts handled per staffed hour. */
	cph: number | null;
	/** Time in each displayed state within the window. */
	stateSec: Record<Exclude<DisplayedState, 'offline'>, number>;
}
