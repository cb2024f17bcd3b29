import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erlangA, type ErlangAInput, type ErlangAResult } from './erlang-a';
import { asaSec, erlangC, serviceLevel } from './erlang-c';

/**
 * Independent reference for small systems, sharing no formula with the implementation: the M/M/N+M
 * birth–death chain solved state by state (truncated once the states are negligible), then for each
 * queue position k the contact's own journey as a small absorbing Markov chain. P(served) and the mean
 * wait of served contacts by first-step analysis, P(served within t) by uniformization (Poisson-weighted
 * powers of the jump chain), the mean wait over all arrivals by Little's law on the queue length.
 */
function reference({ agents, arrivalsPerSec, ahtSec, patienceSec, thresholdSec }: ErlangAInput) {
	const mu = 1 / ahtSec;
	const gamma = 1 / patienceSec;
	// Weights in logs: at N = 1 000 the unnormalised π_N is e^(≈1 000), beyond any double.
	const logWeights = [0];
	let peak = 0;
	for (let n = 1; ; n++) {
		const death = Math.min(n, agents) * mu + Math.max(0, n - agents) * gamma;
		const next = (logWeights[n - 1] as number) + Math.log(arrivalsPerSec / death);
		logWeights.push(next);
		peak = Math.max(peak, next);
		if (n > agents + 5 && next < peak - 50 && arrivalsPerSec < death) break;
	}
	const weights = logWeights.map((w) => Math.exp(w - peak));
	const total = weights.reduce((s, w) => s + w, 0);
	const pi = weights.map((w) => w / total);

	let pNoWait = 0;
	for (let n = 0; n < agents; n++) pNoWait += pi[n] as number;
	let pServed = pNoWait;
	let servedWait = 0;
	let servedWithin = pNoWait;
	let queueLength = 0;
	let busy = 0;
	pi.forEach((p, n) => (busy += p * Math.min(n, agents)));
	for (let k = 0; agents + k < pi.length; k++) {
		const p = pi[agents + k] as number;
		queueLength += p * k;
		// Stages i = 0..k (i contacts still ahead): advance at N·μ + i·γ, own abandonment at γ.
		let served = 1;
		let wait = 0;
		for (let i = 0; i <= k; i++) {
			const advance = agents * mu + i * gamma;
			const rate = advance + gamma;
			wait = (advance / rate) * (served / rate + wait);
			served *= advance / rate;
		}
		pServed += p * served;
		servedWait += p * wait;
		servedWithin += p * servedWithinByUniformization(k, agents * mu, gamma, thresholdSec);
	}
	return {
		pWait: 1 - pNoWait,
		pAbandon: 1 - pServed,
		serviceLevel: servedWithin,
		asaSec: servedWait / pServed,
		meanWaitSec: queueLength / arrivalsPerSec,
		occupancy: busy / agents
	};
}

function servedWithinByUniformization(k: number, serviceRate: number, gamma: number, t: number): number {
	const uniform = serviceRate + (k + 1) * gamma;
	// stage[i]: probability of being in the stage with i contacts ahead.
	let stage = new Array<number>(k + 1).fill(0);
	stage[k] = 1;
	let served = 0;
	let poisson = Math.exp(-uniform * t);
	let result = poisson * served;
	let cumulative = poisson;
	for (let n = 1; cumulative < 1 - 1e-15 && n < 10_000; n++) {
		const next = new Array<number>(k + 1).fill(0);
		for (let i = 0; i <= k; i++) {
			const mass = stage[i] as number;
			const advance = serviceRate + i * gamma;
			next[i] = (next[i] as number) + (mass * (uniform - advance - gamma)) / uniform;
			if (i === 0) served += (mass * advance) / uniform;
			else next[i - 1] = (next[i - 1] as number) + (mass * advance) / uniform;
		}
		stage = next;
		poisson *= (uniform * t) / n;
		cumulative += poisson;
		result += poisson * served;
	}
	return result + (1 - cumulative) * served;
}

