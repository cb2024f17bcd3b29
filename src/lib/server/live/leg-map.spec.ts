import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Leg } from './floor-state';
import { LegMap } from './leg-map';

/** Only the keys matter to the map. */
const leg = (agentId: string, contactId = 'c'): Leg => ({ agentId, contactId }) as Leg;

describe('LegMap', () => {
	it('answers as a Map in insertion order does, through any adds, replaces and deletes', () => {
		const op = fc.record({ agent: fc.integer({ min: 0, max: 5 }), del: fc.boolean() });
		fc.assert(
			fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
				const legs = new LegMap('agentId');
				const model = new Map<string, Leg>();
				for (const { agent, del } of ops) {
					const key = `a${agent}`;
					if (del) expect(legs.delete(key)).toBe(model.delete(key));
					else {
						const next = leg(key);
						legs.add(next);
						model.set(key, next);
					}
					expect(legs.size).toBe(model.size);
					expect(legs.get(key)).toBe(model.get(key));
					expect(legs.has(key)).toBe(model.has(key));
					expect(legs.values()).toEqual([...model.values()]);
					expect(Array.from({ length: legs.size }, (_, i) => legs.at(i))).toEqual([...model.values()]);
				}
				expect(new Map(legs)).toEqual(model);
			})
		);
	});

	it('keys an agent’s legs by contact', () => {
		const legs = new LegMap('contactId');
		const first = leg('a1', 'c1');
		legs.add(first);
		legs.add(leg('a1', 'c2'));
		expect(legs.get('c1')).toBe(first);
		expect(legs.get('a1')).toBeUndefined();
		expect([...legs].map(([key]) => key)).toEqual(['c1', 'c2']);
	});

	it('puts a replaced leg where the old one was, and empties on clear', () => {
		const legs = new LegMap('agentId');
		for (const id of ['a1', 'a2', 'a3']) legs.add(leg(id));
		const again = leg('a2', 'other');
		legs.add(again);
		expect(legs.values().map((l) => l.agentId)).toEqual(['a1', 'a2', 'a3']);
		expect(legs.at(1)).toBe(again);
		legs.clear();
		expect(legs.size).toBe(0);
		legs.add(leg('a4'));
		expect(legs.values().map((l) => l.agentId)).toEqual(['a4']);
	});

	it('gives a copy from values(): removing while walking it misses nothing', () => {
		const legs = new LegMap('agentId');
		for (const id of ['a1', 'a2', 'a3']) legs.add(leg(id));
		for (const l of legs.values()) legs.delete(l.agentId);
		expect(legs.size).toBe(0);
	});
});
