/**
 * The few special functions the Erlang A sums need, written so that they stay accurate for arguments in
 * the millions (N agents × patience ÷ AHT), where lnΓ itself is ~10^7 and differencing two lnΓ values
 * in the obvious way would throw away half the digits.
 */

/** Below this shifted argument the asymptotic series are not yet accurate to double precision. */
const ASYMPTOTIC_FROM = 30;
/** Up to this many terms a plain sum is both exact enough and cheaper than the asymptotic series. */
const DIRECT_TERMS = 256;

/**
 * ln of the rising factorial a·(a+1)···(a+m−1) = lnΓ(a+m) − lnΓ(a), for a > 0 and integer m ≥ 0.
 * Large m uses Stirling's series for the difference, arranged as m·ln a + (b − ½)·log1p(m ÷ a) − m +
 * c(b) − c(a) (b = a + m) so that no two large lnΓ values are subtracted (Abramowitz & Stegun 6.1.40;
 * the correction series c is truncated after z⁻⁷, whose successor is < 4·10⁻¹⁷ for z ≥ 30).
 */
export function lnRisingFactorial(a: number, m: number): number {
	if (m <= DIRECT_TERMS) {
		let sum = 0;
		for (let i = 0; i < m; i++) sum += Math.log(a + i);
		return sum;
	}
	let shifted = 0;
	while (a < ASYMPTOTIC_FROM && m > 0) {
		shifted += Math.log(a);
		a += 1;
		m -= 1;
	}
	const b = a + m;
	return (
		shifted +
		m * Math.log(a) +
		(b - 0.5) * Math.log1p(m / a) -
		m +
		stirlingCorrection(b) -
		stirlingCorrection(a)
	);
}

/**
 * Σ_{i=0}^{n−1} 1 ÷ (a + i) = ψ(a+n) − ψ(a) for a > 0 and integer n ≥ 0. Large n uses the
 * asymptotic series of the digamma function (A&S 6.3.18) for the difference, with the logarithms
 * merged into one log1p so that the answer keeps its relative accuracy when it is small against ln a.
 */
export function harmonicSum(a: number, n: number): number {
	if (n <= DIRECT_TERMS) {
		let sum = 0;
		for (let i = 0; i < n; i++) sum += 1 / (a + i);
		return sum;
	}
	let shifted = 0;
	while (a < ASYMPTOTIC_FROM && n > 0) {
		shifted += 1 / a;
		a += 1;
		n -= 1;
	}
	const b = a + n;
	return shifted + Math.log1p(n / a) - (0.5 / b - 0.5 / a) + (digammaTail(b) - digammaTail(a));
}

/** lnΓ(z) − [(z − ½)·ln z − z + ½·ln 2π], A&S 6.1.41. */
function stirlingCorrection(z: number): number {
	const inv = 1 / z;
	const inv2 = inv * inv;
	return inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 / 1680)));
}

/** ψ(z) − [ln z − 1 ÷ (2z)], A&S 6.3.18 cut after z⁻⁸ (next term < 2·10⁻¹⁷ for z ≥ 30). */
function digammaTail(z: number): number {
	const inv2 = 1 / (z * z);
	return -inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 / 240)));
}
