import type { IntervalRow } from './interval-row';
import { predictAt } from './interval-staffing';

export interface WhatIfRow {
	start: string;
	startMs: number;
	queueId: string | null;
	/** Whether the change applies to this interval (inside [from, to)). */
	changed: boolean;
	/** Agents on the phones (productive, rounded) as they were, and with the change. */
	agentsActual: number;
	agentsWhatIf: number;
	actualServiceLevel: number | null;
	actualAnswerRate: number | null;
	/** Erlang A at the actual agents: how far the model is from what happened. */
	modelServiceLevel: number | null;
	modelAnswerRate: number | null;
	/** Erlang A with the change. */
	predictedServiceLevel: number | null;
	predictedAnswerRate: number | null;
}

/**
 * "+N agents from 20:00 to 22:00": for each interval of one queue, Erlang A with the interval's own λ,
 * AHT and patience at the agents that were productive, and at that plus `delta` inside the chosen span.
 * The model is shown at actual staffing too, so a reader sees the model's own error before trusting
 * the difference the change makes.
 */
export function whatIf(
	rows: readonly IntervalRow[],
	change: { delta: number; fromMs: number; toMs: number }
): WhatIfRow[] {
	return rows.map((row) => {
		const changed = row.startMs >= change.fromMs && row.startMs < change.toMs;
		const agentsActual = Math.round(row.productiveAvg);
		const agentsWhatIf = Math.max(0, agentsActual + (changed ? change.delta : 0));
		const intervalSec = row.size * 60;
		const threshold = row.slThresholdSec ?? 0;
		const model = predictAt(row.counters, intervalSec, threshold, agentsActual);
		const predicted = changed ? predictAt(row.counters, intervalSec, threshold, agentsWhatIf) : model;
		return {
			start: row.start,
			startMs: row.startMs,
			queueId: row.queueId,
			changed,
			agentsActual,
			agentsWhatIf,
			actualServiceLevel: row.serviceLevel,
			actualAnswerRate: row.answerRate,
			modelServiceLevel: model.serviceLevel,
			modelAnswerRate: model.answerRate,
			predictedServiceLevel: predicted.serviceLevel,
			predictedAnswerRate: predicted.answerRate
		};
	});
}
