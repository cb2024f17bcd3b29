import type { Bus, BusStatus, MessageHandler } from './bus';

/**
 * In-process bus for the embedded simulator mode. Delivery is asynchronous (a microtask later) like a
 * real bus, so publishers never re-enter subscribers synchronously. Streams are kept in memory, capped.
 */
export class MemoryBus implements Bus {
	#handlers = new Map<string, Set<MessageHandler>>();
	#streams = new Map<string, Array<[string, Record<string, string>]>>();
	#streamSeq = 0;
	/** Hashes (settings): the embedded mode keeps them for the life of the process. */
	#hashes = new Map<string, Record<string, string>>();
	#closed = false;

	async publish(channel: string, message: string): Promise<void> {
		if (this.#closed) return;
		const handlers = this.#handlers.get(channel);
		if (!handlers) return;
		queueMicrotask(() => {
			for (const handler of handlers) handler(channel, message);
		});
	}

	async subscribe(channels: string[], onMessage: MessageHandler): Promise<void> {
		for (const channel of channels) {
			let set = this.#handlers.get(channel);
			if (!set) this.#handlers.set(channel, (set = new Set()));
			set.add(onMessage);
		}
	}

	onStatus(listener: (status: BusStatus) => void): void {
		queueMicrotask(() => listener(this.status()));
	}

	status(): BusStatus {
		return { connected: !this.#closed };
	}

	async xadd(stream: string, fields: Record<string, string>, maxLen: number): Promise<void> {
		let entries = this.#streams.get(stream);
		if (!entries) this.#streams.set(stream, (entries = []));
		entries.push([`${Date.now()}-${this.#streamSeq++}`, fields]);
		if (entries.length > maxLen) entries.splice(0, entries.length - maxLen);
	}

	async xrange(
		stream: string,
		afterId: string,
		count: number
	): Promise<Array<[string, Record<string, string>]> | null> {
		const entries = this.#streams.get(stream) ?? [];
		const start = afterId === '0' ? 0 : entries.findIndex(([id]) => id === afterId) + 1;
		return entries.slice(start, start + count);
	}

	async xrevrange(
		stream: string,
		beforeId: string | null,
		count: number
	): Promise<Array<[string, Record<string, string>]> | null> {
		const entries = this.#streams.get(stream) ?? [];
		const end = beforeId === null ? entries.length : entries.findIndex(([id]) => id === beforeId);
		return entries.slice(Math.max(0, end - count), Math.max(0, end)).reverse();
	}

	async lastStreamId(stream: string): Promise<string | null> {
		const entries = this.#streams.get(stream);
		return entries?.at(-1)?.[0] ?? '0';
	}

	async hgetall(key: string): Promise<Record<string, string>> {
		return { ...this.#hashes.get(key) };
	}

	async hset(key: string, field: string, value: string): Promise<void> {
		let hash = this.#hashes.get(key);
		if (!hash) this.#hashes.set(key, (hash = {}));
		hash[field] = value;
	}

	async hdel(key: string, fields: string[]): Promise<void> {
		const hash = this.#hashes.get(key);
		if (hash) for (const field of fields) delete hash[field];
	}

	/** The embedded mode lives as long as its process: nothing outlives it, so nothing needs to expire. */
	async expire(): Promise<void> {}

	async close(): Promise<void> {
		this.#closed = true;
		this.#handlers.clear();
	}
}
