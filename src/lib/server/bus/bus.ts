/**
 * The message bus as the rest of the server sees it: Redis in production, an in-process bus in the
 * embedded demo mode. Kept to what both can honour; Redis-only features (streams) are optional.
 */
export type MessageHandler = (channel: string, message: string) => void;

export interface BusStatus {
	connected: boolean;
}

export interface Bus {
	/** Publishes one message; resolves when handed to the bus (not when delivered). */
	publish(channel: string, message: string): Promise<void>;
	/** Subscribes to exact channel names. Resubscribes by itself after a reconnect. */
	subscribe(channels: string[], onMessage: MessageHandler): Promise<void>;
	/** Called on (re)connect and disconnect, so ingest can mark a gap and recover. */
	onStatus(listener: (status: BusStatus) => void): void;
	status(): BusStatus;
	/** Appends to a capped stream (dead letters, logs). No-op where the bus has no streams. */
	xadd(stream: string, fields: Record<string, string>, maxLen: number): Promise<void>;
	/** Reads a stream after `afterId` ('0' = from the start); null when the bus has no streams. */
	xrange(
		stream: string,
		afterId: string,
		count: number
	): Promise<Array<[id: string, fields: Record<string, string>]> | null>;
	/**
	 * Reads a stream backwards, newest first, from before `beforeId` (null = from the newest); null when
	 * the bus has no streams.
	 */
	xrevrange(
		stream: string,
		beforeId: string | null,
		count: number
	): Promise<Array<[id: string, fields: Record<string, string>]> | null>;
	/** Id of the last entry of a stream, '0' when empty, null when the bus has no streams. */
	lastStreamId(stream: string): Promise<string | null>;
	/** Every field of a hash (settings); {} when the key is absent. */
	hgetall(key: string): Promise<Record<string, string>>;
	/** Sets one field of a hash. */
	hset(key: string, field: string, value: string): Promise<void>;
	/** Removes fields of a hash (expired entries); deleting an absent field is not an error. */
	hdel(key: string, fields: string[]): Promise<void>;
	/** Drops the key after `seconds` unless renewed: a backstop for data that cleans up after itself. */
	expire(key: string, seconds: number): Promise<void>;
	close(): Promise<void>;
}

/** Channel names of the contract under a prefix (CONTRACT.md "Transport"). */
export function channelNames(prefix: string) {
	return {
		agent: `${prefix}:agent`,
		contact: `${prefix}:contact`,
		supervision: `${prefix}:supervision`,
		command: `${prefix}:command`,
		commandResult: `${prefix}:command.result`,
		log: `${prefix}:log`,
		deadLetter: `${prefix}:deadletter`
	} as const;
}
export type ChannelNames = ReturnType<typeof channelNames>;
