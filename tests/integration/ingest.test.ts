import { Redis } from 'ioredis';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import type { CcEvent } from '../../src/lib/shared/contract/events';
import { channelNames } from '../../src/lib/server/bus/bus';
import { RedisBus } from '../../src/lib/server/bus/redis-bus';
import { Ingest } from '../../src/lib/server/ingest/ingest';
import { silentLogger } from '../../src/lib/server/util/logger';
import { TestPlatform } from '../support/platform';

let prefixCounter = 0;
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
	for (const fn of cleanups.splice(0).reverse()) await fn();
});

/** A real Ingest on a real Redis under a fresh prefix, recording what it applies. */
async function setup(options: { writeLog?: boolean } = {}) {
	const url = inject('redisUrl');
	const prefix = `it${process.pid}x${++prefixCounter}`;
	const bus = new RedisBus(url);
	const applied: CcEvent[] = [];
	const ingest = new Ingest({
		bus,
		names: channelNames(prefix),
		apply: (events) => applied.push(...events),
		clock: () => Date.now(),
		logger: silentLogger,
		replayFromMs: () => Date.now() - 3600_000,
		limits: { snapshotTimeoutMs: 500, snapshotAttempts: 2, checkpointEveryMs: 200 }
	});
	const platform = new TestPlatform(url, { prefix, writeLog: options.writeLog ?? false });
	ingest.start();
	cleanups.push(
		() => ingest.stop(),
		() => bus.close(),
		() => platform.close()
	);
	await vi.waitFor(() => expect(ingest.ready).toBe(true), { timeout: 5_000 });
	return { ingest, applied, platform, prefix, bus };
}

const login = (agentId: string) => ({
	type: 'agent.login' as const,
	agentId,
	name: `Agent ${agentId}`,
	teamId: 't1',
	queues: ['q1']
});

