import type { CalcIssue, CalcParameter, CalcResult } from './calc-result';

/** One point of the service-level curve: the share answered in time with `agents` on the queue. */
export interface ServiceLevelPoint {
	agents: number;
	serviceLevel: number;
}

/** The parsed settings the figures were computed with, for the captions that explain them. */
export interface CalcSettings {
	thresholdSec: number;
	targetServiceLevel: number | null;
	maxOccupancy: number | null;
	shrinkage: number;
}

/**
 * What the calculator page renders: the form as the user sent it (raw strings, so a bad value is shown
 * back exactly as typed next to its error), and either the figures or the issues.
 */
export interface CalcPageData {
	fields: Record<CalcParameter, string>;
	issues: CalcIssue[];
	result: CalcResult | null;
	settings: CalcSettings | null;
	curve: ServiceLevelPoint[];
}
