import { asaSec as erlangCAsaSec, erlangB, erlangC, serviceLevel as erlangCServiceLevel } from './erlang-c';
import { assertAgents, assertNonNegative, assertPositive } from './guards';
import { harmonicSum, lnRisingFactorial } from './special-functions';

/**
 * Erlang A (Palm's M/M/N+M): Poisson arrivals at λ, exponential handle times (mean AHT), N agents, and
 * every waiting contact abandons after an exponential patience (mean θ). Because impatient callers leave,
 * the queue is stable for every N, including N ≤ A.
 *
 * Method (exact up to floating point; no truncation point chosen by hand):
 *
 * - Stationary distribution of the birth–death chain (Palm 1946; Garnett, Mandelbaum & Reiman 2002,
 *   "Designing a call center with impatient customers", MSOM 4(3)). Relative to π_N, the states below N
 *   sum to 1 ÷ B(N, A) − 1 (Erlang B recursion), and the queue states N + k carry
 *   t_k = y^k ÷ Π_{i=1..k}(x + i), with x = Nμ ÷ γ = N·θ ÷ AHT and y = λ ÷ γ = λ·θ. Their sum is
 *   Mandelbaum & Zeltyn's A(x, y) = x·e^y·y^(−x)·γ(x, y), γ the lower incomplete gamma ("Service
 *   engineering in action: the Palm/Erlang-A queue", 2007). We sum the series itself, scaled by its
 *   largest term and walking outwards from it: the terms are log-concave (the ratio y ÷ (x + k + 1)
 *   falls with k), so each walk stops on a proven geometric bound of the tail below 10⁻¹⁷ of the sum.
 *   Reaching the peak is O(1) (Stirling), and the walk takes at most ~10·√(x + y) terms.
 * - A contact that finds k others waiting passes k + 1 exponential stages; in stage i (i still ahead) the
 *   queue moves at rate Nμ + iγ and its own patience runs out at rate γ. Hence P(served | k) =
 *   x ÷ (x + k + 1) (the stage odds telescope) and E[wait; served | k] =
 *   P(served | k)·θ·Σ_{i=0..k} 1 ÷ (x + i + 1): P(abandon) and ASA are weighted sums of the same terms.
 * - Service level needs the waiting-time distribution. The offered-wait density of M/M/N+G,
 *   f_V(v) = λ·π_{N−1}·exp(λ∫₀^v Ḡ − Nμv) (Baccelli & Hebuterne 1981; Zeltyn & Mandelbaum 2005),
 *   with exponential patience integrates in closed form to P(served, wait > t) =
 *   π_N·x ÷ (x + 1)·exp(y(1 − e^(−γt)) − (x + 1)·γt)·A(x + 1, y·e^(−γt)): one more series of that kind.
 * - Mean wait over all arrivals by Little's law on the abandoning flow: λ·P(abandon) = γ·E[queue], so
 *   E[wait] = P(abandon)·θ.
 *
 * Accuracy: all sums are of positive terms. The tests hold every figure to 1e-10 of an independent
 * birth–death + uniformization solution on small systems (agreement is ~1e-15 in practice). In deep
 * overload the service level keeps an absolute error of about 1e-16·ln A(x, y), where two large logs
 * meet: ~1e-11 at A = 5 000, N = 1 000, θ = 1 h, far below any displayed digit. θ = Infinity is Erlang C.
 */

export interface ErlangAInput {
	agents: number;
	arrivalsPerSec: number;
	ahtSec: number;
	/** Mean patience θ of a waiting contact; Infinity means nobody abandons (Erlang C). */
	patienceSec: number;
	/** Service-level threshold. */
	thresholdSec: number;
}

