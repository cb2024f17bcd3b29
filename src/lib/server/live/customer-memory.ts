/**
 * Who called in the last 48 h, for the repeat rate (METRICS.md: "the share whose customer had another
 * contact queued in the 48 h before"). Bounded: the memory holds the last `maxCustomers` sightings (a
 * contact with a customerId, noted at its first queueing), so it never remembers more customers than
 * that, and the least recently seen customer is the first forgotten; of each customer, the latest
 * `PER_CUSTOMER` sightings are consulted (the newest is the one that decides).
 *
 * Sightings live in flat columns used as a ring, not in an object per customer: at 500,000 customers the
 * objects (a list and an entry each) were 170 bytes a customer and three objects for the collector to
 * trace, and moving a customer to the young end of a map on every call was a delete and an insert in a
 * table of 500,000. Here a sighting is ~50 bytes in typed arrays, an IdTable holds a hash and a slot per
 * customer, and a new sighting only ever overwrites the oldest slot.
 */

import { IdTable } from './id-table';
import { grownTo, SlotRing } from './slot-ring';

export const REPEAT_SPAN_MS = 48 * 3_600_000;
const PER_CUSTOMER = 4;
const FIRST_CAPACITY = 1024;
const NO_SLOT = -1;

export class CustomerMemory {
	readonly spanMs: number;
	/** Customer → slot of their latest sighting (an IdTable: see there why not a Map). */
	readonly #latest: IdTable;
	readonly #customerOf: (string | undefined)[] = [];
	readonly #contactOf: (string | undefined)[] = [];
	#queuedAtMs = new Float64Array(FIRST_CAPACITY);
	/** A sighting's number, to tell a link to the customer's previous sighting from a reused slot. */
	#stamp = new Float64Array(FIRST_CAPACITY);
	#previous = new Int32Array(FIRST_CAPACITY);
	#previousStamp = new Float64Array(FIRST_CAPACITY);
	/** 1 for the slot of a customer's latest sighting (the one `#latest` names), so forgetting needs no look-up. */
	#isLatest = new Uint8Array(FIRST_CAPACITY);
	/** IdTable hash of the slot's customer: forgetting them needs no hashing again. */
	#hash = new Int32Array(FIRST_CAPACITY);
	readonly #slots: SlotRing;
	#sightings = 0;

	constructor(maxCustomers: number, spanMs = REPEAT_SPAN_MS) {
		this.#slots = new SlotRing(maxCustomers);
		this.#latest = new IdTable(Math.min(maxCustomers, FIRST_CAPACITY));
		this.spanMs = spanMs;
	}

	get maxCustomers(): number {
		return this.#slots.limit;
	}

	/** Customers remembered. */
	get size(): number {
		return this.#latest.size;
	}

	/**
	 * Notes that `contactId` of `customerId` first queued at `queuedAtMs`, and says whether another of
	 * the customer's contacts queued in [queuedAtMs − 48 h, queuedAtMs): exactly 48 h before counts, the
	 * same instant does not (it is not "before", and which of two simultaneous contacts is seen first
	 * must not decide the figure). A contact already noted is not noted again.
	 */
	note(customerId: string, contactId: string, queuedAtMs: number): boolean {
		const hash = IdTable.hash(customerId);
		const cell = this.#latest.find(customerId, hash, this.#customerOf);
		const head = cell < 0 ? undefined : this.#latest.slotAt(cell);
		let repeat = false;
		let slot = head ?? NO_SLOT;
		let stamp = head === undefined ? 0 : this.#stamp[head]!;
		const headStamp = stamp;
		let notedAlready = false;
		for (let k = 0; slot !== NO_SLOT && k < PER_CUSTOMER && this.#stamp[slot] === stamp; k++) {
			const seenMs = this.#queuedAtMs[slot]!;
			if (this.#contactOf[slot] === contactId) notedAlready = true;
			else if (seenMs < queuedAtMs && seenMs >= queuedAtMs - this.spanMs) repeat = true;
			stamp = this.#previousStamp[slot]!;
			slot = this.#previous[slot]!;
		}
		if (notedAlready) return repeat;
		const taken = this.#take();
		// Found again: forgetting the oldest sighting may have moved the customer's cell (or removed it,
		// when that was their latest); the cells are in cache by now.
		const latestCell = this.#latest.find(customerId, hash, this.#customerOf);
		if (latestCell >= 0) this.#latest.setSlotAt(latestCell, taken);
		else this.#latest.insert(hash, taken);
		this.#customerOf[taken] = customerId;
		this.#hash[taken] = hash;
		this.#contactOf[taken] = contactId;
		this.#queuedAtMs[taken] = queuedAtMs;
		this.#stamp[taken] = ++this.#sightings;
		// The previous sighting may have been the slot just taken (the customer was the least recently seen).
		const linked = head !== undefined && head !== taken && this.#stamp[head] === headStamp;
		this.#previous[taken] = linked ? head : NO_SLOT;
		this.#previousStamp[taken] = linked ? headStamp : 0;
		if (head !== undefined) this.#isLatest[head] = 0;
		this.#isLatest[taken] = 1;
		return repeat;
	}

	/** A slot for a new sighting: a fresh one while there is room, else the oldest, forgetting what it held. */
	#take(): number {
		const reused = this.#slots.full;
		const slot = this.#slots.take();
		if (!reused) {
			if (slot === this.#stamp.length) this.#grow();
			return slot;
		}
		// Forgotten only if this was their latest sighting; otherwise only an older sighting goes.
		if (this.#isLatest[slot] === 1) {
			this.#latest.remove(this.#hash[slot]!, slot);
			this.#isLatest[slot] = 0;
		}
		return slot;
	}

	#grow(): void {
		const capacity = Math.min(this.#slots.limit, this.#stamp.length * 2);
		this.#queuedAtMs = grownTo(this.#queuedAtMs, capacity);
		this.#stamp = grownTo(this.#stamp, capacity);
		this.#previous = grownTo(this.#previous, capacity);
		this.#previousStamp = grownTo(this.#previousStamp, capacity);
		this.#isLatest = grownTo(this.#isLatest, capacity);
		this.#hash = grownTo(this.#hash, capacity);
	}
}
