import { describe, expect, it } from 'vitest';
import { parseNdjson } from './ndjson-import';

const line = (id: string, ts: number, extra: Record<string, unknown> = {}) =>
	JSON.stringify({
		v: 1,
		id,
		type: 'agent.state',
		ts: 1_770_000_000_000 + ts,
		source: 's',
		seq: 0,
		agentId: 'a1',
		state: 'ready',
		...extra
	});

describe('parseNdjson', () => {
	it('reports a malformed line by its number and keeps the rest', () => {
		const text = [
			line('e1', 3),
			line('e2', 1),
			'{not json',
			'',
			line('e3', 2, { state: 'dancing' }),
			line('e4', 2)
		].join('\n');
		const parsed = parseNdjson(text);
		expect(parsed.events.map((e) => e.id)).toEqual(['e2', 'e4', 'e1']);
		expect(parsed.problems.map((p) => p.line)).toEqual([3, 5]);
		expect(parsed.problems[1]!.message).toContain('agent.state');
	});

	it('counts a repeated id once and keeps file order among equal times', () => {
		const parsed = parseNdjson(`\uFEFF${line('a', 5)}\r\n${line('b', 5)}\n${line('a', 1)}\n`);
		expect(parsed.events.map((e) => e.id)).toEqual(['a', 'b']);
		expect(parsed.duplicates).toBe(1);
		expect(parsed.problems).toEqual([]);
	});

	it('accepts a JSON array of events on one line', () => {
		expect(parseNdjson(`[${line('a', 1)},${line('b', 2)}]`).events).toHaveLength(2);
	});
});
