import type { Freshness } from './frames';

/**
 * Alerts as they travel to screens and API clients. Shapes are versioned with the frames that carry
 * them (`alerts.v1`, `alert.v1`): a TV on an old bundle keeps reading the fields it knows.
 */
export const ALERT_KINDS = ['answer_rate_drop', 'long_contact', 'stuck_state', 'service_level_risk'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/**
 * What exactly holds: long contacts are about talk, hold or wrap-up; stuck states about a not-ready
 * reason over its limit, a long ring, repeated ring-no-answer or an agent staffed and never ready.
 */
export type AlertCause =
	| 'answer_rate'
	| 'talk'
	| 'hold'
	| 'wrap_up'
	| 'not_ready_over'
	| 'ringing'
	| 'rona'
	| 'never_ready'
	| 'service_level';

export const ALERT_SEVERITIES = ['yellow', 'red'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];
export type AlertStatus = 'active' | 'cleared';

export interface AlertText {
	'zh-CN': string;
	en: string;
}

export interface AlertAck {
	user: string;
	atMs: number;
	/** Severity when acknowledged: an alert that escalates afterwards deserves a new look. */
	severity: AlertSeverity;
}

export interface AlertSnooze {
	user: string;
	untilMs: number;
}

export interface AlertView {
	alertId: string;
	kind: AlertKind;
	cause: AlertCause;
	/** One alert per subject while it holds: kind plus queue, agent or contact. */
	subject: string;
	severity: AlertSeverity;
	state: AlertStatus;
	queueId: string | null;
	agentId: string | null;
	contactId: string | null;
	/** Queues the alert is about (a board shows the alerts of its queues); an agent's skills for agent alerts. */
	queueIds: string[];
	/** When the condition started to hold, when the alert was raised, last changed, cleared (epoch ms). */
	sinceMs: number;
	raisedAtMs: number;
	updatedAtMs: number;
	clearedAtMs: number | null;
	/** The sentence a person reads, with the numbers, in both UI languages. */
	reason: AlertText;
	/** The numbers behind the reason, for integrations (rates as fractions, durations in seconds). */
	figures: Record<string, number | null>;
	acks: AlertAck[];
	snoozes: AlertSnooze[];
}

export type AlertChangeType = 'raised' | 'updated' | 'cleared';

export interface AlertChange {
	change: AlertChangeType;
	alert: AlertView;
}

/** Alerts of one board: a snapshot on subscribe to `alerts:<boardId>`, then one `alert.v1` per change. */
export interface AlertsSnapshotFrame {
	type: 'alerts.v1';
	view: string;
	freshness: Freshness;
	alerts: AlertView[];
}

export interface AlertChangeFrame {
	type: 'alert.v1';
	freshness: Freshness;
	change: AlertChangeType;
	alert: AlertView;
}

/** View names: `alerts:<boardId>`, the active alerts of that board's queues. */
export function alertsView(boardId: string): string {
	return `alerts:${boardId}`;
}

/** Whether an alert belongs on a board showing `boardQueueIds` (empty: every queue). */
export function alertOnBoard(alert: Pick<AlertView, 'queueIds'>, boardQueueIds: readonly string[]): boolean {
	return boardQueueIds.length === 0 || alert.queueIds.some((q) => boardQueueIds.includes(q));
}
