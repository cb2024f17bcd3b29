import type { Channel } from '../../shared/contract';
import {
	countHandle,
	countOutcome,
	type HandleTimes,
	type OutcomeTags,
	type QueueOutcome
} from '../../shared/metrics/outcomes';
import { freshCounts, recordQueueCounts } from './accumulate';
import { isLive, refreshAgent } from './agent-state';
import { recordAgentHandled } from './agent-time';
import {
	ensureQueue,
	type AgentRec,
	type ContactRec,
	type Floor,
	type Leg,
	type LegStatus
} from './floor-state';
import { LegMap } from './leg-map';

/** Contact and leg lifecycle shared by the contact, agent and snapshot reducers. */

export function createContact(
	floor: Floor,
	contactId: string,
	channel: Channel,
	queueId: string
): ContactRec {
	const contact: ContactRec = {
		contactId,
		channel,
		vip: false,
		customerId: null,
		repeat: null,
		queueId,
		offer: null,
		legs: new LegMap('agentId'),
		sessions: null
	};
	floor.contacts.set(contactId, contact);
	return contact;
}

/**
 * The open contact, or a recently finished one brought back: a contact transferred straight to an
 * agent, or called back into a queue, continues under the same id after it looked finished.
 */
export function openContact(floor: Floor, contactId: string): ContactRec | null {
	const open = floor.contacts.get(contactId);
	if (open) return open;
	const recent = floor.recentContacts.take(contactId);
	if (!recent) return null;
	const contact = createContact(floor, contactId, recent.channel, recent.queueId);
	contact.vip = recent.vip;
	contact.customerId = recent.customerId;
	contact.repeat = recent.repeat;
	for (const leg of recent.dormantLegs ?? []) contact.legs.add(leg);
	return contact;
}

/** A finished contact is remembered (bounded, oldest forgotten first) for late surveys and transfers. */
export function finishContact(floor: Floor, contact: ContactRec): void {
	floor.contacts.delete(contact.contactId);
	for (const sessionId of contact.sessions ?? []) floor.supervisions.delete(sessionId);
	let dormantLegs: Leg[] | null = null;
	for (let i = 0; i < contact.legs.size; i++) {
		const leg = contact.legs.at(i);
		if (leg.status === 'transferred') (dormantLegs ??= []).push(leg);
	}
	// Read field by field into the memory's columns: the literal is not kept (no object per contact).
	floor.recentContacts.remember(contact.contactId, {
		queueId: contact.queueId,
		channel: contact.channel,
		vip: contact.vip,
		customerId: contact.customerId,
		repeat: contact.repeat,
		dormantLegs
	});
}

/** Finishes the contact once nothing is open on it: no queue offer, no agent ringing, connected or wrapping. */
export function finishIfDone(floor: Floor, contact: ContactRec): void {
	if (contact.offer || floor.contacts.get(contact.contactId) !== contact) return;
	for (let i = 0; i < contact.legs.size; i++) if (isLive(contact.legs.at(i))) return;
	finishContact(floor, contact);
}

export function openOffer(floor: Floor, contact: ContactRec, queueId: string, atMs: number): void {
	ensureQueue(floor, queueId, contact.channel).waiting.add(contact);
	contact.offer = { queueId, queuedAtMs: atMs };
	contact.queueId = queueId;
}

/** Closes the offer without counting an outcome (a snapshot replaces the live picture). */
export function closeOffer(floor: Floor, contact: ContactRec): void {
	if (!contact.offer) return;
	floor.queues.get(contact.offer.queueId)?.waiting.delete(contact);
	contact.offer = null;
}

/** Outcome tags by [no customer, first, repeat], shared: one object per outcome on the apply path adds up. */
const PLAIN_TAGS: readonly OutcomeTags[] = (['none', 'first', 'repeat'] as const).map((customer) => ({
	vip: false,
	customer
}));
const VIP_TAGS: readonly OutcomeTags[] = PLAIN_TAGS.map((t) => ({ ...t, vip: true }));

/** Counts the outcome of the open offer in the queue it was waiting in, at the outcome's time, and closes it. */
export function endOffer(floor: Floor, contact: ContactRec, outcome: QueueOutcome, atMs: number): void {
	const offer = contact.offer;
	if (!offer) return;
	const queue = ensureQueue(floor, offer.queueId, contact.channel);
	const waitSec = Math.max(0, atMs - offer.queuedAtMs) / 1000;
	const tags = contact.vip ? VIP_TAGS : PLAIN_TAGS;
	const counts = freshCounts();
	countOutcome(
		counts,
		outcome,
		waitSec,
		queue.config,
		tags[contact.repeat === null ? 0 : contact.repeat ? 2 : 1]
	);
	recordQueueCounts(floor, offer.queueId, atMs, counts);
	closeOffer(floor, contact);
}

