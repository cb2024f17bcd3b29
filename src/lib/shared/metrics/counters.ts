/**
 * The raw counts behind every queue figure (METRICS.md), kept per queue and per span of time.
 *
 * Every field merges associatively (sums, and one max), so the counts of any span are the merge of the
 * counts of its parts: a day is one accumulator, a rolling window is the merge of its 10-second buckets,
 * a channel or the centre is the merge of its queues. Rates are never stored, only derived (formulas.ts),
 * because a rate of a merge is not the mean of the rates.
 */
export interface QueueCounters {
	/** Outcomes (attributed to the queue the contact was waiting in, in the span the outcome happened). */
	answered: number;
	/** Abandons with wait ≥ shortAbandonSec; short ones are in `shortAbandoned` only. */
	abandoned: number;
	shortAbandoned: number;
	flowedOut: number;
	/** Answered with wait ≤ slThresholdSec of the queue. */
	answeredWithin: number;
	/** Abandoned (not short) with wait ≤ slThresholdSec of the queue. */
	abandonedWithin: number;
	sumWaitAnsweredSec: number;
	/** Σ wait of every offered outcome (answered, abandoned, flowed out): the patience estimate of Erlang A. */
	sumWaitOfferedSec: number;
	/** Longest wait among offered outcomes; merges by max. */
	maxWaitSec: number;
	/** The same, over VIP contacts only. */
	maxVipWaitSec: number;
	/** Offered outcomes of contacts that carry a customerId (the 48 h repeat rate's denominator)… */
	customerOffered: number;
	/** …and those whose customer had another contact queued in the 48 h before (its numerator). */
	repeatOffered: number;
	/** Handle figures, counted when the agent's leg of the contact is over (wrap-up done). */
	handled: number;
	sumTalkSec: number;
	sumHoldSec: number;
	sumWrapSec: number;
	/** Post-contact surveys received, and those scoring at least SATISFIED_SCORE. */
	surveys: number;
	surveysSatisfied: number;
}

export function emptyCounters(): QueueCounters {
	return {
		answered: 0,
		abandoned: 0,
		shortAbandoned: 0,
		flowedOut: 0,
		answeredWithin: 0,
		abandonedWithin: 0,
		sumWaitAnsweredSec: 0,
		sumWaitOfferedSec: 0,
		maxWaitSec: 0,
		maxVipWaitSec: 0,
		customerOffered: 0,
		repeatOffered: 0,
		handled: 0,
		sumTalkSec: 0,
		sumHoldSec: 0,
		sumWrapSec: 0,
		surveys: 0,
		surveysSatisfied: 0
	};
}

/** Merges `source` into `target` in place and returns `target`: the hot path of roll-ups. */
export function addCountersInto(target: QueueCounters, source: Readonly<QueueCounters>): QueueCounters {
	target.answered += source.answered;
	target.abandoned += source.abandoned;
	target.shortAbandoned += source.shortAbandoned;
	target.flowedOut += source.flowedOut;
	target.answeredWithin += source.answeredWithin;
	target.abandonedWithin += source.abandonedWithin;
	target.sumWaitAnsweredSec += source.sumWaitAnsweredSec;
	target.sumWaitOfferedSec += source.sumWaitOfferedSec;
	target.maxWaitSec = Math.max(target.maxWaitSec, source.maxWaitSec);
	target.maxVipWaitSec = Math.max(target.maxVipWaitSec, source.maxVipWaitSec);
	target.customerOffered += source.customerOffered;
	target.repeatOffered += source.repeatOffered;
	target.handled += source.handled;
	target.sumTalkSec += source.sumTalkSec;
	target.sumHoldSec += source.sumHoldSec;
	target.sumWrapSec += source.sumWrapSec;
	target.surveys += source.surveys;
	target.surveysSatisfied += source.surveysSatisfied;
	return target;
}

/** The merge of two spans (or two queues); neither argument is changed. */
export function addCounters(a: Readonly<QueueCounters>, b: Readonly<QueueCounters>): QueueCounters {
	return addCountersInto(addCountersInto(emptyCounters(), a), b);
}

/** The merge of any number of spans; the empty merge is `emptyCounters()`. */
export function sumCounters(parts: Iterable<Readonly<QueueCounters>>): QueueCounters {
	const total = emptyCounters();
	for (const part of parts) addCountersInto(total, part);
	return total;
}

/**
 * Every field, in a fixed order: the layout of the packed buckets of rolling windows (one Float64Array
 * per queue), where an object per bucket would cost the garbage collector dearly at 360 buckets a queue.
 */
export const COUNTER_FIELDS = [
	'answered',
	'abandoned',
	'shortAbandoned',
	'flowedOut',
	'answeredWithin',
	'abandonedWithin',
	'sumWaitAnsweredSec',
	'sumWaitOfferedSec',
	'maxWaitSec',
	'maxVipWaitSec',
	'customerOffered',
	'repeatOffered',
	'handled',
	'sumTalkSec',
	'sumHoldSec',
	'sumWrapSec',
	'surveys',
	'surveysSatisfied'
] as const satisfies readonly (keyof QueueCounters)[];

/** Fields that merge by max rather than by sum. */
export const MAX_COUNTER_FIELDS: ReadonlySet<keyof QueueCounters> = new Set(['maxWaitSec', 'maxVipWaitSec']);
