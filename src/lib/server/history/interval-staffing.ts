import type { QueueCounters } from '../../shared/metrics/counters';
import { ahtSec as ahtOf, offered } from '../../shared/metrics/formulas';
import { erlangA } from '../staffing/erlang-a';
import { patienceFromHistory, requiredAgents, withShrinkage } from '../staffing/required';

/**
 * The staffing model over one stored interval (METRICS.md "Staffing model"): λ, AHT and patience from
 * the interval's own counts, so the requirement and the figures beside it come from the same contacts.
 *
 * - λ = offered ÷ interval length (short abandons excluded, as on the tiles and the live model).
 * - Patience θ = Σ wait of the offered ÷ abandoned. No abandons is no evidence of impatience: Erlang A
 *   then runs with θ = ∞, which is Erlang C, rather than leaving the column empty.
 * - No arrivals need no agents. Arrivals with no AHT (nothing wrapped up in the interval) or a target of
 *   100 % have no answer: null.
 */
export interface IntervalStaffingInput {
	counters: Readonly<QueueCounters>;
	intervalSec: number;
	thresholdSec: number;
	targetServiceLevel: number;
	shrinkage: number;
}

export interface IntervalStaffing {
	arrivalsPerHour: number;
	ahtSec: number | null;
	patienceSec: number | null;
	requiredErlangC: number | null;
	requiredErlangA: number | null;
	scheduledErlangC: number | null;
	scheduledErlangA: number | null;
}

export function intervalStaffing(input: IntervalStaffingInput): IntervalStaffing {
	const { counters, intervalSec, thresholdSec, targetServiceLevel, shrinkage } = input;
	const arrivals = offered(counters);
	const arrivalsPerSec = arrivals / intervalSec;
	const ahtSec = ahtOf(counters);
	const patienceSec = patienceFromHistory(counters.abandoned, counters.sumWaitOfferedSec);
	const need = (model: 'erlang-c' | 'erlang-a'): number | null => {
		if (arrivals === 0 || targetServiceLevel <= 0) return 0;
		if (ahtSec === null || ahtSec <= 0 || targetServiceLevel >= 1) return null;
		const base = { arrivalsPerSec, ahtSec, thresholdSec, targetServiceLevel };
		return model === 'erlang-c'
			? requiredAgents({ ...base, model })
			: requiredAgents({ ...base, model, patienceSec: patienceSec ?? Number.POSITIVE_INFINITY });
	};
	const requiredErlangC = need('erlang-c');
	const requiredErlangA = need('erlang-a');
	const scheduled = (n: number | null) => (n === null ? null : withShrinkage(n, shrinkage));
	return {
		arrivalsPerHour: arrivalsPerSec * 3600,
		ahtSec,
		patienceSec,
		requiredErlangC,
		requiredErlangA,
		scheduledErlangC: scheduled(requiredErlangC),
		scheduledErlangA: scheduled(requiredErlangA)
	};
}

/** staffed − required (Erlang A, else C); null when neither has an answer. */
export function staffingGap(
	staffedAvg: number,
	required: Pick<IntervalStaffing, 'requiredErlangA' | 'requiredErlangC'>
): number | null {
	const need = required.requiredErlangA ?? required.requiredErlangC;
	return need === null ? null : staffedAvg - need;
}

export interface WhatIfPrediction {
	agents: number;
	serviceLevel: number | null;
	/** Erlang A's share answered: 1 − P(abandon). */
	answerRate: number | null;
}

/**
 * Erlang A at `agents` with the interval's λ, AHT and patience (∞ without abandons): what the interval
 * would have looked like with that many agents on the phones. Null without arrivals or AHT.
 */
export function predictAt(
	counters: Readonly<QueueCounters>,
	intervalSec: number,
	thresholdSec: number,
	agents: number
): WhatIfPrediction {
	const arrivals = offered(counters);
	const ahtSec = ahtOf(counters);
	const n = Math.max(0, Math.round(agents));
	if (arrivals === 0 || ahtSec === null || ahtSec <= 0)
		return { agents: n, serviceLevel: null, answerRate: null };
	const patienceSec = patienceFromHistory(counters.abandoned, counters.sumWaitOfferedSec);
	const result = erlangA({
		agents: n,
		arrivalsPerSec: arrivals / intervalSec,
		ahtSec,
		patienceSec: patienceSec ?? Number.POSITIVE_INFINITY,
		thresholdSec
	});
	return { agents: n, serviceLevel: result.serviceLevel, answerRate: 1 - result.pAbandon };
}
