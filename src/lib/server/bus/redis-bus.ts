import { Redis } from 'ioredis';
import type { Bus, BusStatus, MessageHandler } from './bus';

/**
 * How messages travel: `classic` is PUBLISH/SUBSCRIBE; `sharded` is SPUBLISH/SSUBSCRIBE (Redis 7),
 * for deployments whose platform publishes to hash-tagged channels with SPUBLISH (CONTRACT.md).
 */
export type PubSubMode = 'classic' | 'sharded';

/**
 * Redis as the bus: one connection for commands and publishing, one for subscribing (a subscribed
 * connection can do nothing else). Both reconnect by themselves with capped backoff; ioredis
 * resubscribes after a reconnect, and listeners hear about every drop so ingest can recover.
 */
export class RedisBus implements Bus {
	readonly #command: Redis;
	#subscriber: Redis | null = null;
	readonly #url: string;
	readonly #pubsub: PubSubMode;
	readonly #listeners = new Set<(status: BusStatus) => void>();
	#closing = false;
	#lastReported: boolean | null = null;

	constructor(url: string, options: { pubsub?: PubSubMode } = {}) {
		this.#url = url;
		this.#pubsub = options.pubsub ?? 'classic';
		this.#command = this.#connect('command');
	}

	#connect(role: string): Redis {
		const client = new Redis(this.#url, {
			// Redis down at start-up must not kill the server, and commands wait for the reconnect.
			maxRetriesPerRequest: null,
			enableReadyCheck: true,
			connectionName: `cc-wallboard:${role}`,
			retryStrategy: (attempt) => Math.min(100 * 2 ** Math.min(attempt, 6), 5_000) + Math.random() * 250
		});
		client.on('ready', () => this.#report());
		client.on('close', () => this.#report());
		client.on('end', () => this.#report());
		// Without a listener ioredis prints every failed reconnect as an unhandled error event.
		client.on('error', () => undefined);
		return client;
	}

	#report(): void {
		const status = this.status();
		if (status.connected === this.#lastReported) return;
		this.#lastReported = status.connected;
		for (const listener of this.#listeners) listener(status);
	}

	async publish(channel: string, message: string): Promise<void> {
		if (this.#pubsub === 'sharded') await this.#command.spublish(channel, message);
		else await this.#command.publish(channel, message);
	}

	async subscribe(channels: string[], onMessage: MessageHandler): Promise<void> {
		if (!this.#subscriber) this.#subscriber = this.#connect('subscriber');
		// One connection carries every subscription: hand each handler only the channels it asked for, or
		// ingest would dead-letter another part's messages (settings changes) as bad events.
		const wanted = new Set(channels);
		const deliver = (channel: string, message: string) => {
			if (wanted.has(channel)) onMessage(channel, message);
		};
		if (this.#pubsub === 'sharded') {
			this.#subscriber.on('smessage', deliver);
			// One SSUBSCRIBE per channel: a cluster refuses a multi-channel one across hash slots.
			for (const channel of channels) await this.#subscriber.ssubscribe(channel);
		} else {
			this.#subscriber.on('message', deliver);
			await this.#subscriber.subscribe(...channels);
		}
		this.#report();
	}

	onStatus(listener: (status: BusStatus) => void): void {
		this.#listeners.add(listener);
	}

	status(): BusStatus {
		if (this.#closing) return { connected: false };
		const commandReady = this.#command.status === 'ready';
		const subscriberReady = this.#subscriber === null || this.#subscriber.status === 'ready';
		return { connected: commandReady && subscriberReady };
	}

	async xadd(stream: string, fields: Record<string, string>, maxLen: number): Promise<void> {
		const flat = Object.entries(fields).flat();
		await this.#command.xadd(stream, 'MAXLEN', '~', String(maxLen), '*', ...flat);
	}

	async xrange(
		stream: string,
		afterId: string,
		count: number
	): Promise<Array<[string, Record<string, string>]>> {
		const start = afterId === '0' ? '-' : `(${afterId}`;
		const entries = await this.#command.xrange(stream, start, '+', 'COUNT', count);
		return entries.map(streamEntry);
	}

	async xrevrange(
		stream: string,
		beforeId: string | null,
		count: number
	): Promise<Array<[string, Record<string, string>]>> {
		const entries = await this.#command.xrevrange(
			stream,
			beforeId === null ? '+' : `(${beforeId}`,
			'-',
			'COUNT',
			count
		);
		return entries.map(streamEntry);
	}

	async lastStreamId(stream: string): Promise<string> {
		const last = await this.#command.xrevrange(stream, '+', '-', 'COUNT', 1);
		return last[0]?.[0] ?? '0';
	}

	async hgetall(key: string): Promise<Record<string, string>> {
		return this.#command.hgetall(key);
	}

	async hset(key: string, field: string, value: string): Promise<void> {
		await this.#command.hset(key, field, value);
	}

	async hdel(key: string, fields: string[]): Promise<void> {
		if (fields.length > 0) await this.#command.hdel(key, ...fields);
	}

	async expire(key: string, seconds: number): Promise<void> {
		await this.#command.expire(key, Math.max(1, Math.ceil(seconds)));
	}

	/** The command connection, for stores that need more than the bus (history, audit, dead letters). */
	get redis(): Redis {
		return this.#command;
	}

	async close(): Promise<void> {
		this.#closing = true;
		this.#report();
		await Promise.allSettled([this.#command.quit(), this.#subscriber?.quit()]);
		this.#command.disconnect();
		this.#subscriber?.disconnect();
	}
}

/** A stream entry as Redis replies it (`[id, [field, value, …]]`), with its fields as an object. */
function streamEntry([id, flat]: [string, string[]]): [string, Record<string, string>] {
	const fields: Record<string, string> = {};
	for (let i = 0; i + 1 < flat.length; i += 2) fields[flat[i]!] = flat[i + 1]!;
	return [id, fields];
}
