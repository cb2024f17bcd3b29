import { HOUR_MS } from './daily-curve';
import type { Rng } from './prng';
import type { QueueState } from './routing';

const REPEAT_WINDOW_MS = 48 * HOUR_MS;
const RECENT_CAPACITY = 50_000;

/**
 * Pseudonymous customers: opaque keys (never phone numbers), a fixed set of VIPs, and a memory of recent
 * contacts from which repeat callers are drawn, biased to the most recent as real repeats are.
 */
export class CustomerPool {
	readonly #rng: Rng;
	readonly #vips: string[];
	readonly #recentIds: string[] = [];
	readonly #recentAtMs: number[] = [];
	#next = 0;

	constructor(rng: Rng, vipCount: number) {
		this.#rng = rng;
		this.#vips = Array.from({ length: vipCount }, () => this.#newId());
	}

	#newId(): string {
		return `u-${this.#rng.hex(12)}`;
	}

	draw(queue: QueueState, nowMs: number): { customerId: string | undefined; vip: boolean } {
		const rng = this.#rng;
		if (queue.line === 'vip') return { customerId: rng.pick(this.#vips), vip: true };
		if (rng.chance(queue.profile.anonymousChance)) return { customerId: undefined, vip: false };
		let customerId: string | undefined;
		const size = this.#recentIds.length;
		if (size > 0 && rng.chance(queue.profile.repeatChance)) {
			const back = Math.min(size - 1, Math.floor(rng.exponential(size * 0.25)));
			const index = (this.#next - 1 - back + size) % size;
			if (nowMs - (this.#recentAtMs[index] ?? -Infinity) <= REPEAT_WINDOW_MS)
				customerId = this.#recentIds[index];
		}
		customerId ??= this.#newId();
		this.#remember(customerId, nowMs);
		return { customerId, vip: false };
	}

	#remember(customerId: string, nowMs: number): void {
		this.#recentIds[this.#next] = customerId;
		this.#recentAtMs[this.#next] = nowMs;
		this.#next = (this.#next + 1) % RECENT_CAPACITY;
	}
}
