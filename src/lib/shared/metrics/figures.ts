import type { Channel } from '../contract/envelope';
import type { LocalizedName, SlFormula } from '../centre/setup';

/** Windows a figure can be asked for (METRICS.md "Windows and attribution"). */
export const WINDOWS = ['now', 'day'] as const;
export type MetricWindow = (typeof WINDOWS)[number];

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
}
