import { deleteOldest } from './oldest-first';

/**
 * Who called in the last 48 h, for the repeat rate (METRICS.md: "the share whose customer had another
 * contact queued in the 48 h before"). Bounded twice: per customer only the latest few contacts (the
 * newest is the one that decides), and overall at most `maxCustomers`, the least recently seen
 * forgotten first, so a sale-day flood of new customers cannot grow memory without end.
 */
export interface SeenContact {
	contactId: string;
	queuedAtMs: number;
}

export const REPEAT_SPAN_MS = 48 * 3_600_000;
const PER_CUSTOMER = 4;

export class CustomerMemory {
	readonly maxCustomers: number;
	readonly spanMs: number;
	readonly #byCustomer = new Map<string, SeenContact[]>();

	constructor(maxCustomers: number, spanMs = REPEAT_SPAN_MS) {
		this.maxCustomers = maxCustomers;
		this.spanMs = spanMs;
	}

	get size(): number {
		return this.#byCustomer.size;
	}

	/**
	 * Notes that `contactId` of `customerId` first queued at `queuedAtMs`, and says whether another of
	 * the customer's contacts queued in [queuedAtMs − 48 h, queuedAtMs): exactly 48 h before counts, the
	 * same instant does not (it is not "before", and which of two simultaneous contacts is seen first
	 * must not decide the figure).
	 */
	note(customerId: string, contactId: string, queuedAtMs: number): boolean {
		const byCustomer = this.#byCustomer;
		const seen = byCustomer.get(customerId);
		if (seen === undefined) {
			// A first-time customer (most of a sale day): nothing to compare, sort or move.
			byCustomer.set(customerId, [{ contactId, queuedAtMs }]);
			this.#forgetOldest();
			return false;
		}
		let repeat = false;
		for (const s of seen) {
			if (s.contactId !== contactId && s.queuedAtMs < queuedAtMs && s.queuedAtMs >= queuedAtMs - this.spanMs)
				repeat = true;
		}
		if (!seen.some((s) => s.contactId === contactId)) {
			seen.push({ contactId, queuedAtMs });
			// Usually already in order (contacts queue in time order); a late one is moved into place.
			for (let i = seen.length - 1; i > 0 && seen[i - 1]!.queuedAtMs > seen[i]!.queuedAtMs; i--) {
				const later = seen[i - 1]!;
				seen[i - 1] = seen[i]!;
				seen[i] = later;
			}
			if (seen.length > PER_CUSTOMER) seen.shift();
		}
		// Re-inserting moves the customer to the young end of the map's order.
		byCustomer.delete(customerId);
		byCustomer.set(customerId, seen);
		this.#forgetOldest();
		return repeat;
	}

	#forgetOldest(): void {
		if (this.#byCustomer.size > this.maxCustomers) deleteOldest(this.#byCustomer);
	}
}
