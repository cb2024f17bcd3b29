import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { harmonicSum, lnRisingFactorial } from './special-functions';

/** Kahan-compensated plain sums: slow but obviously right, the reference for the asymptotic branches. */
function directSum(count: number, term: (i: number) => number): number {
	let sum = 0;
	let carry = 0;
	for (let i = 0; i < count; i++) {
		const y = term(i) - carry;
		const t = sum + y;
		carry = t - sum - y;
		sum = t;
	}
	return sum;
}

describe('lnRisingFactorial', () => {
	it('is 0 for an empty product and ln a for one factor', () => {
		expect(lnRisingFactorial(3.5, 0)).toBe(0);
		expect(lnRisingFactorial(3.5, 1)).toBeCloseTo(Math.log(3.5), 15);
	});

	it('gives ln m! for a = 1', () => {
		expect(lnRisingFactorial(1, 300)).toBeCloseTo(
			directSum(300, (i) => Math.log(1 + i)),
			9
		);
	});

	it('matches the direct sum to 1e-13 relative across small and large arguments', () => {
		fc.assert(
			fc.property(
				fc.double({ min: 0.5, max: 1e6, noNaN: true }),
				fc.integer({ min: 0, max: 20_000 }),
				(a, m) => {
					const expected = directSum(m, (i) => Math.log(a + i));
					const actual = lnRisingFactorial(a, m);
					expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(expected)));
				}
			),
			{ numRuns: 60 }
		);
	});
});

describe('harmonicSum', () => {
	it('matches the direct sum to 1e-13 relative across small and large arguments', () => {
		fc.assert(
			fc.property(
				fc.double({ min: 0.5, max: 1e7, noNaN: true }),
				fc.integer({ min: 0, max: 20_000 }),
				(a, n) => {
					const expected = directSum(n, (i) => 1 / (a + i));
					expect(Math.abs(harmonicSum(a, n) - expected)).toBeLessThanOrEqual(
						1e-13 * Math.max(1e-300, expected)
					);
				}
			),
			{ numRuns: 60 }
		);
	});

	it('keeps its relative accuracy when the sum is tiny against ln a', () => {
		// 1000 terms near 1e9 sum to ≈ 1e-6 while ψ(1e9) ≈ 20.7: a plain ψ difference keeps ~10 digits.
		const expected = directSum(1000, (i) => 1 / (1e9 + i));
		expect(Math.abs(harmonicSum(1e9, 1000) / expected - 1)).toBeLessThan(1e-14);
	});
});