export interface ErlangAResult {
	trafficErlangs: number;
	/** Share of arrivals that find every agent busy. */
	pWait: number;
	/** Share of arrivals that abandon. */
	pAbandon: number;
	/** Answered within the threshold ÷ all arrivals; an abandon counts as a failure whenever it happens. */
	serviceLevel: number;
	/** Mean wait of answered contacts (those answered at once count 0); null when nobody is (N = 0). */
	asaSec: number | null;
	/** Mean time in queue over all arrivals, answered or abandoned. */
	meanWaitSec: number;
	/** Carried traffic ÷ N = A·P(answered) ÷ N: abandoners never take an agent. null with no agents. */
	occupancy: number | null;
}

/** Tail of a sum is ignored once it is proven below this share of the sum. */
const TAIL_TOLERANCE = 1e-17;

export function erlangA(input: ErlangAInput): ErlangAResult {
	const { agents, arrivalsPerSec, ahtSec, patienceSec, thresholdSec } = input;
	assertAgents(agents);
	assertNonNegative('arrivalsPerSec', arrivalsPerSec);
	assertPositive('ahtSec', ahtSec);
	assertNonNegative('thresholdSec', thresholdSec);
	if (Number.isNaN(patienceSec) || patienceSec <= 0) {
		throw new RangeError(
			`patienceSec must be a number > 0 (Infinity for no abandonment), got ${patienceSec}`
		);
	}
	const traffic = arrivalsPerSec * ahtSec;
	if (traffic === 0) {
		return {
			trafficErlangs: 0,
			pWait: 0,
			pAbandon: 0,
			serviceLevel: 1,
			asaSec: 0,
			meanWaitSec: 0,
			occupancy: agents === 0 ? null : 0
		};
	}
	if (patienceSec === Number.POSITIVE_INFINITY) return asErlangC(agents, traffic, ahtSec, thresholdSec);

	const x = (agents * patienceSec) / ahtSec;
	const y = arrivalsPerSec * patienceSec;
	const blocking = erlangB(agents, traffic);
	// B underflows only when N ≫ A; nobody waits then, to double precision.
	if (blocking === 0) {
		return {
			trafficErlangs: traffic,
			pWait: 0,
			pAbandon: 0,
			serviceLevel: 1,
			asaSec: 0,
			meanWaitSec: 0,
			occupancy: traffic / agents
		};
	}
	const queue = queueSums(x, y);

	// π_N = 1 ÷ (1 ÷ B − 1 + A(x, y)). In overload A(x, y) is e^(thousands), so the two parts are compared
	// in logs and every share is taken as a ratio to them; subtracting large logs would cost digits.
	const logBelowN = Math.log1p(-blocking) - Math.log(blocking);
	const logQueue = queue.logScale + Math.log(queue.total);
	const pWait = 1 / (1 + Math.exp(logBelowN - logQueue));
	const pNoWait = 1 / (1 + Math.exp(logQueue - logBelowN));
	const pAbandon = clamp01(pWait * (queue.abandon / queue.total));
	const pServedAfterWait = clamp01(pWait * (queue.served / queue.total));
	const servedWaitSec = pWait * (queue.servedWait / queue.total) * patienceSec;
	const pServed = clamp01(pNoWait + pServedAfterWait);

	const late = queueSums(x + 1, y * Math.exp(-thresholdSec / patienceSec));
	const logServedLateOverWait =
		Math.log(x / (x + 1)) -
		y * Math.expm1(-thresholdSec / patienceSec) -
		((x + 1) * thresholdSec) / patienceSec +
		late.logScale +
		Math.log(late.total) -
		logQueue;
	const pServedLate = Math.min(pServedAfterWait, pWait * Math.exp(logServedLateOverWait));

	return {
		trafficErlangs: traffic,
		pWait,
		pAbandon,
		serviceLevel: clamp01(pNoWait + (pServedAfterWait - pServedLate)),
		asaSec: pServed > 0 ? servedWaitSec / pServed : null,
		meanWaitSec: pAbandon * patienceSec,
		occupancy: agents === 0 ? null : Math.min(1, (traffic * pServed) / agents)
	};
}

