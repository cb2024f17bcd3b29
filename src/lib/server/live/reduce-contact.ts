import type { EventOf } from '../../shared/contract';
import { countSurvey } from '../../shared/metrics/outcomes';
import { freshCounts, recordQueueCounts } from './accumulate';
import { ensureAgent } from './agent-state';
import {
	addLeg,
	countTransferredLeg,
	countWrappedLeg,
	dropRingingLegs,
	endOffer,
	finishIfDone,
	openContact,
	removeLeg,
	setLegStatus,
	stopTalk
} from './contacts';
import { noteAnomaly, type ContactRec, type Floor, type Leg } from './floor-state';
import { offerTo } from './reduce-queue';

/** Agent-side contact events: ringing, answer, hold, transfer, end, wrap-up; and surveys. */

function contactFor(
	floor: Floor,
	e: { type: string; contactId: string },
	revive: boolean
): ContactRec | null {
	const contact = revive ? openContact(floor, e.contactId) : (floor.contacts.get(e.contactId) ?? null);
	if (!contact) noteAnomaly(floor, `${e.type}:unknown_contact`);
	return contact;
}

export function onRinging(floor: Floor, e: EventOf<'contact.ringing'>): void {
	const contact = contactFor(floor, e, true);
	if (!contact) return;
	const existing = contact.legs.get(e.agentId);
	if (existing && existing.status !== 'transferred') {
		noteAnomaly(
			floor,
			existing.status === 'ringing' ? 'contact.ringing:repeated' : 'contact.ringing:already_connected'
		);
		return;
	}
	// A contact rings one agent at a time; a new ring without a RONA means the platform moved it on.
	if (dropRingingLegs(floor, contact, e.ts) > 0) noteAnomaly(floor, 'contact.ringing:without_rona');
	addLeg(floor, contact, ensureAgent(floor, e.agentId, e.ts, `${e.type}:unknown_agent`), 'ringing', e.ts);
}

/** Ring-no-answer: the ring ends and the contact is simply still waiting, with its original queuedAt. */
export function onRona(floor: Floor, e: EventOf<'contact.rona'>): void {
	const contact = contactFor(floor, e, false);
	if (!contact) return;
	const leg = contact.legs.get(e.agentId);
	if (leg?.status !== 'ringing') {
		noteAnomaly(floor, 'contact.rona:not_ringing');
		return;
	}
	removeLeg(floor, contact, leg, e.ts);
	finishIfDone(floor, contact);
}

export function onAnswered(floor: Floor, e: EventOf<'contact.answered'>): void {
	const contact = contactFor(floor, e, true);
	if (!contact) return;
	const existing = contact.legs.get(e.agentId);
	if (existing && existing.status !== 'ringing' && existing.status !== 'transferred') {
		noteAnomaly(floor, 'contact.answered:already_connected');
		return;
	}
	const agent = ensureAgent(floor, e.agentId, e.ts, `${e.type}:unknown_agent`);
	dropRingingLegs(floor, contact, e.ts, e.agentId);
	// Without an open offer (a transfer straight to an agent) there is no queue outcome, only a new leg,
	// credited to the contact's last queue.
	endOffer(floor, contact, 'answered', e.ts);
	if (existing?.status === 'ringing') removeLeg(floor, contact, existing, e.ts);
	addLeg(floor, contact, agent, 'talking', e.ts);
}

/** The leg a hold or resume is about: the contact names no agent, so take the latest connected one. */
function connectedLeg(contact: ContactRec, status: 'talking' | 'held'): Leg | null {
	let found: Leg | null = null;
	for (let i = 0; i < contact.legs.size; i++) {
		const leg = contact.legs.at(i);
		if (leg.status === status && (!found || leg.sinceMs >= found.sinceMs)) found = leg;
	}
	return found;
}

export function onHeld(floor: Floor, e: EventOf<'contact.held'>): void {
	const contact = contactFor(floor, e, false);
	if (!contact) return;
	const leg = connectedLeg(contact, 'talking');
	if (!leg) {
		noteAnomaly(floor, 'contact.held:not_talking');
		return;
	}
	leg.holdStartMs = e.ts;
	setLegStatus(floor, leg, 'held', e.ts);
}

