/**
 * The little storage auth needs: strings with an optional time to live, small hashes, and counters that
 * expire. Redis in production, memory in the embedded mode; kept apart from the message bus so the
 * two can change independently.
 */
export interface KeyValueStore {
	get(key: string): Promise<string | null>;
	/** Sets a value; with `ttlMs` it disappears by itself after that long. */
	set(key: string, value: string, ttlMs?: number): Promise<void>;
	del(key: string): Promise<void>;
	/** Every field of a hash; {} when the key is absent. */
	hgetall(key: string): Promise<Record<string, string>>;
	hget(key: string, field: string): Promise<string | null>;
	hset(key: string, field: string, value: string): Promise<void>;
	/** Sets a field only when it is absent; false when it was taken (atomic: no two users share a name). */
	hsetnx(key: string, field: string, value: string): Promise<boolean>;
	hdel(key: string, field: string): Promise<void>;
	hlen(key: string): Promise<number>;
	/**
	 * Adds one to a counter whose window starts with its first increment and lasts `windowMs`; returns the
	 * new count and how long the window still runs.
	 */
	increment(key: string, windowMs: number): Promise<Counter>;
	/** A counter's current count (0 when absent) and remaining window. */
	counter(key: string): Promise<Counter>;
}

export interface Counter {
	count: number;
	/** Milliseconds until the counter expires; 0 when it does not exist. */
	ttlMs: number;
}
