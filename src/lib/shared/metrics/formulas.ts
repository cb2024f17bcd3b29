import type { SlFormula } from '../centre/setup';
import type { QueueCounters } from './counters';
import type { QueueFigures, ServiceLevelVariants } from './figures';

/**
 * The formula cards of METRICS.md, one function each, so tiles, alerts, reports and exports cannot
 * disagree. Rates are fractions 0..1; every figure is null when its denominator is 0, because "no
 * calls yet" must not read as 0 % (red) or 100 % (green) on the wall.
 */

/** A survey score at or above this counts as satisfied (CSAT: score ≥ 4). */
export const SATISFIED_SCORE = 4;

export function ratio(numerator: number, denominator: number): number | null {
	return denominator > 0 ? numerator / denominator : null;
}

/** answered + abandoned + flowed out; short abandons and contacts still waiting are not offered. */
export function offered(c: Readonly<QueueCounters>): number {
	return c.answered + c.abandoned + c.flowedOut;
}

/** Answer rate 接起率 = answered ÷ offered. */
export function answerRate(c: Readonly<QueueCounters>): number | null {
	return ratio(c.answered, offered(c));
}

/** Abandon rate = abandoned ÷ offered. */
export function abandonRate(c: Readonly<QueueCounters>): number | null {
	return ratio(c.abandoned, offered(c));
}

/**
 * Service level under one of the three formulas:
 * - `abandons_negative` = answeredWithin ÷ offered
 * - `ignore_abandons` = answeredWithin ÷ (offered − abandonedWithin)
 * - `abandons_positive` = (answeredWithin + abandonedWithin) ÷ offered
 */
export function serviceLevel(c: Readonly<QueueCounters>, formula: SlFormula): number | null {
	const total = offered(c);
	switch (formula) {
		case 'abandons_negative':
			return ratio(c.answeredWithin, total);
		case 'ignore_abandons':
			return ratio(c.answeredWithin, total - c.abandonedWithin);
		case 'abandons_positive':
			return ratio(c.answeredWithin + c.abandonedWithin, total);
	}
}

/** All three, side by side, so an integrator can match the platform's own figure. */
export function serviceLevelVariants(c: Readonly<QueueCounters>): ServiceLevelVariants {
	return {
		abandons_negative: serviceLevel(c, 'abandons_negative'),
		ignore_abandons: serviceLevel(c, 'ignore_abandons'),
		abandons_positive: serviceLevel(c, 'abandons_positive')
	};
}

/** ASA = Σ wait of answered ÷ answered. */
export function asaSec(c: Readonly<QueueCounters>): number | null {
	return ratio(c.sumWaitAnsweredSec, c.answered);
}

/** ATT 平均通话时长 = Σ talk ÷ handled (talk excludes hold). */
export function attSec(c: Readonly<QueueCounters>): number | null {
	return ratio(c.sumTalkSec, c.handled);
}

/** AHT = Σ (talk + hold + wrap-up) ÷ handled. */
export function ahtSec(c: Readonly<QueueCounters>): number | null {
	return ratio(c.sumTalkSec + c.sumHoldSec + c.sumWrapSec, c.handled);
}

/** ACW share = Σ wrap-up ÷ Σ (talk + hold + wrap-up). */
export function acwShare(c: Readonly<QueueCounters>): number | null {
	return ratio(c.sumWrapSec, c.sumTalkSec + c.sumHoldSec + c.sumWrapSec);
}

/** CSAT 满意度 = surveys scoring ≥ 4 ÷ surveys received. */
export function csat(c: Readonly<QueueCounters>): number | null {
	return ratio(c.surveysSatisfied, c.surveys);
}

/** 48 h repeat rate 重复来电率 = offered repeat contacts ÷ offered contacts carrying a customerId. */
export function repeatRate(c: Readonly<QueueCounters>): number | null {
	return ratio(c.repeatOffered, c.customerOffered);
}

/** The part of QueueFigures that depends on counts alone (no live waiting contacts, no names). */
export type CounterFigures = Pick<
	QueueFigures,
	| 'offered'
	| 'answered'
	| 'abandoned'
	| 'shortAbandoned'
	| 'flowedOut'
	| 'answeredWithin'
	| 'abandonedWithin'
	| 'handled'
	| 'answerRate'
	| 'abandonRate'
	| 'serviceLevel'
	| 'serviceLevelVariants'
	| 'asaSec'
	| 'attSec'
	| 'ahtSec'
	| 'acwShare'
	| 'surveys'
	| 'surveysSatisfied'
	| 'csat'
	| 'customerOffered'
	| 'repeatOffered'
	| 'repeatRate'
>;

/** Derives every count-based figure; `slFormula` picks which variant is the headline `serviceLevel`. */
export function counterFigures(c: Readonly<QueueCounters>, slFormula: SlFormula): CounterFigures {
	const variants = serviceLevelVariants(c);
	return {
		offered: offered(c),
		answered: c.answered,
		abandoned: c.abandoned,
		shortAbandoned: c.shortAbandoned,
		flowedOut: c.flowedOut,
		answeredWithin: c.answeredWithin,
		abandonedWithin: c.abandonedWithin,
		handled: c.handled,
		answerRate: answerRate(c),
		abandonRate: abandonRate(c),
		serviceLevel: variants[slFormula],
		serviceLevelVariants: variants,
		asaSec: asaSec(c),
		attSec: attSec(c),
		ahtSec: ahtSec(c),
		acwShare: acwShare(c),
		surveys: c.surveys,
		surveysSatisfied: c.surveysSatisfied,
		csat: csat(c),
		customerOffered: c.customerOffered,
		repeatOffered: c.repeatOffered,
		repeatRate: repeatRate(c)
	};
}
