import { Redis } from 'ioredis';
import { rowField, type IntervalRow, type IntervalSize } from './interval-row';
import { groupByInterval, intervalKey, openIntervalKey, type HistoryStore, type WriteMode } from './store';

/**
 * Interval rows in Redis: `<prefix>:history:v1:i<size>:<startMs>` is a hash with one field per queue
 * (`q:<queueId>`), channel (`ch:<channel>`) and the centre (`centre`), each the whole row as JSON; the
 * same key with `:open` holds the rows of an interval still running. Every key expires at its start +
 * retention (PEXPIREAT, absolute, so rewriting an interval never extends its life).
 */
export class RedisHistoryStore implements HistoryStore {
	readonly redis: Redis;
	readonly #prefix: string;
	readonly #retentionMs: number;
	readonly #owned: boolean;

	constructor(options: { url?: string; redis?: Redis; prefix: string; retentionMs: number }) {
		// Our own connection: a month-long report read must not queue in front of live traffic.
		this.redis = options.redis ?? new Redis(options.url!, { maxRetriesPerRequest: null });
		this.#owned = !options.redis;
		this.#prefix = options.prefix;
		this.#retentionMs = options.retentionMs;
	}

	async write(rows: readonly IntervalRow[], mode: WriteMode): Promise<void> {
		if (rows.length === 0) return;
		const pipeline = this.redis.pipeline();
		for (const group of groupByInterval(rows).values()) {
			const { size, startMs } = group[0]!;
			const expireAtMs = startMs + this.#retentionMs;
			const key = intervalKey(this.#prefix, size, startMs);
			const openKey = openIntervalKey(this.#prefix, size, startMs);
			const open = group.filter((row) => !row.closed);
			const closed = group.filter((row) => row.closed);
			if (open.length) {
				pipeline.hset(openKey, ...open.flatMap((row) => [rowField(row), JSON.stringify(row)]));
				pipeline.pexpireat(openKey, expireAtMs);
			}
			if (closed.length === 0) continue;
			if (mode === 'replace') {
				pipeline.hset(key, ...closed.flatMap((row) => [rowField(row), JSON.stringify(row)]));
			} else {
				for (const row of closed) pipeline.hsetnx(key, rowField(row), JSON.stringify(row));
			}
			pipeline.pexpireat(key, expireAtMs);
			pipeline.del(openKey);
		}
		const results = await pipeline.exec();
		const failed = results?.find(([err]) => err);
		if (failed) throw failed[0];
	}

	async read(
		size: IntervalSize,
		startsMs: readonly number[],
		fields?: readonly string[]
	): Promise<IntervalRow[]> {
		if (startsMs.length === 0 || fields?.length === 0) return [];
		const pipeline = this.redis.pipeline();
		for (const startMs of startsMs) {
			const key = intervalKey(this.#prefix, size, startMs);
			const openKey = openIntervalKey(this.#prefix, size, startMs);
			// Only the rows asked for: a one-queue report reads a twentieth of the bytes of the whole centre.
			if (fields) pipeline.hmget(key, ...fields).hmget(openKey, ...fields);
			else pipeline.hgetall(key).hgetall(openKey);
		}
		const results = (await pipeline.exec()) ?? [];
		const rows: IntervalRow[] = [];
		for (let i = 0; i < results.length; i += 2) {
			const [closedErr, closed] = results[i]!;
			const [openErr, open] = results[i + 1]!;
			if (closedErr) throw closedErr;
			if (openErr) throw openErr;
			if (fields) {
				const closedValues = closed as (string | null)[];
				const openValues = open as (string | null)[];
				fields.forEach((_, f) => {
					const json = closedValues[f] ?? openValues[f];
					if (json) rows.push(JSON.parse(json) as IntervalRow);
				});
				continue;
			}
			const merged = { ...(open as Record<string, string>), ...(closed as Record<string, string>) };
			for (const json of Object.values(merged)) rows.push(JSON.parse(json) as IntervalRow);
		}
		return rows;
	}

	async close(): Promise<void> {
		if (this.#owned) this.redis.disconnect();
	}
}