function expectClose(actual: ErlangAResult, expected: ReturnType<typeof reference>, tolerance: number) {
	for (const key of ['pWait', 'pAbandon', 'serviceLevel', 'asaSec', 'meanWaitSec', 'occupancy'] as const) {
		const value = actual[key];
		expect(value, key).not.toBeNull();
		const want = expected[key];
		expect(Math.abs((value as number) - want), key).toBeLessThanOrEqual(
			tolerance * Math.max(1, Math.abs(want))
		);
	}
}

describe('erlangA against an exact birth–death solution', () => {
	it.each([
		{ agents: 5, arrivalsPerSec: 1 / 60, ahtSec: 180, patienceSec: 120, thresholdSec: 20 },
		{ agents: 14, arrivalsPerSec: 100 / 1800, ahtSec: 180, patienceSec: 90, thresholdSec: 20 },
		{ agents: 10, arrivalsPerSec: 10 / 180, ahtSec: 180, patienceSec: 300, thresholdSec: 20 },
		// Overloaded (N < A): abandonment keeps the queue finite.
		{ agents: 3, arrivalsPerSec: 1 / 30, ahtSec: 180, patienceSec: 60, thresholdSec: 30 },
		{ agents: 2, arrivalsPerSec: 1 / 20, ahtSec: 180, patienceSec: 30, thresholdSec: 10 },
		// Patience longer than handle time, threshold 0.
		{ agents: 4, arrivalsPerSec: 1 / 100, ahtSec: 300, patienceSec: 900, thresholdSec: 0 },
		// Hundreds of agents, at and over the load, where the series are summed from their peak.
		{ agents: 100, arrivalsPerSec: 95 / 300, ahtSec: 300, patienceSec: 120, thresholdSec: 20 },
		{ agents: 200, arrivalsPerSec: 210 / 180, ahtSec: 180, patienceSec: 90, thresholdSec: 20 }
	])('matches at N = $agents, λ = $arrivalsPerSec/s, θ = $patienceSec s', (input) => {
		expectClose(erlangA(input), reference(input), 1e-10);
	});

	it('matches on random small systems', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 12 }),
				fc.double({ min: 0.05, max: 1.6, noNaN: true }),
				fc.double({ min: 30, max: 600, noNaN: true }),
				fc.double({ min: 10, max: 400, noNaN: true }),
				fc.double({ min: 0, max: 60, noNaN: true }),
				(agents, load, ahtSec, patienceSec, thresholdSec) => {
					const input = {
						agents,
						arrivalsPerSec: (load * agents) / ahtSec,
						ahtSec,
						patienceSec,
						thresholdSec
					};
					expectClose(erlangA(input), reference(input), 1e-9);
				}
			),
			{ numRuns: 40 }
		);
	});

	it('matches a 400-digit solution at N = 1 000, 5 % over the load', () => {
		// Computed once outside the suite with arbitrary precision (mpmath, 400 digits), by a method that
		// shares nothing with either implementation: the birth–death π, and for each queue position the
		// hypoexponential offered wait (stage rates Nμ + iγ) in closed form, weighted by e^(−γ·wait) for the
		// contact's own patience. The in-test reference above is too slow at this size.
		const result = erlangA({
			agents: 1000,
			arrivalsPerSec: 1050 / 300,
			ahtSec: 300,
			patienceSec: 60,
			thresholdSec: 20
		});
		const expected = {
			pWait: 0.6887595243889753,
			pAbandon: 0.05180584860648782,
			serviceLevel: 0.9481514473369796,
			asaSec: 3.096153457107657,
			occupancy: 0.9956038589631878
		};
		for (const [key, want] of Object.entries(expected)) {
			const value = result[key as keyof typeof expected] as number;
			expect(Math.abs(value - want), key).toBeLessThan(1e-12 * Math.max(1, want));
		}
	});

	it('satisfies Mandelbaum–Zeltyn: P(abandon | wait) = 1 ÷ (ρ·A(x, y)) + 1 − 1 ÷ ρ', () => {
		// "Service engineering in action: the Palm/Erlang-A queue" (2007), with ρ = λ ÷ (Nμ) and
		// A(x, y) = Σ_j y^j ÷ Π_{i≤j}(x + i), x = Nμ ÷ γ, y = λ ÷ γ, summed here term by term.
		const input = { agents: 20, arrivalsPerSec: 22 / 240, ahtSec: 240, patienceSec: 150, thresholdSec: 20 };
		const x = (input.agents * input.patienceSec) / input.ahtSec;
		const y = input.arrivalsPerSec * input.patienceSec;
		let series = 0;
		for (let j = 0, term = 1; term > 1e-20; j++, term *= y / (x + j)) series += term;
		const rho = y / x;
		const result = erlangA(input);
		expect(result.pAbandon / result.pWait).toBeCloseTo(1 / (rho * series) + 1 - 1 / rho, 12);
		expect(result.meanWaitSec).toBeCloseTo(result.pAbandon * input.patienceSec, 10);
	});
});

