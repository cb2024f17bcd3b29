import type { QueueCounters } from './counters';
import { SATISFIED_SCORE } from './formulas';

/** How a queue offer ended (METRICS.md "Windows and attribution"). */
export type QueueOutcome = 'answered' | 'abandoned' | 'flowed_out';

/** The two per-queue thresholds that classify a wait. */
export interface WaitRules {
	slThresholdSec: number;
	shortAbandonSec: number;
}

/** What the contact carries that some figures look at. */
export interface OutcomeTags {
	vip: boolean;
	/** 'none' without a customerId; 'repeat' when the customer had another contact queued in the 48 h before. */
	customer: 'none' | 'first' | 'repeat';
}

const UNTAGGED: OutcomeTags = { vip: false, customer: 'none' };

/**
 * Counts one queue outcome. The classification rules live here, once:
 * short abandon = abandoned with wait < shortAbandonSec (counted apart, in no other figure);
 * within the threshold = wait ≤ slThresholdSec. Only offered outcomes (not short abandons) enter the
 * max waits and the repeat rate, which is "among contacts offered".
 */
export function countOutcome(
	c: QueueCounters,
	outcome: QueueOutcome,
	waitSec: number,
	rules: WaitRules,
	tags: OutcomeTags = UNTAGGED
): void {
	const within = waitSec <= rules.slThresholdSec;
	switch (outcome) {
		case 'answered':
			c.answered++;
			if (within) c.answeredWithin++;
			c.sumWaitAnsweredSec += waitSec;
			break;
		case 'abandoned':
			if (waitSec < rules.shortAbandonSec) {
				c.shortAbandoned++;
				return;
			}
			c.abandoned++;
			if (within) c.abandonedWithin++;
			break;
		case 'flowed_out':
			c.flowedOut++;
			break;
	}
	c.sumWaitOfferedSec += waitSec;
	if (waitSec > c.maxWaitSec) c.maxWaitSec = waitSec;
	if (tags.vip && waitSec > c.maxVipWaitSec) c.maxVipWaitSec = waitSec;
	if (tags.customer !== 'none') c.customerOffered++;
	if (tags.customer === 'repeat') c.repeatOffered++;
}

/** One agent leg's handle time. */
export interface HandleTimes {
	talkSec: number;
	holdSec: number;
	wrapSec: number;
}

/** Counts a handled leg; `handled` moves only when `countsAsHandled` (wrap-up of a leg counted earlier). */
export function countHandle(c: QueueCounters, times: HandleTimes, countsAsHandled = true): void {
	if (countsAsHandled) c.handled++;
	c.sumTalkSec += times.talkSec;
	c.sumHoldSec += times.holdSec;
	c.sumWrapSec += times.wrapSec;
}

export function countSurvey(c: QueueCounters, score: number): void {
	c.surveys++;
	if (score >= SATISFIED_SCORE) c.surveysSatisfied++;
}
