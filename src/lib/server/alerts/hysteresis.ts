import type { AlertChange, AlertView } from '../../shared/protocol/alert-frames';
import { alertIdOf, slotStartMs } from './alert-id';
import type { AlertState, Condition, Tracker } from './alert-state';

/**
 * Folds one pass's conditions into the alerts, with hysteresis per subject:
 *
 * - raise once the condition has held `raiseAfterSec` without a break (a break restarts the count);
 * - clear once it has been false `clearAfterSec` without a break (holding again meanwhile keeps the
 *   same alert: no flapping, no duplicate);
 * - escalate to red once red has held `raiseAfterSec`, de-escalate once red has been gone
 *   `clearAfterSec`, on the same alert.
 *
 * Costs O(conditions + trackers): subjects nothing holds for are neither visited nor stored.
 */
export function foldConditions(state: AlertState, conditions: Condition[], nowMs: number): AlertChange[] {
	const pass = ++state.pass;
	const changes: AlertChange[] = [];
	for (const condition of conditions) {
		const change = holds(state, condition, nowMs, pass);
		if (change) changes.push(change);
	}
	for (const tracker of [...state.trackers.values()]) {
		if (tracker.seenPass === pass) continue;
		const change = doesNotHold(state, tracker, nowMs);
		if (change) changes.push(change);
	}
	return changes;
}

function holds(state: AlertState, c: Condition, nowMs: number, pass: number): AlertChange | null {
	let tracker = state.trackers.get(c.subject);
	// Two conditions for one subject in a pass would be one alert twice: the first found wins.
	if (tracker?.seenPass === pass) return null;
	if (!tracker) {
		tracker = {
			subject: c.subject,
			kind: c.kind,
			anchorMs: c.anchorMs ?? slotStartMs(nowMs, state.settings.queueEveryMs),
			trueSinceMs: nowMs,
			redSinceMs: null,
			notRedSinceMs: null,
			falseSinceMs: null,
			alert: null,
			pushedAtMs: nowMs,
			seenPass: pass
		};
		state.trackers.set(c.subject, tracker);
	}
	tracker.seenPass = pass;
	tracker.falseSinceMs = null;
	if (c.severity === 'red') {
		tracker.redSinceMs ??= nowMs;
		tracker.notRedSinceMs = null;
	} else {
		tracker.notRedSinceMs ??= nowMs;
		tracker.redSinceMs = null;
	}
	const { raiseAfterSec, clearAfterSec } = state.settings.hysteresis[c.kind];
	const redHeld = tracker.redSinceMs !== null && nowMs - tracker.redSinceMs >= raiseAfterSec * 1000;
	const alert = tracker.alert;
	if (!alert) {
		if (nowMs - tracker.trueSinceMs < raiseAfterSec * 1000) return null;
		const raised = newAlert(c, tracker, redHeld ? 'red' : 'yellow', nowMs);
		tracker.alert = raised;
		tracker.pushedAtMs = nowMs;
		// The same episode again (a call back over its limit after a hold): one alert, not a cleared twin.
		state.cleared.delete(raised.alertId);
		state.active.set(raised.alertId, raised);
		return { change: 'raised', alert: raised };
	}
	let severity = alert.severity;
	if (severity === 'yellow' && redHeld) severity = 'red';
	const redGone = tracker.notRedSinceMs !== null && nowMs - tracker.notRedSinceMs >= clearAfterSec * 1000;
	if (severity === 'red' && redGone) severity = 'yellow';
	const escalated = severity !== alert.severity;
	const stale = nowMs - tracker.pushedAtMs >= state.settings.refreshEveryMs;
	const moved = alert.cause !== c.cause || alert.reason.en !== c.reason.en;
	// The reason's numbers tick every second (a call's duration); sending each tick to every screen would
	// be noise, so numbers go out with a severity or cause change, else at most every refreshEveryMs.
	if (!escalated && !(moved && (stale || alert.cause !== c.cause))) return null;
	alert.severity = severity;
	alert.cause = c.cause;
	alert.reason = c.reason;
	alert.figures = c.figures;
	alert.queueIds = c.queueIds;
	alert.updatedAtMs = nowMs;
	tracker.pushedAtMs = nowMs;
	return { change: 'updated', alert };
}

function doesNotHold(state: AlertState, tracker: Tracker, nowMs: number): AlertChange | null {
	const alert = tracker.alert;
	if (!alert) {
		state.trackers.delete(tracker.subject);
		return null;
	}
	tracker.falseSinceMs ??= nowMs;
	tracker.redSinceMs = null;
	tracker.notRedSinceMs ??= nowMs;
	const { clearAfterSec } = state.settings.hysteresis[tracker.kind];
	if (nowMs - tracker.falseSinceMs < clearAfterSec * 1000) return null;
	state.trackers.delete(tracker.subject);
	state.active.delete(alert.alertId);
	alert.state = 'cleared';
	alert.clearedAtMs = nowMs;
	alert.updatedAtMs = nowMs;
	state.cleared.set(alert.alertId, alert);
	if (state.cleared.size > state.settings.clearedKept) {
		const oldest = state.cleared.keys().next();
		if (!oldest.done) state.cleared.delete(oldest.value);
	}
	return { change: 'cleared', alert };
}

function newAlert(c: Condition, tracker: Tracker, severity: AlertView['severity'], nowMs: number): AlertView {
	return {
		alertId: alertIdOf(c.subject, tracker.anchorMs),
		kind: c.kind,
		cause: c.cause,
		subject: c.subject,
		severity,
		state: 'active',
		queueId: c.queueId,
		agentId: c.agentId,
		contactId: c.contactId,
		queueIds: c.queueIds,
		sinceMs: tracker.trueSinceMs,
		raisedAtMs: nowMs,
		updatedAtMs: nowMs,
		clearedAtMs: null,
		reason: c.reason,
		figures: c.figures,
		acks: [],
		snoozes: []
	};
}
