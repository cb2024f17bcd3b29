import { describe, expect, it } from 'vitest';
import { parseEvent } from '../../shared/contract';
import { createEventBuilder } from './test-events';

describe('the test event builder', () => {
	it('numbers events with increasing seq and unique ids, at the time it is set to', () => {
		const b = createEventBuilder({ startMs: 1_763_860_000_000, source: 'sim' });
		b.login('a1');
		b.after(2.5).queued('c1', 'q1');
		b.atSec(10).answered('c1', 'a1');
		expect(b.events.map((e) => [e.seq, e.ts - b.startMs, e.source])).toEqual([
			[1, 0, 'sim'],
			[2, 2500, 'sim'],
			[3, 10_000, 'sim']
		]);
		expect(new Set(b.events.map((e) => e.id)).size).toBe(3);
	});

	it('builds events that the contract parser accepts as they are', () => {
		const b = createEventBuilder();
		b.queued('c1', 'q1', { channel: 'chat', vip: true, customerId: 'cu-1' });
		b.transferred('c1', 'a1', { toQueueId: 'q2' });
		b.snapshot([], []);
		for (const e of b.events)
			expect(parseEvent(JSON.parse(JSON.stringify(e)))).toEqual({ ok: true, event: e });
	});

	it('refuses to build an event the contract would reject', () => {
		expect(() => createEventBuilder().survey('c1', 9)).toThrow(/score must be 1..5/);
	});

	it('hands over the events built since the last take', () => {
		const b = createEventBuilder();
		b.login('a1');
		expect(b.take()).toHaveLength(1);
		b.logout('a1');
		expect(b.take().map((e) => e.type)).toEqual(['agent.logout']);
	});
});