export function onResumed(floor: Floor, e: EventOf<'contact.resumed'>): void {
	const contact = contactFor(floor, e, false);
	if (!contact) return;
	const leg = connectedLeg(contact, 'held');
	if (!leg) {
		noteAnomaly(floor, 'contact.resumed:not_held');
		return;
	}
	if (leg.holdStartMs !== null) leg.holdMs += Math.max(0, e.ts - leg.holdStartMs);
	leg.holdStartMs = null;
	setLegStatus(floor, leg, 'talking', e.ts);
}

/**
 * The leg of `fromAgentId` ends here (handle figures without wrap-up); with toQueueId the contact is a
 * new offer to that queue; with only toAgentId the next agent's ringing or answer follows.
 */
export function onTransferred(floor: Floor, e: EventOf<'contact.transferred'>): void {
	const contact = contactFor(floor, e, true);
	if (!contact) return;
	const leg = contact.legs.get(e.fromAgentId);
	if (leg && (leg.status === 'talking' || leg.status === 'held')) {
		countTransferredLeg(floor, leg, e.ts);
		setLegStatus(floor, leg, 'transferred', e.ts);
	} else if (leg?.status === 'ringing') {
		removeLeg(floor, contact, leg, e.ts);
		noteAnomaly(floor, 'contact.transferred:not_connected');
	} else {
		noteAnomaly(floor, 'contact.transferred:not_connected');
	}
	if (e.toQueueId !== undefined) offerTo(floor, contact, e.toQueueId, e.ts);
	finishIfDone(floor, contact);
}

export function onEnded(floor: Floor, e: EventOf<'contact.ended'>): void {
	const contact = contactFor(floor, e, true);
	if (!contact) return;
	const leg = contact.legs.get(e.agentId);
	if (!leg || leg.status === 'ringing') {
		noteAnomaly(floor, leg ? 'contact.ended:while_ringing' : 'contact.ended:no_leg');
		if (leg) removeLeg(floor, contact, leg, e.ts);
		finishIfDone(floor, contact);
		return;
	}
	if (leg.status === 'wrapup') {
		noteAnomaly(floor, 'contact.ended:repeated');
		return;
	}
	if (leg.status === 'transferred') {
		// After a transfer the talk is already counted; from now on the agent is in wrap-up for it.
		leg.endedAtMs = e.ts;
	} else {
		stopTalk(leg, e.ts);
	}
	setLegStatus(floor, leg, 'wrapup', e.ts);
}

export function onWrapped(floor: Floor, e: EventOf<'contact.wrapped'>): void {
	const contact = contactFor(floor, e, true);
	if (!contact) return;
	const leg = contact.legs.get(e.agentId);
	if (!leg || leg.status === 'ringing' || leg.status === 'transferred') {
		noteAnomaly(floor, 'contact.wrapped:not_in_wrapup');
		finishIfDone(floor, contact);
		return;
	}
	// Wrapped straight from talking: the end was lost; count the talk up to now, with no wrap-up.
	if (leg.status !== 'wrapup') noteAnomaly(floor, 'contact.wrapped:without_end');
	countWrappedLeg(floor, leg, e.ts);
	removeLeg(floor, contact, leg, e.ts);
	finishIfDone(floor, contact);
}

/** Counted for the contact's (last) queue, in the window the survey arrived: CSAT is "surveys received". */
export function onSurvey(floor: Floor, e: EventOf<'contact.survey'>): void {
	const queueId = floor.contacts.get(e.contactId)?.queueId ?? floor.recentContacts.queueIdOf(e.contactId);
	if (queueId === undefined) {
		noteAnomaly(floor, 'contact.survey:unknown_contact');
		return;
	}
	const counts = freshCounts();
	countSurvey(counts, e.score);
	recordQueueCounts(floor, queueId, e.ts, counts);
}
