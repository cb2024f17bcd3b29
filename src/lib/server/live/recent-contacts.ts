import type { Channel } from '../../shared/contract';
import type { Leg } from './floor-state';
import { IdFilter } from './id-filter';
import { grownTo, SlotRing } from './slot-ring';

/** What a finished contact leaves behind, for late surveys and for a contact that continues under its id. */
export interface RecentContact {
	queueId: string;
	channel: Channel;
	vip: boolean;
	customerId: string | null;
	repeat: boolean | null;
	/** Transferred legs whose agent may still send contact.ended (then wrap-up starts). */
	dormantLegs: Leg[] | null;
}

const FIRST_CAPACITY = 1024;
const VIP = 1;
const REPEAT_KNOWN = 2;
const REPEAT = 4;

/**
 * The last `limit` finished contacts, the oldest forgotten first, in flat columns used as a ring: a
 * finished contact costs no object of its own (1,100 a second on a sale day, 200,000 kept), and
 * forgetting one overwrites its slot instead of deleting from the front of a map's table. A filter in
 * front of the map answers for the ids it never held (every new contact is looked for here, as one
 * that might continue under an old id) without a look-up in it.
 */
export class RecentContacts {
	/** Contact → slot. A contact brought back (taken) leaves its slot to be overwritten in turn. */
	readonly #bySlot = new Map<string, number>();
	readonly #contactId: (string | undefined)[] = [];
	readonly #queueId: string[] = [];
	readonly #channel: Channel[] = [];
	readonly #customerId: (string | null)[] = [];
	readonly #dormantLegs: (Leg[] | null)[] = [];
	#flags = new Uint8Array(FIRST_CAPACITY);
	/** 1 while `#bySlot` names the slot, so forgetting it needs no look-up. */
	#live = new Uint8Array(FIRST_CAPACITY);
	/** IdFilter hash of the slot's contact id: forgetting it takes it out of the filter without hashing again. */
	#hash = new Uint32Array(FIRST_CAPACITY);
	readonly #filter: IdFilter;
	readonly #slots: SlotRing;

	constructor(limit: number) {
		this.#slots = new SlotRing(limit);
		this.#filter = new IdFilter(limit);
	}

	get size(): number {
		return this.#bySlot.size;
	}

	has(contactId: string): boolean {
		return this.#slotOf(contactId) !== undefined;
	}

	/** Contact ids remembered, oldest first. */
	*keys(): IterableIterator<string> {
		for (let age = 0; age < this.#slots.used; age++) {
			const slot = this.#slots.slotAt(age);
			if (this.#live[slot] === 1) yield this.#contactId[slot]!;
		}
	}

	/** The queue a remembered contact was last in (what a late survey needs), without building the rest. */
	queueIdOf(contactId: string): string | undefined {
		const slot = this.#slotOf(contactId);
		return slot === undefined ? undefined : this.#queueId[slot];
	}

	get(contactId: string): RecentContact | undefined {
		const slot = this.#slotOf(contactId);
		return slot === undefined ? undefined : this.#read(slot);
	}

	/** The contact, forgotten here: it is open again. */
	take(contactId: string): RecentContact | undefined {
		const slot = this.#slotOf(contactId);
		if (slot === undefined) return undefined;
		this.#bySlot.delete(contactId);
		this.#forget(slot);
		const contact = this.#read(slot);
		this.#dormantLegs[slot] = null;
		return contact;
	}

	/**
	 * Remembers a finished contact (again, if it was: the new entry replaces the old one). No look-up
	 * first, which was a miss in a map of 200,000 on every finished contact: a contact is taken out when
	 * it opens again, so it is never here, and the map's size tells the one case where it was.
	 */
	remember(contactId: string, contact: RecentContact): void {
		const slot = this.#take();
		const sizeBefore = this.#bySlot.size;
		const hash = IdFilter.hash(contactId);
		this.#contactId[slot] = contactId;
		this.#queueId[slot] = contact.queueId;
		this.#channel[slot] = contact.channel;
		this.#customerId[slot] = contact.customerId;
		this.#dormantLegs[slot] = contact.dormantLegs;
		this.#flags[slot] =
			(contact.vip ? VIP : 0) |
			(contact.repeat === null ? 0 : REPEAT_KNOWN) |
			(contact.repeat === true ? REPEAT : 0);
		this.#hash[slot] = hash;
		this.#bySlot.set(contactId, slot);
		if (this.#bySlot.size === sizeBefore) this.#retireOlderSlot(contactId, slot);
		this.#live[slot] = 1;
		this.#filter.add(hash);
	}

	/** The slot of a remembered contact; the filter answers for most ids never remembered. */
	#slotOf(contactId: string): number | undefined {
		return this.#filter.mayHold(IdFilter.hash(contactId)) ? this.#bySlot.get(contactId) : undefined;
	}

	/** The slot no longer answers for its contact (the map entry is gone or about to be). */
	#forget(slot: number): void {
		this.#live[slot] = 0;
		this.#filter.remove(this.#hash[slot]!);
	}

	/** The contact was here already: its older slot stops answering for it (a walk, on a path the reducer never takes). */
	#retireOlderSlot(contactId: string, slot: number): void {
		for (let i = 0; i < this.#slots.used; i++) {
			if (i !== slot && this.#live[i] === 1 && this.#contactId[i] === contactId) this.#forget(i);
		}
	}

	#read(slot: number): RecentContact {
		const flags = this.#flags[slot]!;
		return {
			queueId: this.#queueId[slot]!,
			channel: this.#channel[slot]!,
			vip: (flags & VIP) !== 0,
			customerId: this.#customerId[slot]!,
			repeat: (flags & REPEAT_KNOWN) === 0 ? null : (flags & REPEAT) !== 0,
			dormantLegs: this.#dormantLegs[slot]!
		};
	}

	#take(): number {
		const reused = this.#slots.full;
		const slot = this.#slots.take();
		if (!reused) {
			if (slot === this.#flags.length) {
				const capacity = Math.min(this.#slots.limit, this.#flags.length * 2);
				this.#flags = grownTo(this.#flags, capacity);
				this.#live = grownTo(this.#live, capacity);
				this.#hash = grownTo(this.#hash, capacity);
			}
			return slot;
		}
		if (this.#live[slot] === 1) {
			this.#bySlot.delete(this.#contactId[slot]!);
			this.#forget(slot);
		}
		// Let go of the legs now rather than when the slot is next written.
		this.#dormantLegs[slot] = null;
		return slot;
	}
}
