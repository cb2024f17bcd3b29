import { describe, expect, it } from 'vitest';
import { ArrivalRate } from './arrival-rate';

const T0 = Date.UTC(2026, 11, 1, 20, 0, 0);
const bounds = { minMs: 10_000, maxMs: 120_000 };

describe('ArrivalRate.staleAfterMs', () => {
	it('is the lower bound on a busy floor: 900 messages in 15 min is one a second, 5 × 1 s < 10 s', () => {
		const rate = new ArrivalRate(T0 - 3_600_000);
		for (let i = 0; i < 900; i++) rate.record(T0 - 900_000 + i * 1_000);
		expect(rate.staleAfterMs(T0, bounds)).toBe(10_000);
	});

	it('stretches on a quiet night: one message per ~20 s gives about 5 × 20 s', () => {
		// T0 is on a bucket edge, so the window is the 89 buckets before it: 890 s. 45 messages in it,
		// one every 20 s: the mean gap is 890 ÷ 45 = 19.78 s, and 5 × 19.78 s = 98.9 s.
		const rate = new ArrivalRate(T0 - 3_600_000);
		for (let i = 0; i < 45; i++) rate.record(T0 - 890_000 + i * 20_000);
		expect(rate.recent(T0)).toEqual({ messages: 45, windowMs: 890_000 });
		expect(rate.staleAfterMs(T0, bounds)).toBe(98_889);
	});

	it('stops at the upper bound, also when nothing came at all', () => {
		const rate = new ArrivalRate(T0 - 3_600_000);
		expect(rate.staleAfterMs(T0, bounds)).toBe(120_000);
		rate.record(T0 - 60_000);
		expect(rate.staleAfterMs(T0, bounds)).toBe(120_000); // 5 × 900 s, capped
	});

	it('forgets messages older than the window', () => {
		const rate = new ArrivalRate(T0 - 3_600_000);
		for (let i = 0; i < 900; i++) rate.record(T0 - 3_000_000 + i * 1_000);
		expect(rate.recent(T0).messages).toBe(0);
		expect(rate.staleAfterMs(T0, bounds)).toBe(120_000);
	});

	it('measures over the time since start while that is shorter than the window', () => {
		// Up for 60 s with 12 messages: one per 5 s, so 25 s.
		const rate = new ArrivalRate(T0 - 60_000);
		for (let i = 0; i < 12; i++) rate.record(T0 - 60_000 + i * 5_000);
		expect(rate.recent(T0)).toEqual({ messages: 12, windowMs: 60_000 });
		expect(rate.staleAfterMs(T0, bounds)).toBe(25_000);
	});
});