function asErlangC(agents: number, traffic: number, ahtSec: number, thresholdSec: number): ErlangAResult {
	const wait = erlangCAsaSec(agents, traffic, ahtSec);
	return {
		trafficErlangs: traffic,
		pWait: erlangC(agents, traffic),
		pAbandon: 0,
		serviceLevel: erlangCServiceLevel(agents, traffic, ahtSec, thresholdSec),
		asaSec: wait,
		meanWaitSec: wait,
		occupancy: agents === 0 ? null : Math.min(1, traffic / agents)
	};
}

/** Weighted sums of t_k = u^k ÷ Π_{i=1..k}(x + i) over k ≥ 0, each true value = e^logScale × field. */
interface QueueSums {
	logScale: number;
	/** Σ t_k. */
	total: number;
	/** Σ t_k·(k + 1) ÷ (x + k + 1): P(abandon | k waiting ahead). */
	abandon: number;
	/** Σ t_k·x ÷ (x + k + 1): P(served | k waiting ahead). */
	served: number;
	/** Σ t_k·x ÷ (x + k + 1)·H_k, H_k = Σ_{i=0..k} 1 ÷ (x + i + 1): E[wait; served | k] in units of θ. */
	servedWait: number;
}

/**
 * Sums from the largest term outwards so nothing overflows; the scale is that term. Each direction stops
 * when a geometric bound on what is left (ratios only shrink away from the peak) is below the tolerance
 * for every sum, so the truncation is proven rather than guessed.
 */
function queueSums(x: number, u: number): QueueSums {
	const peak = u > x + 1 ? Math.floor(u - x) : 0;
	const logScale = peak === 0 ? 0 : peak * Math.log(u) - lnRisingFactorial(x + 1, peak);
	const peakH = harmonicSum(x + 1, peak + 1);
	const sums = { total: 0, abandon: 0, served: 0, servedWait: 0 };
	const add = (k: number, term: number, h: number) => {
		const d = x + k + 1;
		sums.total += term;
		sums.abandon += (term * (k + 1)) / d;
		sums.served += (term * x) / d;
		sums.servedWait += ((term * x) / d) * h;
	};

	let term = 1;
	let h = peakH;
	for (let k = peak; term > 0; k++) {
		add(k, term, h);
		const d = x + k + 2;
		const ratio = u / (x + k + 1);
		if (ratio < 1) {
			const geo = ratio / (1 - ratio);
			const geo2 = geo / (1 - ratio);
			const done =
				term * geo <= TAIL_TOLERANCE * sums.total &&
				(term / d) * ((k + 1) * geo + geo2) <= TAIL_TOLERANCE * sums.abandon &&
				((term * x) / d) * geo <= TAIL_TOLERANCE * sums.served &&
				((term * x) / d) * (h * geo + geo2 / d) <= TAIL_TOLERANCE * sums.servedWait;
			if (done) break;
		}
		term *= ratio;
		h += 1 / d;
	}

	term = 1;
	h = peakH;
	const servedCap = x / (x + 1);
	for (let k = peak; k > 0 && term > 0; k--) {
		// Step from index k to k − 1; going down the weights of `abandon` and H fall and those of `served`
		// rise but stay ≤ x ÷ (x + 1).
		term *= (x + k) / u;
		h -= 1 / (x + k + 1);
		add(k - 1, term, h);
		const ratio = (x + k - 1) / u;
		if (ratio < 1) {
			const geo = ratio / (1 - ratio);
			const done =
				term * geo <= TAIL_TOLERANCE * sums.total &&
				term * geo <= TAIL_TOLERANCE * sums.abandon &&
				term * servedCap * geo <= TAIL_TOLERANCE * sums.served &&
				term * servedCap * h * geo <= TAIL_TOLERANCE * sums.servedWait;
			if (done) break;
		}
	}
	return { logScale, ...sums };
}

function clamp01(value: number): number {
	return Math.min(1, Math.max(0, value));
}
