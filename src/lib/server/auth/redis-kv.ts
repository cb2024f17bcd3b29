import type { Redis } from 'ioredis';
import type { Counter, KeyValueStore } from './kv-store';

/**
 * The store on Redis. It borrows the bus's command connection rather than opening its own, so it
 * reconnects, waits out an outage and shuts down with the rest of the runtime.
 */
export class RedisKeyValueStore implements KeyValueStore {
	readonly #redis: Redis;

	constructor(redis: Redis) {
		this.#redis = redis;
	}

	async get(key: string): Promise<string | null> {
		return this.#redis.get(key);
	}

	async set(key: string, value: string, ttlMs?: number): Promise<void> {
		if (ttlMs === undefined) await this.#redis.set(key, value);
		else await this.#redis.set(key, value, 'PX', Math.max(1, Math.ceil(ttlMs)));
	}

	async del(key: string): Promise<void> {
		await this.#redis.del(key);
	}

	async hgetall(key: string): Promise<Record<string, string>> {
		return this.#redis.hgetall(key);
	}

	async hget(key: string, field: string): Promise<string | null> {
		return this.#redis.hget(key, field);
	}

	async hset(key: string, field: string, value: string): Promise<void> {
		await this.#redis.hset(key, field, value);
	}

	async hsetnx(key: string, field: string, value: string): Promise<boolean> {
		return (await this.#redis.hsetnx(key, field, value)) === 1;
	}

	async hdel(key: string, field: string): Promise<void> {
		await this.#redis.hdel(key, field);
	}

	async hlen(key: string): Promise<number> {
		return this.#redis.hlen(key);
	}

	async increment(key: string, windowMs: number): Promise<Counter> {
		// SET NX starts the window only on the first failure, so later failures never extend it; one MULTI
		// keeps a crash between the commands from leaving a counter that never expires.
		const results = await this.#redis
			.multi()
			.set(key, '0', 'PX', Math.max(1, Math.ceil(windowMs)), 'NX')
			.incr(key)
			.pttl(key)
			.exec();
		return { count: Number(results?.[1]?.[1] ?? 0), ttlMs: Math.max(0, Number(results?.[2]?.[1] ?? 0)) };
	}

	async counter(key: string): Promise<Counter> {
		const [value, ttl] = await Promise.all([this.#redis.get(key), this.#redis.pttl(key)]);
		return value === null ? { count: 0, ttlMs: 0 } : { count: Number(value), ttlMs: Math.max(0, ttl) };
	}
}
