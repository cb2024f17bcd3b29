/**
 * The staffing calculator's contract: the query parameters of `GET /api/v1/staffing/calc` (the page's
 * form uses the same names, so a page URL and an API URL carry the same question) and the figures it
 * answers with. Types only, so the server computes and the browser renders from one definition.
 */

export const STAFFING_MODELS = ['erlang-c', 'erlang-a'] as const;
export type StaffingModel = (typeof STAFFING_MODELS)[number];

export const CALC_PARAMETERS = [
	'model',
	'arrivals',
	'intervalSec',
	'ahtSec',
	'agents',
	'thresholdSec',
	'patienceSec',
	'targetServiceLevel',
	'maxOccupancy',
	'shrinkage'
] as const;
export type CalcParameter = (typeof CALC_PARAMETERS)[number];

/** One thing wrong with a query, named by parameter ('query' when no single parameter is to blame). */
export interface CalcIssue {
	parameter: CalcParameter | 'query';
	message: string;
}

/** Numbers the model cannot define (e.g. ASA of an unstable Erlang C queue) are null, never Infinity. */
export interface CalcResult {
	model: StaffingModel;
	/** The staffing the figures below describe: `agents` when given, else `requiredAgents`. */
	agents: number;
	trafficErlangs: number;
	pWait: number;
	serviceLevel: number;
	asaSec: number | null;
	occupancy: number | null;
	/** null for erlang-c, which has no abandonment. */
	pAbandon: number | null;
	/** Mean time in queue over all arrivals; for erlang-c everyone is answered, so it equals asaSec. */
	meanWaitSec: number | null;
	/** null without a targetServiceLevel. */
	requiredAgents: number | null;
	requiredWithShrinkage: number | null;
}
