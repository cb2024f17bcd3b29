import type { Channel } from '../../shared/contract';
import type { Leg } from './floor-state';
import { IdTable } from './id-table';
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
 * forgetting one overwrites its slot. Ids are found through an IdTable, not a Map: every new contact is
 * looked for here (it might continue under an old id), and forgetting the oldest is a delete, each a few
 * cache misses in a map of 200,000 strings and about one here.
 */
export class RecentContacts {
	/** Contact → slot. A contact brought back (taken) leaves its slot to be overwritten in turn. */
	readonly #table: IdTable;
	readonly #contactId: (string | undefined)[] = [];
	readonly #queueId: string[] = [];
	readonly #channel: Channel[] = [];
	readonly #customerId: (string | null)[] = [];
	readonly #dormantLegs: (Leg[] | null)[] = [];
	#flags = new Uint8Array(FIRST_CAPACITY);
	/** 1 while the table names the slot. */
	#live = new Uint8Array(FIRST_CAPACITY);
	/** IdTable hash of the slot's contact id: forgetting it needs no hashing again. */
	#hash = new Int32Array(FIRST_CAPACITY);
	readonly #slots: SlotRing;

	constructor(limit: number) {
		this.#slots = new SlotRing(limit);
		this.#table = new IdTable(Math.min(limit, FIRST_CAPACITY));
	}

	get size(): number {
		return this.#table.size;
	}

	has(contactId: string): boolean {
		return this.#slotOf(contactId) >= 0;
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
		return slot < 0 ? undefined : this.#queueId[slot];
	}

	get(contactId: string): RecentContact | undefined {
		const slot = this.#slotOf(contactId);
		return slot < 0 ? undefined : this.#read(slot);
	}

	/** The contact, forgotten here: it is open again. */
	take(contactId: string): RecentContact | undefined {
		const cell = this.#table.find(contactId, IdTable.hash(contactId), this.#contactId);
		if (cell < 0) return undefined;
		const slot = this.#table.slotAt(cell);
		this.#table.removeAt(cell);
		this.#live[slot] = 0;
		const contact = this.#read(slot);
		this.#dormantLegs[slot] = null;
		return contact;
	}

	/** Remembers a finished contact (again, if it was: the new entry replaces the old one). */
	remember(contactId: string, contact: RecentContact): void {
		const hash = IdTable.hash(contactId);
		const older = this.#table.find(contactId, hash, this.#contactId);
		if (older >= 0) {
			this.#live[this.#table.slotAt(older)] = 0;
			this.#table.removeAt(older);
		}
		const slot = this.#take();
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
		this.#table.insert(hash, slot);
		this.#live[slot] = 1;
	}

	/** The slot of a remembered contact; -1 when not remembered. */
	#slotOf(contactId: string): number {
		const cell = this.#table.find(contactId, IdTable.hash(contactId), this.#contactId);
		return cell < 0 ? -1 : this.#table.slotAt(cell);
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
			this.#table.remove(this.#hash[slot]!, slot);
			this.#live[slot] = 0;
		}
		// Let go of the legs now rather than when the slot is next written.
		this.#dormantLegs[slot] = null;
		return slot;
	}
}
