import { createHash } from 'node:crypto';
import type { KeyValueStore } from './kv-store';
import { DEFAULT_LOGIN_LIMITS, judgeAttempt, type LimitVerdict, type LoginLimits } from './login-limits';

/**
 * Failure counters in the store (shared by every replica), one per account name and one per client
 * address. Names are counted whether or not the account exists, so a lock-out reveals nothing.
 */
export class LoginLimiter {
	readonly #kv: KeyValueStore;
	readonly #prefix: string;
	readonly limits: LoginLimits;

	constructor(options: { kv: KeyValueStore; prefix: string; limits?: LoginLimits }) {
		this.#kv = options.kv;
		this.#prefix = `${options.prefix}:auth:fail:`;
		this.limits = options.limits ?? DEFAULT_LOGIN_LIMITS;
	}

	// Hashed so arbitrary typed-in text never becomes part of a Redis key.
	#accountKey(username: string): string {
		return `${this.#prefix}user:${createHash('sha256').update(username).digest('base64url')}`;
	}

	#addressKey(address: string): string {
		return `${this.#prefix}addr:${createHash('sha256').update(address).digest('base64url')}`;
	}

	async check(username: string, address: string): Promise<LimitVerdict> {
		const [account, client] = await Promise.all([
			this.#kv.counter(this.#accountKey(username)),
			this.#kv.counter(this.#addressKey(address))
		]);
		return judgeAttempt(account, client, this.limits);
	}

	async recordFailure(username: string, address: string): Promise<void> {
		await Promise.all([
			this.#kv.increment(this.#accountKey(username), this.limits.windowMs),
			this.#kv.increment(this.#addressKey(address), this.limits.windowMs)
		]);
	}

	/** A correct password clears the account's count (not the address's: one good account must not unlock a sweep). */
	async recordSuccess(username: string): Promise<void> {
		await this.#kv.del(this.#accountKey(username));
	}
}
