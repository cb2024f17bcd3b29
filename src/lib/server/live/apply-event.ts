import type { CcEvent, EventOf } from '../../shared/contract';
import { sweepIdleTrails } from './agent-time';
import { noteAnomaly, type Floor } from './floor-state';
import { deleteOldest } from './oldest-first';
import { onLogin, onLogout, onState } from './reduce-agent';
import {
	onAnswered,
	onEnded,
	onHeld,
	onResumed,
	onRinging,
	onRona,
	onSurvey,
	onTransferred,
	onWrapped
} from './reduce-contact';
import { onLeftQueue, onQueued } from './reduce-queue';
import { onSnapshot } from './snapshot';

/**
 * Folds one validated event into the floor. Never throws: events may arrive late, twice, out of order
 * or contradicting each other (a platform restart, a lost message); what makes sense is applied, the
 * rest is counted in `floor.anomalies`.
 *
 * Everything is attributed by event time, so a replay of the log rebuilds exactly the same floor and
 * replicas agree. `nowMs` (the receive clock) only bounds that time from above: see withinClock.
 */
export function applyEvent(floor: Floor, event: CcEvent, nowMs: number): void {
	floor.eventsApplied++;
	const e = withinClock(floor, event, nowMs);
	if (floor.lastEventTs === null || e.ts > floor.lastEventTs) floor.lastEventTs = e.ts;
	try {
		dispatch(floor, e);
	} catch {
		// A reducer bug must cost one event, not the floor: noted so it shows on /metrics.
		noteAnomaly(floor, `${e.type}:reducer_error`);
	}
	sweepIdleTrails(floor);
}

/**
 * An event stamped further ahead of the receive clock than `limits.maxAheadMs` is taken as happening
 * at the receive clock plus that tolerance, and counted (anomaly `ts_ahead_of_clock`, `floor.clockSkew`).
 * Left alone, one source with a wrong clock would move `asOf` into the future, start agents' pieces
 * there (their time would stop counting until the clock caught up) and fill the 10 s buckets ahead,
 * so the current ones would be refused as too old: every sliding window frozen. Events within the
 * tolerance, and replays of the log (received long after they happened), are untouched, so replicas
 * and replays still agree except on the skewed events themselves.
 */
function withinClock(floor: Floor, event: CcEvent, nowMs: number): CcEvent {
	if (!Number.isFinite(nowMs)) return event;
	const latestMs = nowMs + floor.limits.maxAheadMs;
	const asOf = event.type === 'floor.snapshot' ? event.asOf : Number.NEGATIVE_INFINITY;
	if (event.ts <= latestMs && asOf <= latestMs) return event;
	const skew = floor.clockSkew;
	skew.aheadEvents++;
	skew.maxAheadMs = Math.max(skew.maxAheadMs, Math.max(event.ts, asOf) - nowMs);
	skew.lastSource = event.source;
	noteAnomaly(floor, 'ts_ahead_of_clock');
	const ts = Math.min(event.ts, latestMs);
	return event.type === 'floor.snapshot'
		? { ...event, ts, asOf: Math.min(asOf, latestMs) }
		: { ...event, ts };
}

function dispatch(floor: Floor, e: CcEvent): void {
	switch (e.type) {
		case 'agent.login':
			return onLogin(floor, e);
		case 'agent.state':
			return onState(floor, e);
		case 'agent.logout':
			return onLogout(floor, e);
		case 'contact.queued':
			return onQueued(floor, e);
		case 'contact.ringing':
			return onRinging(floor, e);
		case 'contact.rona':
			return onRona(floor, e);
		case 'contact.answered':
			return onAnswered(floor, e);
		case 'contact.held':
			return onHeld(floor, e);
		case 'contact.resumed':
			return onResumed(floor, e);
		case 'contact.transferred':
			return onTransferred(floor, e);
		case 'contact.abandoned':
		case 'contact.flowed_out':
			return onLeftQueue(floor, e);
		case 'contact.ended':
			return onEnded(floor, e);
		case 'contact.wrapped':
			return onWrapped(floor, e);
		case 'contact.survey':
			return onSurvey(floor, e);
		case 'supervision.started':
		case 'supervision.changed':
		case 'supervision.ended':
			return onSupervision(floor, e);
		case 'floor.snapshot':
			return onSnapshot(floor, e);
		default:
			noteAnomaly(floor, 'unknown_type');
	}
}

/** What the platform actually did for a supervision request; kept while the session lasts. */
function onSupervision(
	floor: Floor,
	e: EventOf<'supervision.started' | 'supervision.changed' | 'supervision.ended'>
): void {
	if (e.type === 'supervision.started') {
		floor.supervisions.set(e.sessionId, {
			supervisorId: e.supervisorId,
			agentId: e.agentId,
			contactId: e.contactId,
			mode: e.mode,
			sinceMs: e.ts,
			modeSinceMs: e.ts
		});
		const contact = floor.contacts.get(e.contactId);
		// Sessions on an open contact go with it; one on a contact the floor does not know is kept until
		// its supervision.ended, as the platform reported it (bounded, should that never come).
		if (contact) (contact.sessions ??= new Set()).add(e.sessionId);
		if (floor.supervisions.size > floor.limits.supervisions) deleteOldest(floor.supervisions);
		return;
	}
	const session = floor.supervisions.get(e.sessionId);
	if (!session) {
		noteAnomaly(floor, `${e.type}:unknown_session`);
		return;
	}
	if (e.type === 'supervision.changed') {
		if (session.mode !== e.mode) session.modeSinceMs = e.ts;
		session.mode = e.mode;
		return;
	}
	floor.supervisions.delete(e.sessionId);
	floor.contacts.get(session.contactId)?.sessions?.delete(e.sessionId);
}
