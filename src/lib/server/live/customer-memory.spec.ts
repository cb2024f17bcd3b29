import { describe, expect, it } from 'vitest';
import { CustomerMemory, REPEAT_SPAN_MS } from './customer-memory';

const H = 3_600_000;
const T0 = Date.UTC(2025, 10, 11, 2, 0, 0);

describe('CustomerMemory: a repeat is another contact of the customer queued in the 48 h before', () => {
	it('counts a contact within 48 h, exactly 48 h before, and not one more than 48 h before', () => {
		const m = new CustomerMemory(100);
		expect(m.note('u1', 'c1', T0)).toBe(false);
		expect(m.note('u1', 'c2', T0 + 47 * H)).toBe(true);
		const n = new CustomerMemory(100);
		n.note('u1', 'c1', T0);
		expect(n.note('u1', 'c2', T0 + REPEAT_SPAN_MS)).toBe(true);
		const o = new CustomerMemory(100);
		o.note('u1', 'c1', T0);
		expect(o.note('u1', 'c2', T0 + REPEAT_SPAN_MS + 1)).toBe(false);
	});

	it('does not count the same instant, nor a contact as a repeat of itself', () => {
		const m = new CustomerMemory(100);
		m.note('u1', 'c1', T0);
		expect(m.note('u1', 'c2', T0)).toBe(false);
		const n = new CustomerMemory(100);
		n.note('u1', 'c1', T0);
		expect(n.note('u1', 'c1', T0 + H)).toBe(false);
		// Noted again behind a later contact, c1 is judged against the others only: c0 is before it
		n.note('u1', 'c3', T0 + 2 * H);
		n.note('u1', 'c0', T0 - H);
		expect(n.note('u1', 'c1', T0)).toBe(true);
	});

	it('judges a late contact (out of order) against the contacts before it in time', () => {
		const m = new CustomerMemory(100);
		m.note('u1', 'c2', T0 + 10 * H);
		// c1 queued earlier than c2 but arrives after it: nothing was before c1
		expect(m.note('u1', 'c1', T0)).toBe(false);
		expect(m.note('u1', 'c3', T0 + 11 * H)).toBe(true);
	});

	it('keeps customers apart', () => {
		const m = new CustomerMemory(100);
		m.note('u1', 'c1', T0);
		expect(m.note('u2', 'c2', T0 + H)).toBe(false);
		expect(m.size).toBe(2);
	});
});

describe('CustomerMemory: bounded', () => {
	it('holds at most maxCustomers sightings and forgets the least recently seen customer first', () => {
		const m = new CustomerMemory(3);
		m.note('u1', 'c1', T0);
		m.note('u2', 'c2', T0 + 1);
		m.note('u3', 'c3', T0 + 2);
		// u1 seen again: now u2 is the least recently seen, and the next new customer pushes u2 out
		expect(m.note('u1', 'c4', T0 + 3)).toBe(true);
		m.note('u4', 'c5', T0 + 4);
		expect(m.size).toBe(3);
		expect(m.note('u2', 'c6', T0 + 5)).toBe(false);
		expect(m.note('u4', 'c7', T0 + 6)).toBe(true);
	});

	it('drops an older sighting of a customer still remembered by a newer one', () => {
		const m = new CustomerMemory(2);
		m.note('u1', 'c1', T0);
		m.note('u1', 'c2', T0 + H);
		// The third sighting overwrites c1's slot; u1 is still remembered through c2
		expect(m.note('u1', 'c3', T0 + 2 * H)).toBe(true);
		expect(m.size).toBe(1);
		// c1 itself is forgotten, so noting it again is a new sighting judged against c2 and c3
		expect(m.note('u1', 'c1', T0 + 30 * 60_000)).toBe(false);
	});

	it('consults the latest four sightings of a customer', () => {
		const m = new CustomerMemory(100);
		// c0 at T0, then four more just over 48 h after it (one long sale day and night)
		m.note('u1', 'c0', T0);
		for (let i = 1; i <= 4; i++) m.note('u1', `c${i}`, T0 + REPEAT_SPAN_MS + i * H);
		// c0 is the fifth sighting back: no longer consulted, so a late c9 right after it is not a repeat
		expect(m.note('u1', 'c9', T0 + 1)).toBe(false);
	});

	it('grows past its first columns without losing sightings', () => {
		const m = new CustomerMemory(5000);
		for (let i = 0; i < 3000; i++) m.note(`u${i}`, `c${i}`, T0 + i);
		let repeats = 0;
		for (let i = 0; i < 3000; i++) if (m.note(`u${i}`, `d${i}`, T0 + H + i)) repeats++;
		expect(repeats).toBe(3000);
		expect(m.size).toBe(3000);
	});

	it('refuses a size below one', () => {
		expect(() => new CustomerMemory(0)).toThrow(RangeError);
	});
});
