import type { CcEvent, EventOf } from '../../shared/contract';
import { noteAnomaly, type Floor } from './floor-state';
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
 * `nowMs` (server clock) is deliberately unused by the state: everything is attributed by event time,
 * so a replay of the log rebuilds exactly the same floor and replicas agree.
 */
export function applyEvent(floor: Floor, event: CcEvent, _nowMs: number): void {
	floor.eventsApplied++;
	if (floor.lastEventTs === null || event.ts > floor.lastEventTs) floor.lastEventTs = event.ts;
	try {
		dispatch(floor, event);
	} catch {
		// A reducer bug must cost one event, not the floor: noted so it shows on /metrics.
		noteAnomaly(floor, `${event.type}:reducer_error`);
	}
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
		if (floor.supervisions.size > floor.limits.supervisions) {
			const oldest = floor.supervisions.keys().next();
			if (!oldest.done) floor.supervisions.delete(oldest.value);
		}
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
