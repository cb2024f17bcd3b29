import { describe, expect, it } from 'vitest';
import { consoleRow as row } from '$lib/shared/protocol/test-rows';
import { DEFAULT_FILTER, filterRows } from './row-filter';

describe('filterRows', () => {
	const rows = [
		row('a-1', { name: '张三', state: 'on_contact', sinceMs: 100 }),
		row('a-2', { name: '李四', queues: ['q2'], teamId: 't2', flags: ['talk'], sinceMs: 500 }),
		row('a-3', { name: 'Wang Wu', state: 'offline' })
	];

	it('puts flagged agents first and offline agents last by default', () => {
		expect(filterRows(rows, DEFAULT_FILTER).map((r) => r.agentId)).toEqual(['a-2', 'a-1', 'a-3']);
	});

	it('filters by team, skill, state and text on name or id', () => {
		expect(filterRows(rows, { ...DEFAULT_FILTER, teamId: 't2' }).map((r) => r.agentId)).toEqual(['a-2']);
		expect(filterRows(rows, { ...DEFAULT_FILTER, skillId: 'q1' }).map((r) => r.agentId)).toEqual([
			'a-1',
			'a-3'
		]);
		expect(filterRows(rows, { ...DEFAULT_FILTER, state: 'on_contact' }).map((r) => r.agentId)).toEqual([
			'a-1'
		]);
		expect(filterRows(rows, { ...DEFAULT_FILTER, text: 'wang' }).map((r) => r.agentId)).toEqual(['a-3']);
		expect(filterRows(rows, { ...DEFAULT_FILTER, text: 'A-1' }).map((r) => r.agentId)).toEqual(['a-1']);
	});

	it('keeps skilled-for and serving-now apart', () => {
		const contact = (queueId: string) => ({
			contactId: `c-${queueId}`,
			queueId,
			channel: 'voice' as const,
			status: 'talking' as const,
			sinceMs: 0,
			vip: false,
			answeredAtMs: 0
		});
		const mixed = [
			// Skilled for q1 and q2, but serving a q2 call right now.
			row('b-1', { queues: ['q1', 'q2'], contacts: [contact('q2')] }),
			// Skilled for q1 and serving it.
			row('b-2', { queues: ['q1'], contacts: [contact('q1')] }),
			// Skilled for q1, idle.
			row('b-3', { queues: ['q1'] })
		];
		const ids = (f: Partial<typeof DEFAULT_FILTER>) =>
			filterRows(mixed, { ...DEFAULT_FILTER, sort: 'name', ...f }).map((r) => r.agentId);
		expect(ids({ skillId: 'q1' })).toEqual(['b-1', 'b-2', 'b-3']);
		expect(ids({ queueId: 'q1' })).toEqual(['b-2']);
		expect(ids({ queueId: 'q2' })).toEqual(['b-1']);
		expect(ids({ skillId: 'q2', queueId: 'q1' })).toEqual([]);
		expect(ids({ skillId: 'q1', queueId: 'q2' })).toEqual(['b-1']);
	});

	it('sorts by longest time in state', () => {
		expect(filterRows(rows, { ...DEFAULT_FILTER, sort: 'timeInState' }).map((r) => r.agentId)).toEqual([
			'a-3',
			'a-1',
			'a-2'
		]);
	});
});
