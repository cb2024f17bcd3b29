import { describe, expect, it } from 'vitest';
import { KeptPeriods } from './kept-periods';

describe('KeptPeriods', () => {
	it('makes a period once, keeps the newest `kept`, and answers null for one older than all kept', () => {
		const periods = new KeptPeriods<{ startMs: number }>(2);
		const made: number[] = [];
		const create = (startMs: number) => {
			made.push(startMs);
			return { startMs };
		};
		const first = periods.getOrCreate(10, create);
		expect(periods.getOrCreate(10, create)).toBe(first);
		periods.getOrCreate(20, create);
		periods.getOrCreate(10, create);
		periods.getOrCreate(30, create);
		expect(made).toEqual([10, 20, 30]);
		expect(periods.size).toBe(2);
		expect(periods.get(10)).toBeUndefined();
		expect(periods.getOrCreate(10, create)).toBeNull();
		expect([...periods.periodsStartingIn(25, 40)]).toEqual([{ startMs: 30 }]);
	});
});
