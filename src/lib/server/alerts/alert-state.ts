import type { CcEvent } from '../../shared/contract';
import type {
	AlertCause,
	AlertKind,
	AlertSeverity,
	AlertText,
	AlertView
} from '../../shared/protocol/alert-frames';
import { alertSettings, type AlertSettings, type AlertSettingsInput } from './settings';

/** What an evaluation pass found to hold for one subject right now. */
export interface Condition {
	subject: string;
	kind: AlertKind;
	cause: AlertCause;
	severity: AlertSeverity;
	queueId: string | null;
	agentId: string | null;
	contactId: string | null;
	queueIds: string[];
	reason: AlertText;
	figures: Record<string, number | null>;
	/**
	 * Event time the condition's episode began as the floor records it (the call's answer, the start of
	 * the not-ready state, the login); absent for conditions read from window figures. Names the alert.
	 */
	anchorMs?: number;
}

/** Hysteresis bookkeeping of one subject, from the first pass its condition held until it clears. */
export interface Tracker {
	subject: string;
	kind: AlertKind;
	/** The episode's anchor (see Condition.anchorMs, or the pass slot it was first seen in): the alert's id. */
	anchorMs: number;
	/** Since when the condition has held without a break (before the alert is raised). */
	trueSinceMs: number;
	/** Since when it has held at red / below red; null while the other holds. */
	redSinceMs: number | null;
	notRedSinceMs: number | null;
	/** Since when the condition has been false while the alert is active. */
	falseSinceMs: number | null;
	alert: AlertView | null;
	/** Last time the alert was sent out (raised or updated). */
	pushedAtMs: number;
	/** The pass that last saw the condition hold. */
	seenPass: number;
}

export interface AlertState {
	/** Replaced whole when the settings API changes them; a pass reads them once at its start. */
	settings: AlertSettings;
	/** When this state began (a restart): alerts first seen soon after may continue an earlier episode. */
	readonly startedAtMs: number;
	readonly trackers: Map<string, Tracker>;
	/** Active alerts by id (also reachable through their tracker). */
	readonly active: Map<string, AlertView>;
	/** Recently cleared alerts by id, oldest first, capped at `settings.clearedKept`. */
	readonly cleared: Map<string, AlertView>;
	/** Ring-no-answer times per agent within the RONA window, oldest first. */
	readonly ronas: Map<string, number[]>;
	/** Agents logged in and not yet ready since, with the login time. */
	readonly neverReady: Map<string, number>;
	/** Queue conditions of the last queue pass, re-applied between passes. */
	queueConditions: Condition[];
	lastQueuePassMs: number;
	pass: number;
}

export function createAlertState(
	options: { settings?: AlertSettingsInput; startedAtMs?: number } = {}
): AlertState {
	return {
		settings: alertSettings(options.settings),
		trackers: new Map(),
		active: new Map(),
		cleared: new Map(),
		ronas: new Map(),
		neverReady: new Map(),
		queueConditions: [],
		lastQueuePassMs: Number.NEGATIVE_INFINITY,
		pass: 0,
		startedAtMs: options.startedAtMs ?? 0
	};
}

/** Most ring-outs kept per agent: enough for red (twice the count) in any window. */
const RONAS_KEPT = 32;

/**
 * The few facts alerts need that the floor does not keep: when an agent let contacts ring out, and
 * whether an agent has been ready since logging in. O(1) per event, so it can run on every event;
 * everything else is read from the floor at evaluation time.
 */
export function observeEvent(state: AlertState, event: CcEvent): void {
	switch (event.type) {
		case 'contact.rona': {
			let times = state.ronas.get(event.agentId);
			if (!times) state.ronas.set(event.agentId, (times = []));
			times.push(event.ts);
			if (times.length > RONAS_KEPT) times.shift();
			return;
		}
		case 'agent.login':
			if (!state.neverReady.has(event.agentId)) state.neverReady.set(event.agentId, event.ts);
			return;
		case 'agent.state':
			if (event.state === 'ready') state.neverReady.delete(event.agentId);
			return;
		case 'agent.logout':
			state.neverReady.delete(event.agentId);
			return;
		default:
			return;
	}
}

/** Ring-outs of the agent since `fromMs`; older ones are dropped on the way. */
export function recentRonas(state: AlertState, agentId: string, fromMs: number): number {
	const times = state.ronas.get(agentId);
	if (!times) return 0;
	while (times.length > 0 && times[0]! < fromMs) times.shift();
	if (times.length === 0) state.ronas.delete(agentId);
	return times.length;
}

/** An active or recently cleared alert. */
export function findAlert(state: AlertState, alertId: string): AlertView | null {
	return state.active.get(alertId) ?? state.cleared.get(alertId) ?? null;
}
