import type { Counter, KeyValueStore } from './kv-store';

interface Entry {
	value: string;
	expiresAtMs: number | null;
}

/**
 * The embedded mode's store: gone with the process, which is what a demo on a fresh machine wants.
 * The clock is injected so expiry can be tested without waiting.
 */
export class MemoryKeyValueStore implements KeyValueStore {
	readonly #strings = new Map<string, Entry>();
	readonly #hashes = new Map<string, Map<string, string>>();
	readonly #clock: () => number;

	constructor(clock: () => number = Date.now) {
		this.#clock = clock;
	}

	#live(key: string): Entry | null {
		const entry = this.#strings.get(key);
		if (!entry) return null;
		if (entry.expiresAtMs !== null && entry.expiresAtMs <= this.#clock()) {
			this.#strings.delete(key);
			return null;
		}
		return entry;
	}

	async get(key: string): Promise<string | null> {
		return this.#live(key)?.value ?? null;
	}

	async set(key: string, value: string, ttlMs?: number): Promise<void> {
		this.#strings.set(key, { value, expiresAtMs: ttlMs === undefined ? null : this.#clock() + ttlMs });
	}

	async del(key: string): Promise<void> {
		this.#strings.delete(key);
		this.#hashes.delete(key);
	}

	async hgetall(key: string): Promise<Record<string, string>> {
		return Object.fromEntries(this.#hashes.get(key) ?? []);
	}

	async hget(key: string, field: string): Promise<string | null> {
		return this.#hashes.get(key)?.get(field) ?? null;
	}

	async hset(key: string, field: string, value: string): Promise<void> {
		let hash = this.#hashes.get(key);
		if (!hash) this.#hashes.set(key, (hash = new Map()));
		hash.set(field, value);
	}

	async hsetnx(key: string, field: string, value: string): Promise<boolean> {
		if (this.#hashes.get(key)?.has(field)) return false;
		await this.hset(key, field, value);
		return true;
	}

	async hdel(key: string, field: string): Promise<void> {
		this.#hashes.get(key)?.delete(field);
	}

	async hlen(key: string): Promise<number> {
		return this.#hashes.get(key)?.size ?? 0;
	}

	async increment(key: string, windowMs: number): Promise<Counter> {
		const entry = this.#live(key);
		const now = this.#clock();
		const next: Entry = entry
			? { value: String(Number(entry.value) + 1), expiresAtMs: entry.expiresAtMs }
			: { value: '1', expiresAtMs: now + windowMs };
		this.#strings.set(key, next);
		return { count: Number(next.value), ttlMs: (next.expiresAtMs ?? now) - now };
	}

	async counter(key: string): Promise<Counter> {
		const entry = this.#live(key);
		if (!entry) return { count: 0, ttlMs: 0 };
		return { count: Number(entry.value), ttlMs: (entry.expiresAtMs ?? this.#clock()) - this.#clock() };
	}
}
