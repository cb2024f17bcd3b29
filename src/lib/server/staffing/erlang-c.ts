import { assertAgents, assertNonNegative, assertPositive } from './guards';

/**
 * Erlang C (M/M/N: Poisson arrivals, exponential handle times, N agents, nobody abandons), METRICS.md
 * "Staffing model". Everything goes through the Erlang B recursion, never factorials: A^N and N! overflow
 * a double from N ≈ 170, and a centre of 25 000 seats needs N up to 10 000 and more.
 */

/** Offered traffic in Erlangs: A = λ × AHT (the mean number of agents the load would keep busy). */
export function trafficErlangs(arrivalsPerSec: number, ahtSec: number): number {
	assertNonNegative('arrivalsPerSec', arrivalsPerSec);
	assertPositive('ahtSec', ahtSec);
	return arrivalsPerSec * ahtSec;
}

/**
 * Below this B counts as 0. Past n > A the recursion only falls, and running it on through subnormal
 * doubles is many times slower per step: B(2 000 000, 1 000) took 11 ms and B(2 000 000, 10⁶) 90 ms,
 * and a staffing search makes dozens of such calls. No figure can show the difference: P(wait) of both
 * models is then at most N·B ÷ (N − A).
 */
const NEGLIGIBLE_BLOCKING = 1e-300;

/**
 * Erlang B blocking probability B(N, A), by the recursion B(0) = 1, B(n) = A·B(n−1) ÷ (n + A·B(n−1))
 * (e.g. Zukerman, "Introduction to Queueing Theory and Stochastic Teletraffic Models", §8.3). Every
 * intermediate value lies in [0, 1], so nothing overflows and the relative error grows at most linearly
 * with N; for N ≫ A the result is 0, which is then the correct answer to double precision.
 */
export function erlangB(agents: number, trafficErlangs: number): number {
	assertAgents(agents);
	assertNonNegative('trafficErlangs', trafficErlangs);
	let blocking = 1;
	for (let n = 1; n <= agents; n++) {
		const carried = trafficErlangs * blocking;
		blocking = carried / (n + carried);
		if (blocking < NEGLIGIBLE_BLOCKING && n > trafficErlangs) return 0;
	}
	return blocking;
}

/**
 * Erlang C: the probability that a contact has to wait, C(N, A) = N·B ÷ (N − A + A·B) with
 * B = B(N, A) (the standard B-to-C identity, e.g. Cooper, "Introduction to Queueing Theory", 2nd ed.,
 * §5.3). Written with N − A rather than N·(1 − ρ(1 − B)) so that ρ close to 1 loses no digits. 1 when
 * N ≤ A: the queue grows without bound and every contact waits. 0 when there is no traffic.
 */
export function erlangC(agents: number, trafficErlangs: number): number {
	assertAgents(agents);
	assertNonNegative('trafficErlangs', trafficErlangs);
	if (trafficErlangs === 0) return 0;
	if (agents <= trafficErlangs) return 1;
	const blocking = erlangB(agents, trafficErlangs);
	return Math.min(1, (agents * blocking) / (agents - trafficErlangs + trafficErlangs * blocking));
}

/**
 * Share of contacts answered within `thresholdSec`: SL(t) = 1 − C·e^(−(N−A)·t ÷ AHT), since in M/M/N
 * the wait of a waiting contact is exponential with rate (N − A) ÷ AHT. 0 when N ≤ A (unstable queue).
 */
export function serviceLevel(
	agents: number,
	trafficErlangs: number,
	ahtSec: number,
	thresholdSec: number
): number {
	assertPositive('ahtSec', ahtSec);
	assertNonNegative('thresholdSec', thresholdSec);
	const pWait = erlangC(agents, trafficErlangs);
	if (trafficErlangs === 0) return 1;
	if (agents <= trafficErlangs) return 0;
	const level = 1 - pWait * Math.exp((-(agents - trafficErlangs) * thresholdSec) / ahtSec);
	return Math.min(1, Math.max(0, level));
}

/**
 * Average speed of answer, ASA = C·AHT ÷ (N − A). In Erlang C everyone is answered, so this is both the
 * mean wait of answered contacts and the mean wait over all arrivals. Infinity when N ≤ A.
 */
export function asaSec(agents: number, trafficErlangs: number, ahtSec: number): number {
	assertPositive('ahtSec', ahtSec);
	const pWait = erlangC(agents, trafficErlangs);
	if (trafficErlangs === 0) return 0;
	if (agents <= trafficErlangs) return Number.POSITIVE_INFINITY;
	return (pWait * ahtSec) / (agents - trafficErlangs);
}

/**
 * Agent occupancy A ÷ N. Capped at 1: with N ≤ A the agents are busy all the time and the excess piles
 * up in the queue, so A ÷ N > 1 is a load factor, not a share of time. null with no agents.
 */
export function occupancy(agents: number, trafficErlangs: number): number | null {
	assertAgents(agents);
	assertNonNegative('trafficErlangs', trafficErlangs);
	if (agents === 0) return null;
	return Math.min(1, trafficErlangs / agents);
}
