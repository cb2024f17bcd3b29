/**
 * The report's rows as the page draws them: the report API's field names (docs/reports.md), only the
 * fields the charts and the table use, so the components need nothing from the server side.
 */
export interface ChartRow {
	start: string;
	startMs: number;
	offered: number;
	answered: number;
	abandoned: number;
	flowedOut: number;
	answerRate: number | null;
	serviceLevel: number | null;
	asaSec: number | null;
	ahtSec: number | null;
	staffedAvg: number;
	productiveAvg: number;
	occupancy: number | null;
	requiredErlangC: number | null;
	requiredErlangA: number | null;
	gap: number | null;
}

/** One interval of the what-if helper's answer (`GET /api/v1/reports/what-if`). */
export interface WhatIfPoint {
	startMs: number;
	changed: boolean;
	agentsActual: number;
	agentsWhatIf: number;
	predictedServiceLevel: number | null;
	predictedAnswerRate: number | null;
	modelServiceLevel: number | null;
	modelAnswerRate: number | null;
}

/** An interval slot of the shared time axis, on the centre's clock (`YYYY-MM-DD HH:MM`). */
export interface Slot {
	startMs: number;
	local: string;
}

export interface Targets {
	serviceLevel: number;
	answerRate: number;
}

/** An interval the summary names (`worstAnswerRate`, `mostShort` of the summary helper). */
export interface SummaryInterval {
	start: string;
	startMs: number;
	offered: number;
	answerRate: number | null;
	serviceLevel: number | null;
	gap: number | null;
}

/** The summary helper's answer for the view (`GET /api/v1/reports/summary`, one scope). */
export interface SummaryView {
	offered: number;
	answerRate: number | null;
	serviceLevel: number | null;
	busyHour: {
		start: string;
		offered: number;
		erlangs: number;
		answerRate: number | null;
		serviceLevel: number | null;
	} | null;
	worstAnswerRate: SummaryInterval[];
	mostShort: SummaryInterval[];
}

/** One entry of the view picker: the centre, a channel or a queue, by its row field (`q:orders-voice`). */
export interface ViewOption {
	value: string;
	kind: 'centre' | 'channel' | 'queue';
	name: { 'zh-CN': string; en?: string } | null;
}