export function addLeg(
	floor: Floor,
	contact: ContactRec,
	agent: AgentRec,
	status: LegStatus,
	atMs: number,
	timingKnown = true
): Leg {
	const leg: Leg = {
		contactId: contact.contactId,
		agentId: agent.agentId,
		agent,
		queueId: contact.offer?.queueId ?? contact.queueId,
		channel: contact.channel,
		vip: contact.vip,
		status,
		sinceMs: atMs,
		answeredAtMs: status === 'talking' && timingKnown ? atMs : null,
		holdStartMs: null,
		holdMs: 0,
		endedAtMs: null,
		handleCounted: false,
		timingKnown
	};
	contact.legs.add(leg);
	if (status !== 'transferred') agent.legs.add(leg);
	refreshAgent(floor, agent, atMs);
	return leg;
}

/** Moves a leg to a new status; a transferred leg leaves the agent (it no longer occupies them). */
export function setLegStatus(floor: Floor, leg: Leg, status: LegStatus, atMs: number): void {
	const wasTransferred = leg.status === 'transferred';
	leg.status = status;
	leg.sinceMs = atMs;
	const agent = leg.agent;
	if (status === 'transferred') agent.legs.delete(leg.contactId);
	// A leg that was not transferred is the agent's already (addLeg put it there): no map write.
	else if (wasTransferred) agent.legs.add(leg);
	refreshAgent(floor, agent, atMs);
}

export function removeLeg(floor: Floor, contact: ContactRec, leg: Leg, atMs: number): void {
	if (contact.legs.get(leg.agentId) === leg) contact.legs.delete(leg.agentId);
	const agent = leg.agent;
	if (agent.legs.get(leg.contactId) === leg) {
		agent.legs.delete(leg.contactId);
		refreshAgent(floor, agent, atMs);
	}
}

/** Ringing legs end when the contact is answered elsewhere, leaves the queue or moves queue. */
export function dropRingingLegs(
	floor: Floor,
	contact: ContactRec,
	atMs: number,
	exceptAgentId?: string
): number {
	let dropped = 0;
	// Backwards: removing the leg visited leaves those still to visit where they were.
	for (let i = contact.legs.size - 1; i >= 0; i--) {
		const leg = contact.legs.at(i);
		if (leg.status === 'ringing' && leg.agentId !== exceptAgentId) {
			removeLeg(floor, contact, leg, atMs);
			dropped++;
		}
	}
	return dropped;
}

/** Stops the talk clock (and an open hold) of a connected leg. */
export function stopTalk(leg: Leg, atMs: number): void {
	if (leg.holdStartMs !== null) {
		leg.holdMs += Math.max(0, atMs - leg.holdStartMs);
		leg.holdStartMs = null;
	}
	leg.endedAtMs = atMs;
}

/** Scratch handle times, filled per counted leg (recorded at once, so one object serves every leg). */
const times: HandleTimes = { talkSec: 0, holdSec: 0, wrapSec: 0 };

/** Sets `times` to the leg's talk and hold and the given wrap-up. */
function handleTimesOf(leg: Leg, wrapSec: number): HandleTimes {
	const endMs = leg.endedAtMs ?? leg.answeredAtMs ?? 0;
	const talkMs = leg.answeredAtMs === null ? 0 : Math.max(0, endMs - leg.answeredAtMs - leg.holdMs);
	times.talkSec = talkMs / 1000;
	times.holdSec = leg.holdMs / 1000;
	times.wrapSec = wrapSec;
	return times;
}

/**
 * A leg handed on by transfer: its talk and hold are counted now, with no wrap-up (a contact.ended for
 * the same agent may follow; its wrap-up is then added on its own, without counting the leg twice).
 */
export function countTransferredLeg(floor: Floor, leg: Leg, atMs: number): void {
	stopTalk(leg, atMs);
	if (leg.timingKnown && !leg.handleCounted) {
		const counts = freshCounts();
		countHandle(counts, handleTimesOf(leg, 0));
		recordQueueCounts(floor, leg.queueId, atMs, counts);
		recordAgentHandled(floor, leg.agent, atMs);
	}
	leg.handleCounted = true;
}

/** Wrap-up done (or cut short by logout or a new offer): the leg's handle figures are counted now. */
export function countWrappedLeg(floor: Floor, leg: Leg, atMs: number): void {
	if (leg.endedAtMs === null) stopTalk(leg, atMs);
	if (!leg.timingKnown) return;
	const wrapSec = Math.max(0, atMs - (leg.endedAtMs ?? atMs)) / 1000;
	const counts = freshCounts();
	if (leg.handleCounted) {
		times.talkSec = 0;
		times.holdSec = 0;
		times.wrapSec = wrapSec;
		countHandle(counts, times, false);
		recordQueueCounts(floor, leg.queueId, atMs, counts);
	} else {
		countHandle(counts, handleTimesOf(leg, wrapSec));
		recordQueueCounts(floor, leg.queueId, atMs, counts);
		recordAgentHandled(floor, leg.agent, atMs);
	}
	leg.handleCounted = true;
}

/**
 * Notes the contact's customer once, at its first queueing with a customerId known: from then on the
 * contact is a 48 h repeat or not, for every offer it gets (a transfer to a queue is a new offer of the
 * same contact, not another contact of the customer).
 */
export function noteCustomer(floor: Floor, contact: ContactRec, queuedAtMs: number): void {
	if (contact.customerId === null || contact.repeat !== null) return;
	contact.repeat = floor.customers.note(contact.customerId, contact.contactId, queuedAtMs);
}