describe('erlangA limits', () => {
	it('converges to Erlang C as patience grows', () => {
		const base = { agents: 14, arrivalsPerSec: 100 / 1800, ahtSec: 180, thresholdSec: 20 };
		const c = {
			pWait: erlangC(14, 10),
			serviceLevel: serviceLevel(14, 10, 180, 20),
			asaSec: asaSec(14, 10, 180)
		};
		let previousGap = Number.POSITIVE_INFINITY;
		for (const patienceSec of [60, 600, 6_000, 60_000, 600_000, 6_000_000, 60_000_000, 600_000_000]) {
			const a = erlangA({ ...base, patienceSec });
			const gap = Math.max(
				Math.abs(a.pWait - c.pWait),
				Math.abs(a.serviceLevel - c.serviceLevel),
				Math.abs((a.asaSec as number) - c.asaSec) / c.asaSec
			);
			// First-order convergence: the effect of abandonment is proportional to 1 ÷ θ.
			if (patienceSec >= 60_000) expect(previousGap / gap).toBeGreaterThan(9);
			expect(gap).toBeLessThan(previousGap);
			previousGap = gap;
		}
		expect(previousGap).toBeLessThan(1e-6);
		expect(erlangA({ ...base, patienceSec: Number.POSITIVE_INFINITY })).toMatchObject({ ...c, pAbandon: 0 });
	});

	it('converges to Erlang C for any stable system when patience is 10⁷ handle times', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 400 }),
				fc.double({ min: 0.2, max: 0.97, noNaN: true }),
				fc.double({ min: 10, max: 900, noNaN: true }),
				fc.double({ min: 0, max: 60, noNaN: true }),
				(agents, rho, ahtSec, thresholdSec) => {
					const traffic = agents * rho;
					const a = erlangA({
						agents,
						arrivalsPerSec: traffic / ahtSec,
						ahtSec,
						patienceSec: 1e7 * ahtSec,
						thresholdSec
					});
					// The gap is first order in AHT ÷ θ and grows like (N − A)⁻² near the stability edge,
					// where a waiting contact waits (N − A)⁻¹ handle times on average.
					const tolerance = 1e-5 * (1 + (agents - traffic) ** -2);
					expect(Math.abs(a.pWait - erlangC(agents, traffic))).toBeLessThan(tolerance);
					expect(Math.abs(a.serviceLevel - serviceLevel(agents, traffic, ahtSec, thresholdSec))).toBeLessThan(
						tolerance
					);
					const asa = asaSec(agents, traffic, ahtSec);
					expect(Math.abs((a.asaSec as number) - asa)).toBeLessThanOrEqual(10 * tolerance * asa + 1e-12);
				}
			),
			{ numRuns: 60 }
		);
	});

	it('is defined when agents do not exceed traffic', () => {
		const result = erlangA({
			agents: 5,
			arrivalsPerSec: 10 / 180,
			ahtSec: 180,
			patienceSec: 60,
			thresholdSec: 20
		});
		expect(result.pWait).toBeGreaterThan(0.8);
		expect(result.pWait).toBeLessThan(1);
		expect(result.pAbandon).toBeGreaterThan(0.4);
		expect(result.serviceLevel).toBeGreaterThan(0.1);
		expect(result.serviceLevel).toBeLessThan(0.5);
		expect(Number.isFinite(result.asaSec as number)).toBe(true);
	});

	it('with no agents everyone abandons and nobody is answered', () => {
		const result = erlangA({
			agents: 0,
			arrivalsPerSec: 0.1,
			ahtSec: 180,
			patienceSec: 60,
			thresholdSec: 20
		});
		expect(result).toMatchObject({ pWait: 1, serviceLevel: 0, asaSec: null, occupancy: null });
		expect(result.pAbandon).toBeCloseTo(1, 12);
		expect(result.meanWaitSec).toBeCloseTo(60, 9);
	});

	it('with no traffic nobody waits', () => {
		const result = erlangA({ agents: 3, arrivalsPerSec: 0, ahtSec: 180, patienceSec: 60, thresholdSec: 20 });
		expect(result).toMatchObject({
			pWait: 0,
			pAbandon: 0,
			serviceLevel: 1,
			asaSec: 0,
			meanWaitSec: 0,
			occupancy: 0
		});
	});

	it('rejects a missing or non-positive patience', () => {
		const base = { agents: 3, arrivalsPerSec: 0.01, ahtSec: 180, thresholdSec: 20 };
		expect(() => erlangA({ ...base, patienceSec: 0 })).toThrow(/patienceSec/);
		expect(() => erlangA({ ...base, patienceSec: Number.NaN })).toThrow(/patienceSec/);
	});
});

