import { z } from 'zod';
import type { AlertChange, AlertView } from '../../shared/protocol/alert-frames';
import { findAlert, type AlertState } from './alert-state';

/**
 * Who acknowledges or snoozes. There are no user accounts yet, so the request names its user; once
 * accounts exist the signed-in user replaces this field and a request naming someone else is refused.
 */
const User = z
	.string({ error: 'user is required: the name or id of the person acting' })
	.trim()
	.min(1, 'user must not be empty')
	.max(64, 'user must be at most 64 characters')
	.regex(/^[\p{L}\p{N}._@-]+$/u, 'user may contain letters, digits and . _ @ - only');

export const AckBody = z.object({ user: User }).strict();
export type AckBody = z.infer<typeof AckBody>;

/** Longest snooze: a day; a forgotten snooze must not hide an alert for a week. */
export const MAX_SNOOZE_MINUTES = 24 * 60;

export const SnoozeBody = z
	.object({
		user: User,
		minutes: z
			.number({ error: 'minutes must be a number' })
			.int('minutes must be a whole number')
			.min(1, 'minutes must be at least 1')
			.max(MAX_SNOOZE_MINUTES, `minutes must be at most ${MAX_SNOOZE_MINUTES}`)
			.optional(),
		untilMs: z
			.number({ error: 'untilMs must be epoch milliseconds' })
			.int('untilMs must be whole ms')
			.optional()
	})
	.strict()
	.refine((b) => (b.minutes === undefined) !== (b.untilMs === undefined), {
		message: 'give either minutes or untilMs',
		path: ['minutes']
	});
export type SnoozeBody = z.infer<typeof SnoozeBody>;

export type ActionResult =
	{ ok: true; change: AlertChange } | { ok: false; status: 400 | 404; message: string; field?: string };

/** Records (or renews) the user's acknowledgement; one per user, the latest wins. */
export function acknowledge(state: AlertState, alertId: string, user: string, nowMs: number): ActionResult {
	const alert = findAlert(state, alertId);
	if (!alert) return { ok: false, status: 404, message: `no alert "${alertId}"` };
	alert.acks = [
		...alert.acks.filter((a) => a.user !== user),
		{ user, atMs: nowMs, severity: alert.severity }
	];
	alert.updatedAtMs = nowMs;
	return { ok: true, change: { change: 'updated', alert } };
}

/** Hides the alert from that user until `untilMs`; other users still see it. */
export function snooze(state: AlertState, alertId: string, body: SnoozeBody, nowMs: number): ActionResult {
	const alert = findAlert(state, alertId);
	if (!alert) return { ok: false, status: 404, message: `no alert "${alertId}"` };
	const untilMs = body.untilMs ?? nowMs + (body.minutes ?? 0) * 60_000;
	if (untilMs <= nowMs)
		return { ok: false, status: 400, message: 'untilMs must be in the future', field: 'untilMs' };
	if (untilMs > nowMs + MAX_SNOOZE_MINUTES * 60_000) {
		return { ok: false, status: 400, message: 'untilMs must be within 24 h', field: 'untilMs' };
	}
	alert.snoozes = [
		...alert.snoozes.filter((s) => s.user !== body.user && s.untilMs > nowMs),
		{ user: body.user, untilMs }
	];
	alert.updatedAtMs = nowMs;
	return { ok: true, change: { change: 'updated', alert } };
}

export function snoozedFor(alert: AlertView, user: string, nowMs: number): boolean {
	return alert.snoozes.some((s) => s.user === user && s.untilMs > nowMs);
}

export interface AlertFilter {
	queueIds?: string[];
	kind?: AlertView['kind'];
	severity?: AlertView['severity'];
	state?: AlertView['state'];
	/** Leaves out what this user has snoozed. */
	user?: string;
}

/** Active (default) or cleared alerts matching the filter: red first, then newest raised first. */
export function listAlerts(state: AlertState, filter: AlertFilter, nowMs: number): AlertView[] {
	const source = filter.state === 'cleared' ? state.cleared.values() : state.active.values();
	const queues = filter.queueIds ? new Set(filter.queueIds) : null;
	const out: AlertView[] = [];
	for (const alert of source) {
		if (filter.kind && alert.kind !== filter.kind) continue;
		if (filter.severity && alert.severity !== filter.severity) continue;
		if (queues && !alert.queueIds.some((q) => queues.has(q))) continue;
		if (filter.user && snoozedFor(alert, filter.user, nowMs)) continue;
		out.push(alert);
	}
	return out.sort(byUrgency);
}

export function byUrgency(a: AlertView, b: AlertView): number {
	const rank = (x: AlertView) => (x.severity === 'red' ? 0 : 1);
	return rank(a) - rank(b) || b.raisedAtMs - a.raisedAtMs || (a.alertId < b.alertId ? -1 : 1);
}
