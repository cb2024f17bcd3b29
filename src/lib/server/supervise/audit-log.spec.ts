import { describe, expect, it } from 'vitest';
import { MemoryBus } from '../bus/memory-bus';
import { silentLogger } from '../util/logger';
import type { AuditEntry } from './audit-entry';
import { AuditLog } from './audit-log';

const entry = (user: string, atMs: number): AuditEntry => ({
	v: 1,
	atMs,
	user,
	role: 'supervisor',
	action: 'barge',
	agentId: 'a1',
	teamId: 't1',
	contactId: 'c1',
	sessionId: null,
	mode: 'barge',
	reason: null,
	commandId: `cmd-${user}`,
	commandType: 'supervise',
	outcome: 'succeeded',
	error: null,
	durationMs: 5
});

describe('AuditLog.query', () => {
	it('lists by request time, newest first, though a timed-out request was written after later ones', async () => {
		const log = new AuditLog({ bus: new MemoryBus(), prefix: 't', logger: silentLogger });
		const now = Date.now();
		// Written in finishing order: "slow" was asked first and finished last (a 10 s timeout).
		await log.append(entry('quick-1', now - 5_000));
		await log.append(entry('quick-2', now - 4_000));
		await log.append(entry('slow', now - 10_000));
		expect((await log.query({})).map((e) => e.user)).toEqual(['quick-2', 'quick-1', 'slow']);
		// The two newest requests, even though the oldest request is the newest entry of the stream.
		expect((await log.query({}, 2)).map((e) => e.user)).toEqual(['quick-2', 'quick-1']);
		expect((await log.query({ user: 'slow' })).map((e) => e.user)).toEqual(['slow']);
	});

	it('reads the stream in pages, backwards, past a page boundary', async () => {
		const bus = new MemoryBus();
		const log = new AuditLog({ bus, prefix: 't', logger: silentLogger });
		const now = Date.now();
		for (let i = 0; i < 2_500; i++) await log.append(entry(`u${i}`, now - 2_500 + i));
		const all = await log.query({});
		expect(all).toHaveLength(2_500);
		expect(all[0]!.user).toBe('u2499');
		expect(all.at(-1)!.user).toBe('u0');
		expect((await log.query({}, 3)).map((e) => e.user)).toEqual(['u2499', 'u2498', 'u2497']);
	});

	it('stops at entries written before the filter’s start', async () => {
		const log = new AuditLog({ bus: new MemoryBus(), prefix: 't', logger: silentLogger });
		await log.append(entry('old', Date.now() - 60_000));
		expect(await log.query({ fromMs: Date.now() + 60_000 })).toEqual([]);
	});
});
