import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CcEvent } from '../../src/lib/shared/contract/events';
import { channelNames } from '../../src/lib/server/bus/bus';
import { RedisBus } from '../../src/lib/server/bus/redis-bus';
import { Ingest } from '../../src/lib/server/ingest/ingest';
import { silentLogger } from '../../src/lib/server/util/logger';
import { TestPlatform } from '../support/platform';
import { startRedis, type RedisHandle } from '../support/redis-server';

// Its own redis-server, because this test kills it.
let redis: RedisHandle;
beforeAll(async () => {
	redis = await startRedis();
});
afterAll(async () => {
	await redis.stop();
});

const login = (agentId: string) => ({
	type: 'agent.login' as const,
	agentId,
	name: agentId,
	teamId: 't1',
	queues: ['q1']
});

describe('Redis restarted mid-run', () => {
	it('marks figures not current while down, reconnects by itself and applies what follows', async () => {
		const bus = new RedisBus(redis.url);
		const applied: CcEvent[] = [];
		const ingest = new Ingest({
			bus,
			names: channelNames('rc'),
			apply: (events) => applied.push(...events),
			clock: () => Date.now(),
			logger: silentLogger,
			replayFromMs: () => Date.now() - 3600_000,
			limits: { snapshotTimeoutMs: 300, snapshotAttempts: 1 }
		});
		ingest.start();
		await vi.waitFor(() => expect(ingest.ready).toBe(true), { timeout: 5_000 });
		const before = new TestPlatform(redis.url, { prefix: 'rc', writeLog: true });
		await before.send([before.event(login('a1'))]);
		await vi.waitFor(() => expect(applied).toHaveLength(1));
		before.redis.disconnect();

		await redis.restart(800);
		// The flag may flip quickly; what matters is that it was seen and that it clears.
		expect(ingest.stats.disconnects).toBeGreaterThanOrEqual(1);
		await vi.waitFor(() => expect(bus.status().connected).toBe(true), { timeout: 10_000 });
		await vi.waitFor(() => expect(ingest.gapOpen).toBe(false), { timeout: 10_000 });

		const after = new TestPlatform(redis.url, { prefix: 'rc', writeLog: true });
		after.seq = before.seq;
		await after.send([after.event(login('a2'))]);
		await vi.waitFor(() => expect(applied.map((e) => ('agentId' in e ? e.agentId : e.type))).toContain('a2'));
		expect(ingest.stats.recoveries).toBeGreaterThanOrEqual(2);
		after.redis.disconnect();
		ingest.stop();
		await bus.close();
	});
});
