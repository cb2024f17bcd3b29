import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deleteOldest } from './oldest-first';

describe('deleteOldest', () => {
	it('deletes in insertion order, a re-inserted key counting as new, like keys().next()', () => {
		fc.assert(
			fc.property(
				fc.array(fc.oneof(fc.record({ set: fc.nat(40) }), fc.constant({ evict: true as const })), {
					maxLength: 300
				}),
				(ops) => {
					const map = new Map<number, number>();
					const reference = new Map<number, number>();
					for (const op of ops) {
						if ('set' in op) {
							// Move to the young end, as the customer memory does.
							map.delete(op.set);
							map.set(op.set, op.set);
							reference.delete(op.set);
							reference.set(op.set, op.set);
						} else {
							const first = reference.keys().next();
							if (!first.done) reference.delete(first.value);
							expect(deleteOldest(map)).toBe(first.done ? undefined : first.value);
						}
						expect([...map.keys()]).toEqual([...reference.keys()]);
					}
				}
			)
		);
	});
});
