import { erlangA } from './erlang-a';
import { serviceLevel as erlangCServiceLevel, trafficErlangs } from './erlang-c';
import { assertNonNegative } from './guards';

export type { StaffingModel } from '$lib/shared/staffing/calc-result';

interface RequiredAgentsBase {
	arrivalsPerSec: number;
	ahtSec: number;
	thresholdSec: number;
	/** Share answered within the threshold, 0 < target < 1 (0.8 for 80/20). */
	targetServiceLevel: number;
	/** Upper bound on occupancy, 0 < max ≤ 1; omitted means no bound. */
	maxOccupancy?: number;
}

export type RequiredAgentsInput =
	| (RequiredAgentsBase & { model: 'erlang-c'; patienceSec?: number })
	| (RequiredAgentsBase & { model: 'erlang-a'; patienceSec: number });

/**
 * Occupancy within this of the bound counts as meeting it: A = λ × AHT carries rounding, and a bound that
 * lands exactly on an integer (10 E at 50 % → 20 agents) must not cost an extra agent for 1 ulp.
 */
export const OCCUPANCY_TOLERANCE = 1e-12;

/** No search goes further than this; far beyond any single campus, it only stops runaway inputs. */
const MAX_AGENTS = 10_000_000;

/**
 * The least N that meets the service-level target and, when given, the occupancy bound. Both figures are
 * monotone in N (service level rises, occupancy falls), so the answer is max(least N for SL, least N for
 * occupancy), each found by a galloping search from a start near A followed by bisection: O(log N)
 * evaluations of an O(N) model instead of a scan from 1, which matters at thousands of Erlangs.
 */
export function requiredAgents(input: RequiredAgentsInput): number {
	const { arrivalsPerSec, ahtSec, thresholdSec, targetServiceLevel, maxOccupancy } = input;
	const traffic = trafficErlangs(arrivalsPerSec, ahtSec);
	assertNonNegative('thresholdSec', thresholdSec);
	if (!(targetServiceLevel > 0 && targetServiceLevel < 1)) {
		throw new RangeError(
			`targetServiceLevel must be a fraction between 0 and 1 (exclusive), got ${targetServiceLevel}`
		);
	}
	if (maxOccupancy !== undefined && !(maxOccupancy > 0 && maxOccupancy <= 1)) {
		throw new RangeError(`maxOccupancy must be a fraction in (0, 1], got ${maxOccupancy}`);
	}
	if (traffic === 0) return 0;

	if (input.model === 'erlang-c') {
		// Below N = ⌊A⌋ + 1 the queue is unstable and the service level is 0.
		const stable = Math.floor(traffic) + 1;
		const meetsSl = (n: number) =>
			erlangCServiceLevel(n, traffic, ahtSec, thresholdSec) >= targetServiceLevel;
		const forSl = leastMeeting(meetsSl, stable, stable);
		if (maxOccupancy === undefined) return forSl;
		return Math.max(
			forSl,
			leastMeeting((n) => traffic / n <= maxOccupancy + OCCUPANCY_TOLERANCE, 1, Math.ceil(traffic))
		);
	}

	const { patienceSec } = input;
	if (Number.isNaN(patienceSec) || patienceSec <= 0) {
		throw new RangeError(`patienceSec must be a number > 0 for erlang-a, got ${patienceSec}`);
	}
	const figures = (n: number) => erlangA({ agents: n, arrivalsPerSec, ahtSec, patienceSec, thresholdSec });
	// Abandonment lets the target be met below A when patience is short, so the search starts at A and
	// may gallop downwards.
	const start = Math.max(1, Math.round(traffic));
	const forSl = leastMeeting((n) => figures(n).serviceLevel >= targetServiceLevel, 0, start);
	if (maxOccupancy === undefined) return forSl;
	// Erlang A occupancy is A·P(answered) ÷ N ≤ A ÷ N, so ⌈A ÷ max⌉ always meets the bound and the answer
	// lies a little below it (by the abandon share). Starting there keeps the search at a few evaluations
	// instead of galloping up from A through dozens of them.
	const forOccupancy = leastMeeting(
		(n) => (figures(n).occupancy ?? 1) <= maxOccupancy + OCCUPANCY_TOLERANCE,
		1,
		Math.max(1, Math.ceil(traffic / maxOccupancy))
	);
	return Math.max(forSl, forOccupancy);
}

/**
 * Scheduled agents: required ÷ (1 − shrinkage), rounded up (METRICS.md). A quotient that is an integer
 * up to rounding (7 ÷ 0.7 = 10.000000000000002 in binary floating point) is not pushed up a whole agent.
 */
export function withShrinkage(agents: number, shrinkage: number): number {
	assertNonNegative('agents', agents);
	if (!(shrinkage >= 0 && shrinkage < 1)) {
		throw new RangeError(`shrinkage must be a fraction in [0, 1), got ${shrinkage}`);
	}
	const exact = agents / (1 - shrinkage);
	const nearest = Math.round(exact);
	return Math.abs(exact - nearest) <= 1e-9 * Math.max(1, exact) ? nearest : Math.ceil(exact);
}

/**
 * Mean patience θ from a queue's own history. Abandoned ÷ Σ wait of all offered contacts is the
 * abandonment rate γ (the standard estimator for exponential patience: every second anyone spends
 * waiting is a second of exposure to abandoning, e.g. Brown et al. 2005, "Statistical analysis of a
 * telephone call center", JASA 100(469)), and θ = 1 ÷ γ. null when nothing was abandoned (no evidence
 * of impatience) or no time was spent waiting (no exposure to measure it against).
 */
export function patienceFromHistory(abandoned: number, sumWaitAllOfferedSec: number): number | null {
	assertNonNegative('abandoned', abandoned);
	assertNonNegative('sumWaitAllOfferedSec', sumWaitAllOfferedSec);
	if (abandoned === 0 || sumWaitAllOfferedSec === 0) return null;
	return sumWaitAllOfferedSec / abandoned;
}

/**
 * Least n ≥ floor with meets(n), for a predicate that is false then true as n grows. Gallops from `start`
 * (up while failing, down while passing) to bracket the switch, then bisects.
 */
function leastMeeting(meets: (n: number) => boolean, floor: number, start: number): number {
	let n = Math.max(floor, start);
	let step = 1;
	if (meets(n)) {
		// Invariant: hi meets; look for a failing lo below it.
		let hi = n;
		let lo = floor - 1;
		while (hi > floor) {
			const probe = Math.max(floor, hi - step);
			if (!meets(probe)) {
				lo = probe;
				break;
			}
			hi = probe;
			step *= 2;
		}
		return bisect(meets, lo, hi);
	}
	let lo = n;
	for (;;) {
		n = lo + step;
		if (n > MAX_AGENTS) throw new RangeError(`no staffing up to ${MAX_AGENTS} agents meets the target`);
		if (meets(n)) return bisect(meets, lo, n);
		lo = n;
		step *= 2;
	}
}

/** Least n in (lo, hi] with meets(n), given !meets(lo) (or lo below the range) and meets(hi). */
function bisect(meets: (n: number) => boolean, lo: number, hi: number): number {
	while (hi - lo > 1) {
		const mid = Math.floor((lo + hi) / 2);
		if (meets(mid)) hi = mid;
		else lo = mid;
	}
	return hi;
}
