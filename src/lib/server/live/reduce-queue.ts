import type { EventOf } from '../../shared/contract';
import {
	countTransferredLeg,
	countWrappedLeg,
	createContact,
	dropRingingLegs,
	endOffer,
	finishIfDone,
	noteCustomer,
	openContact,
	openOffer,
	removeLeg,
	setLegStatus
} from './contacts';
import { noteAnomaly, type ContactRec, type Floor } from './floor-state';

/** Queue-side contact events: offers (queued, transfers to a queue) and outcomes without an agent. */

export function onQueued(floor: Floor, e: EventOf<'contact.queued'>): void {
	const contact = openContact(floor, e.contactId) ?? createContact(floor, e.contactId, e.channel, e.queueId);
	contact.channel = e.channel;
	if (e.vip !== undefined) contact.vip = e.vip;
	if (e.customerId !== undefined) contact.customerId = e.customerId;
	noteCustomer(floor, contact, e.ts);
	offerTo(floor, contact, e.queueId, e.ts);
}

/**
 * A new offer to `queueId` (a first queueing or a transfer to a queue). A contact already waiting in
 * that queue is left alone: platforms that send contact.transferred with toQueueId may also echo it as
 * contact.queued, and counting both would offer the contact twice.
 */
export function offerTo(floor: Floor, contact: ContactRec, queueId: string, atMs: number): void {
	if (contact.offer?.queueId === queueId) return;
	if (contact.offer) {
		// Moved on while still waiting (overflow routing): the first queue lost it without an agent
		// and without an abandon, which is what flowed out means.
		dropRingingLegs(floor, contact, atMs);
		endOffer(floor, contact, 'flowed_out', atMs);
	}
	// values() is a copy: legs are removed on the way.
	for (const leg of contact.legs.values()) {
		if (leg.status === 'talking' || leg.status === 'held') {
			// Re-queued from a connected agent without a contact.transferred: the same as a transfer.
			countTransferredLeg(floor, leg, atMs);
			setLegStatus(floor, leg, 'transferred', atMs);
		} else if (leg.status === 'wrapup') {
			// The contact moves on and no contact.wrapped may ever come for the old leg: close it now.
			countWrappedLeg(floor, leg, atMs);
			removeLeg(floor, contact, leg, atMs);
		} else if (leg.status === 'ringing') {
			removeLeg(floor, contact, leg, atMs);
		}
	}
	openOffer(floor, contact, queueId, atMs);
}

/** Abandoned or flowed out: only a waiting contact has a queue outcome; anything else is noted and ignored. */
export function onLeftQueue(floor: Floor, e: EventOf<'contact.abandoned' | 'contact.flowed_out'>): void {
	const contact = floor.contacts.get(e.contactId);
	if (!contact) {
		noteAnomaly(floor, `${e.type}:unknown_contact`);
		return;
	}
	if (!contact.offer) {
		noteAnomaly(floor, `${e.type}:not_waiting`);
		return;
	}
	dropRingingLegs(floor, contact, e.ts);
	endOffer(floor, contact, e.type === 'contact.abandoned' ? 'abandoned' : 'flowed_out', e.ts);
	finishIfDone(floor, contact);
}
