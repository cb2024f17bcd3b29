import { Redis } from 'ioredis';

/**
 * A stand-in for a telephony platform in tests: numbers its events per source, publishes them on the
 * contract's channels and (optionally) appends them to the log stream, and can "lose" a publish to
 * create the gaps that pub/sub produces in real life.
 */
export class TestPlatform {
	readonly redis: Redis;
	readonly prefix: string;
	readonly source: string;
	seq = 0;
	#idCounter = 0;
	writeLog: boolean;

	constructor(url: string, options: { prefix: string; source?: string; writeLog?: boolean }) {
		this.redis = new Redis(url, { maxRetriesPerRequest: null });
		this.prefix = options.prefix;
		this.source = options.source ?? 'pbx1';
		this.writeLog = options.writeLog ?? true;
	}

	/** Completes an event body with the envelope (v, id, source, seq, ts). */
	event<T extends { type: string }>(body: T, ts = Date.now()): T & Envelope {
		const seq = this.seq++;
		return { v: 1, id: `${this.source}-${++this.#idCounter}-${seq}`, source: this.source, seq, ts, ...body };
	}

	channelOf(type: string): string {
		if (type.startsWith('contact.')) return `${this.prefix}:contact`;
		if (type.startsWith('supervision.')) return `${this.prefix}:supervision`;
		return `${this.prefix}:agent`;
	}

	/** Publishes (and logs) one or more already-built events, as a batch when more than one. */
	async send(events: Array<{ type: string }>, options: { publish?: boolean } = {}): Promise<void> {
		if (this.writeLog) {
			for (const e of events) await this.redis.xadd(`${this.prefix}:log`, '*', 'e', JSON.stringify(e));
		}
		if (options.publish === false || events.length === 0) return;
		const channel = this.channelOf(events[0]!.type);
		await this.redis.publish(channel, JSON.stringify(events.length === 1 ? events[0] : events));
	}

	async raw(channel: 'agent' | 'contact' | 'supervision' | 'command.result', payload: string): Promise<void> {
		await this.redis.publish(`${this.prefix}:${channel}`, payload);
	}

	async close(): Promise<void> {
		this.redis.disconnect();
	}
}

export interface Envelope {
	v: 1;
	id: string;
	source: string;
	seq: number;
	ts: number;
}

/**
 * The platform's side of the command contract: hears every command on `<prefix>:command` and answers
 * on `<prefix>:command.result` with what `answer` returns for it (`commandId` added), or stays silent
 * when it returns null, as a platform that lost the command would.
 */
export async function answerCommands(
	url: string,
	prefix: string,
	answer: (command: Record<string, unknown>) => Record<string, unknown> | null
): Promise<{ close(): void }> {
	const listener = new Redis(url, { maxRetriesPerRequest: null });
	const publisher = new Redis(url, { maxRetriesPerRequest: null });
	await listener.subscribe(`${prefix}:command`);
	listener.on('message', (_channel: string, message: string) => {
		const command = JSON.parse(message) as Record<string, unknown>;
		const result = answer(command);
		if (result === null) return;
		void publisher.publish(
			`${prefix}:command.result`,
			JSON.stringify({ v: 1, commandId: command.id, ...result })
		);
	});
	return {
		close: () => {
			listener.disconnect();
			publisher.disconnect();
		}
	};
}
