import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdMap } from './id-map';

describe('IdMap', () => {
	it('answers as a Map does through any mix of sets and deletes', () => {
		const op = fc.record({
			id: fc.integer({ min: 0, max: 60 }).map((n) => `c${n}`),
			value: fc.integer(),
			del: fc.boolean()
		});
		fc.assert(
			fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
				const map = new IdMap<number>();
				const model = new Map<string, number>();
				for (const { id, value, del } of ops) {
					if (del) expect(map.delete(id)).toBe(model.delete(id));
					else {
						map.set(id, value);
						model.set(id, value);
					}
					expect(map.size).toBe(model.size);
					expect(map.get(id)).toBe(model.get(id));
					expect(map.has(id)).toBe(model.has(id));
				}
				expect(new Map(map)).toEqual(model);
				expect([...map.keys()].sort()).toEqual([...model.keys()].sort());
				expect([...map.values()].sort()).toEqual([...model.values()].sort());
			})
		);
	});

	it('iterates in slot order: insertion order until a deleted slot is reused', () => {
		const map = new IdMap<string>();
		for (const id of ['a', 'b', 'c']) map.set(id, id.toUpperCase());
		expect([...map]).toEqual([
			['a', 'A'],
			['b', 'B'],
			['c', 'C']
		]);
		map.delete('b');
		map.set('d', 'D');
		expect([...map.keys()]).toEqual(['a', 'd', 'c']);
		map.clear();
		expect(map.size).toBe(0);
		expect(map.get('a')).toBeUndefined();
		map.set('e', 'E');
		expect([...map.values()]).toEqual(['E']);
	});
});
