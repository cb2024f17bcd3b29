import { describe, expect, it } from 'vitest';
import { grownTo, SlotRing } from './slot-ring';

describe('SlotRing', () => {
	it('hands out fresh slots up to its limit, then the oldest in turn', () => {
		const ring = new SlotRing(3);
		const taken = [ring.take(), ring.take()];
		expect(ring.full).toBe(false);
		taken.push(ring.take());
		expect(ring.full).toBe(true);
		for (let i = 0; i < 4; i++) taken.push(ring.take());
		expect(taken).toEqual([0, 1, 2, 0, 1, 2, 0]);
		// Oldest first: slot 1 (taken 5th), then 2, then 0 (just taken)
		expect([0, 1, 2].map((age) => ring.slotAt(age))).toEqual([1, 2, 0]);
	});

	it('refuses a limit below one', () => {
		expect(() => new SlotRing(0)).toThrow(RangeError);
	});

	it('grows a column keeping what it held', () => {
		const column = Float64Array.of(1.5, 2.5);
		const grown = grownTo(column, 4);
		expect(grown).toBeInstanceOf(Float64Array);
		expect([...grown]).toEqual([1.5, 2.5, 0, 0]);
	});
});
