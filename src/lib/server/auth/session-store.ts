import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { KeyValueStore } from './kv-store';
import { initialTtlMs, judgeSession, type SessionPolicy } from './session-policy';

const SessionRecord = z.object({
	userId: z.string().min(1),
	createdAtMs: z.number(),
	lastSeenMs: z.number()
});
export type SessionRecord = z.infer<typeof SessionRecord>;

/**
 * Server-side sessions. The cookie holds 256 random bits; the store is keyed by their SHA-256, so
 * someone who can read Redis still cannot replay a session from it. Redis TTLs drop dead sessions.
 */
export class SessionStore {
	readonly #kv: KeyValueStore;
	readonly #prefix: string;
	readonly #policy: SessionPolicy;
	readonly #clock: () => number;

	constructor(options: { kv: KeyValueStore; prefix: string; policy: SessionPolicy; clock?: () => number }) {
		this.#kv = options.kv;
		this.#prefix = `${options.prefix}:auth:session:`;
		this.#policy = options.policy;
		this.#clock = options.clock ?? Date.now;
	}

	get policy(): SessionPolicy {
		return this.#policy;
	}

	#key(sessionId: string): string {
		return this.#prefix + createHash('sha256').update(sessionId).digest('base64url');
	}

	async create(userId: string): Promise<{ id: string; record: SessionRecord }> {
		const id = randomBytes(32).toString('base64url');
		const now = this.#clock();
		const record: SessionRecord = { userId, createdAtMs: now, lastSeenMs: now };
		await this.#kv.set(this.#key(id), JSON.stringify(record), initialTtlMs(this.#policy));
		return { id, record };
	}

	/** The live session for a cookie value, recording its use; null when unknown, idle or expired. */
	async resume(sessionId: string): Promise<SessionRecord | null> {
		// A value that random bytes could never produce is not worth a round trip.
		if (!/^[A-Za-z0-9_-]{43}$/.test(sessionId)) return null;
		const key = this.#key(sessionId);
		const json = await this.#kv.get(key);
		if (json === null) return null;
		const parsed = SessionRecord.safeParse(JSON.parse(json));
		if (!parsed.success) return null;
		const now = this.#clock();
		const verdict = judgeSession(parsed.data, now, this.#policy);
		if (!verdict.valid) {
			await this.#kv.del(key);
			return null;
		}
		if (!verdict.touch) return parsed.data;
		const touched = { ...parsed.data, lastSeenMs: now };
		await this.#kv.set(key, JSON.stringify(touched), verdict.ttlMs);
		return touched;
	}

	async delete(sessionId: string): Promise<void> {
		await this.#kv.del(this.#key(sessionId));
	}
}