describe('erlangA properties', () => {
	const system = fc.record({
		traffic: fc.double({ min: 0.1, max: 2000, noNaN: true }),
		ahtSec: fc.double({ min: 10, max: 900, noNaN: true }),
		patienceSec: fc.double({ min: 5, max: 3600, noNaN: true }),
		thresholdSec: fc.double({ min: 0, max: 120, noNaN: true }),
		offset: fc.integer({ min: -50, max: 80 })
	});

	it('keeps probabilities in [0, 1], P(abandon) ≤ P(wait), and E[wait] = P(abandon)·θ', () => {
		fc.assert(
			fc.property(system, ({ traffic, ahtSec, patienceSec, thresholdSec, offset }) => {
				const agents = Math.max(0, Math.round(traffic) + offset);
				const r = erlangA({ agents, arrivalsPerSec: traffic / ahtSec, ahtSec, patienceSec, thresholdSec });
				for (const p of [r.pWait, r.pAbandon, r.serviceLevel]) {
					expect(p).toBeGreaterThanOrEqual(0);
					expect(p).toBeLessThanOrEqual(1);
				}
				expect(r.pAbandon).toBeLessThanOrEqual(r.pWait + 1e-12);
				expect(r.serviceLevel).toBeLessThanOrEqual(1 - r.pAbandon + 1e-12);
				expect(r.meanWaitSec).toBeCloseTo(r.pAbandon * patienceSec, 6);
			}),
			{ numRuns: 150 }
		);
	});

	it('service level never falls and occupancy never rises as agents are added', () => {
		fc.assert(
			fc.property(system, ({ traffic, ahtSec, patienceSec, thresholdSec, offset }) => {
				const agents = Math.max(1, Math.round(traffic) + offset);
				const input = { arrivalsPerSec: traffic / ahtSec, ahtSec, patienceSec, thresholdSec };
				const now = erlangA({ ...input, agents });
				const more = erlangA({ ...input, agents: agents + 1 });
				// Allow for rounding in deep overload, where the service level is itself ~1e-11.
				expect(more.serviceLevel).toBeGreaterThanOrEqual(now.serviceLevel - 1e-9);
				expect(more.occupancy as number).toBeLessThanOrEqual((now.occupancy as number) + 1e-12);
			}),
			{ numRuns: 150 }
		);
	});

	it('stays finite and stable at N = 10 000, A = 9 500 and in heavy overload', () => {
		for (const patienceSec of [30, 120, 600, 3600]) {
			for (const agents of [10_000, 9_500, 9_000, 1_000]) {
				const r = erlangA({
					agents,
					arrivalsPerSec: 9_500 / 300,
					ahtSec: 300,
					patienceSec,
					thresholdSec: 20
				});
				for (const value of Object.values(r)) expect(Number.isFinite(value)).toBe(true);
				expect(r.serviceLevel).toBeGreaterThanOrEqual(0);
				expect(r.serviceLevel).toBeLessThanOrEqual(1);
				if (agents === 10_000) expect(r.serviceLevel).toBeGreaterThan(0.999_99);
				if (agents === 1_000) expect(r.pAbandon).toBeGreaterThan(0.85);
			}
		}
	});
});