describe('ingest against a real Redis', () => {
	it('applies valid events and dead-letters malformed ones without losing the valid ones around them', async () => {
		const { ingest, applied, platform, prefix } = await setup();
		await platform.send([platform.event(login('a1'))]);
		await platform.raw('agent', '{not json');
		await platform.send([platform.event(login('a2'))]);
		await platform.raw(
			'agent',
			JSON.stringify({ v: 1, id: 'x1', type: 'agent.login', ts: Date.now(), source: 'pbx9', seq: 0 })
		);
		await platform.raw(
			'agent',
			JSON.stringify({ v: 1, id: 'x2', type: 'agent.teleport', ts: Date.now(), source: 'pbx9', seq: 1 })
		);
		await platform.raw('agent', 'x'.repeat(5 * 1024 * 1024));
		// A batch with one bad item in the middle: both neighbours still apply.
		await platform.raw(
			'agent',
			JSON.stringify([platform.event(login('a3')), { v: 1, id: 'x3' }, platform.event(login('a4'))])
		);
		await platform.send([platform.event(login('a5'))]);

		await vi.waitFor(() =>
			expect(applied.map((e) => (e as { agentId: string }).agentId)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5'])
		);
		expect(ingest.deadLetters.counts()).toEqual({
			not_json: 1,
			bad_fields: 1,
			unknown_type: 1,
			too_large: 1,
			bad_envelope: 1
		});
		const redis = new Redis(inject('redisUrl'));
		cleanups.push(() => redis.disconnect());
		await vi.waitFor(async () => expect(await redis.xlen(`${prefix}:deadletter`)).toBe(5));
		const entries = await redis.xrange(`${prefix}:deadletter`, '-', '+');
		const reasons = entries.map(([, fields]) => fields[fields.indexOf('reason') + 1]);
		expect(reasons).toEqual(['not_json', 'bad_fields', 'unknown_type', 'too_large', 'bad_envelope']);
		const badFields = entries[1]![1];
		expect(badFields[badFields.indexOf('detail') + 1]).toContain('agentId');
		expect(badFields[badFields.indexOf('raw') + 1]).toContain('"id":"x1"');
	});

	it('applies a repeated event id once', async () => {
		const { ingest, applied, platform } = await setup();
		const e = platform.event(login('a1'));
		await platform.send([e]);
		await platform.send([e]);
		await platform.send([platform.event(login('a2'))]);
		await vi.waitFor(() => expect(applied).toHaveLength(2));
		expect(ingest.stats.duplicates).toBe(1);
	});

	it('fills a seq gap from the log stream and applies events in order', async () => {
		const { ingest, applied, platform } = await setup({ writeLog: true });
		await platform.send([platform.event(login('a1'))]);
		// Two events reach the log but are lost on pub/sub.
		await platform.send([platform.event(login('a2'))], { publish: false });
		await platform.send([platform.event(login('a3'))], { publish: false });
		await platform.send([platform.event(login('a4'))]);
		await vi.waitFor(() => expect(applied).toHaveLength(4));
		expect(applied.map((e) => e.seq)).toEqual([0, 1, 2, 3]);
		expect(ingest.stats.gapsDetected).toBe(1);
		expect(ingest.stats.gapsRecovered).toBe(1);
		await vi.waitFor(() => expect(ingest.gapOpen).toBe(false));
	});

	it('asks for a snapshot when the platform keeps no log, and shows the gap until it arrives', async () => {
		const { ingest, applied, platform, prefix } = await setup({ writeLog: false });
		const commands = new Redis(inject('redisUrl'));
		cleanups.push(() => commands.disconnect());
		await commands.subscribe(`${prefix}:command`);
		commands.on('message', (_channel: string, message: string) => {
			const command = JSON.parse(message) as { type: string };
			if (command.type !== 'snapshot.request') return;
			const snapshot = platform.event({
				type: 'floor.snapshot' as const,
				asOf: Date.now(),
				agents: [
					{
						agentId: 'a1',
						name: 'A1',
						teamId: 't1',
						queues: ['q1'],
						state: 'ready' as const,
						since: Date.now()
					}
				],
				contacts: []
			});
			void platform.send([snapshot]);
		});
		await platform.send([platform.event(login('a1'))]);
		platform.event(login('lost')); // numbered but never sent: a gap
		await platform.send([platform.event(login('a3'))]);
		await vi.waitFor(() => expect(ingest.stats.snapshotRequests).toBeGreaterThan(0));
		await vi.waitFor(() => expect(applied.map((e) => e.type)).toContain('floor.snapshot'));
		await vi.waitFor(() => expect(ingest.gapOpen).toBe(false));
		expect(ingest.stats.gapsRecovered).toBe(1);
		expect(applied.map((e) => ('agentId' in e ? e.agentId : e.type))).toEqual(['a1', 'a3', 'floor.snapshot']);
	});

	it('closes an unrecoverable gap after the snapshot attempts, applying the held events', async () => {
		const { ingest, applied, platform } = await setup({ writeLog: false });
		await platform.send([platform.event(login('a1'))]);
		platform.event(login('lost'));
		await platform.send([platform.event(login('a3'))]);
		await vi.waitFor(() => expect(ingest.gapOpen).toBe(true));
		await vi.waitFor(() => expect(ingest.gapOpen).toBe(false), { timeout: 5_000 });
		expect(applied).toHaveLength(2);
		expect(ingest.stats.gapsUnrecovered).toBe(1);
	});

	it('applies the event that revealed a gap in its log place, before the events after it', async () => {
		const { ingest, applied, platform, prefix } = await setup({ writeLog: true });
		const events = Array.from({ length: 8 }, (_, i) => platform.event(login(`a${i}`)));
		// The platform logs all eight, but pub/sub delivers only 0, 1 and 4 before the catch-up reads the log.
		await platform.send(events, { publish: false });
		for (const i of [0, 1, 4]) await platform.redis.publish(`${prefix}:agent`, JSON.stringify(events[i]));
		await vi.waitFor(() => expect(applied).toHaveLength(8));
		expect(applied.map((e) => e.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
		expect(ingest.stats.gapsRecovered).toBe(1);
	});

	it('steps over an event of an unknown type without taking its seq for a gap', async () => {
		const { ingest, applied, platform } = await setup({ writeLog: false });
		await platform.send([platform.event(login('a1'))]);
		// A newer platform version's event: counted and dead-lettered, but it did take seq 1.
		await platform.send([platform.event({ type: 'agent.teleport', agentId: 'a1' })]);
		await platform.send([platform.event(login('a2'))]);
		await vi.waitFor(() => expect(applied).toHaveLength(2));
		expect(ingest.deadLetters.counts()).toEqual({ unknown_type: 1 });
		expect(ingest.stats.gapsDetected).toBe(0);
		expect(ingest.gapOpen).toBe(false);
	});
});

describe('sharded pub/sub (REDIS_PUBSUB=sharded)', () => {
	it('receives what a platform sends with SPUBLISH on hash-tagged channels, and publishes with SPUBLISH', async () => {
		const url = inject('redisUrl');
		const prefix = `cc:{it${process.pid}s}`;
		const bus = new RedisBus(url, { pubsub: 'sharded' });
		const platform = new Redis(url, { maxRetriesPerRequest: null });
		const listener = new Redis(url, { maxRetriesPerRequest: null });
		cleanups.push(
			() => bus.close(),
			() => void platform.disconnect(),
			() => void listener.disconnect()
		);
		const received: string[] = [];
		await bus.subscribe([`${prefix}:agent`], (_channel, message) => received.push(message));
		// A classic PUBLISH does not reach a shard subscriber: the mode must match the platform's.
		await platform.publish(`${prefix}:agent`, 'classic');
		await platform.spublish(`${prefix}:agent`, 'sharded');
		await vi.waitFor(() => expect(received).toEqual(['sharded']));

		const heard: string[] = [];
		listener.on('smessage', (_channel: string, message: string) => heard.push(message));
		await listener.ssubscribe(`${prefix}:command`);
		await bus.publish(`${prefix}:command`, '{"v":1}');
		await vi.waitFor(() => expect(heard).toEqual(['{"v":1}']));
	});
});
