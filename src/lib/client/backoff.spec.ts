import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from './backoff';

const options = { baseMs: 500, capMs: 30_000 };

describe('backoffDelayMs', () => {
	it('doubles the ceiling with each attempt', () => {
		expect([0, 1, 2, 3, 4].map((n) => backoffDelayMs(n, () => 1, options))).toEqual([
			500, 1000, 2000, 4000, 8000
		]);
	});

	it('never waits less than half the ceiling, so retries never bunch at zero', () => {
		expect(backoffDelayMs(3, () => 0, options)).toBe(2000);
	});

	it('caps the delay at about 30 s however many attempts failed', () => {
		expect(backoffDelayMs(12, () => 1, options)).toBe(30_000);
		expect(backoffDelayMs(Number.MAX_SAFE_INTEGER, () => 1, options)).toBe(30_000);
		expect(backoffDelayMs(Number.MAX_SAFE_INTEGER, () => 0, options)).toBe(15_000);
	});

	it('spreads clients across the jitter range', () => {
		const delays = [0, 0.25, 0.5, 0.75, 1].map((r) => backoffDelayMs(4, () => r, options));
		expect(delays).toEqual([4000, 5000, 6000, 7000, 8000]);
	});

	it('tolerates a random source outside 0..1 and negative attempts', () => {
		expect(backoffDelayMs(-3, () => 7, options)).toBe(500);
	});
});
