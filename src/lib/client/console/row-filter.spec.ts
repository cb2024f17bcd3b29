import { describe, expect, it } from 'vitest';
import type { ConsoleAgentRow } from '$lib/shared/protocol/team-frames';
import { DEFAULT_FILTER, filterRows } from './row-filter';

const row = (agentId: string, over: Partial<ConsoleAgentRow> = {}): ConsoleAgentRow => ({
	agentId,
	name: agentId,
	teamId: 't1',
	queues: ['q1'],
	state: 'ready',
	reason: null,
	sinceMs: 0,
	load: 0,
	contacts: [],
	handled: 0,
	ahtSec: null,
	occupancy: null,
	flags: [],
	monitors: [],
	...over
});

describe('filterRows', () => {
	const rows = [
		row('a-1', { name: '张三', state: 'on_contact', sinceMs: 100 }),
		row('a-2', { name: '李四', queues: ['q2'], teamId: 't2', flags: ['talk'], sinceMs: 500 }),
		row('a-3', { name: 'Wang Wu', state: 'offline' })
	];

	it('puts flagged agents first and offline agents last by default', () => {
		expect(filterRows(rows, DEFAULT_FILTER).map((r) => r.agentId)).toEqual(['a-2', 'a-1', 'a-3']);
	});

	it('filters by team, queue, state and text on name or id', () => {
		expect(filterRows(rows, { ...DEFAULT_FILTER, teamId: 't2' }).map((r) => r.agentId)).toEqual(['a-2']);
		expect(filterRows(rows, { ...DEFAULT_FILTER, queueId: 'q1' }).map((r) => r.agentId)).toEqual([
			'a-1',
			'a-3'
		]);
		expect(filterRows(rows, { ...DEFAULT_FILTER, state: 'on_contact' }).map((r) => r.agentId)).toEqual([
			'a-1'
		]);
		expect(filterRows(rows, { ...DEFAULT_FILTER, text: 'wang' }).map((r) => r.agentId)).toEqual(['a-3']);
		expect(filterRows(rows, { ...DEFAULT_FILTER, text: 'A-1' }).map((r) => r.agentId)).toEqual(['a-1']);
	});

	it('sorts by longest time in state', () => {
		expect(filterRows(rows, { ...DEFAULT_FILTER, sort: 'timeInState' }).map((r) => r.agentId)).toEqual([
			'a-3',
			'a-1',
			'a-2'
		]);
	});
});
