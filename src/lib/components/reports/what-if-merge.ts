import type { ChartRow, Slot, WhatIfPoint } from './report-types';
import { alignedIndex, type TimeAxis } from './time-axis';
import type { Placed } from './report-geometry';

/** A table line: the interval's stored row and, with a what-if, the prediction for it beside it. */
export interface TableLine<R extends ChartRow = ChartRow> extends ChartRow {
	row: R;
	whatIf: WhatIfPoint | null;
	/** Predicted minus actual, in points of a fraction: what the change would have bought. */
	deltaServiceLevel: number | null;
	deltaAnswerRate: number | null;
}

const difference = (predicted: number | null, actual: number | null) =>
	predicted === null || actual === null ? null : predicted - actual;

/** Joins rows and what-if answers on the interval start; an interval the helper did not answer keeps null. */
export function mergeWhatIf<R extends ChartRow>(
	rows: readonly R[],
	whatIf: readonly WhatIfPoint[] | null
): TableLine<R>[] {
	const byStart = new Map((whatIf ?? []).map((w) => [w.startMs, w]));
	return rows.map((row) => {
		const w = byStart.get(row.startMs) ?? null;
		return {
			...row,
			row,
			whatIf: w,
			deltaServiceLevel: w ? difference(w.predictedServiceLevel, row.serviceLevel) : null,
			deltaAnswerRate: w ? difference(w.predictedAnswerRate, row.answerRate) : null
		};
	});
}

/** Rows on the shared axis; rows outside it (a slot the range does not cover) are dropped. */
export function placeRows<T extends { startMs: number }>(axis: TimeAxis, rows: readonly T[]): Placed<T>[] {
	return rows.flatMap((row) => {
		const i = axis.indexOf(row.startMs);
		return i === undefined ? [] : [{ i, row }];
	});
}

/** A compare day on the main day's axis, slot by slot from each day's own local midnight. */
export function placeCompare<T extends { startMs: number }>(
	slots: readonly Slot[],
	rows: readonly T[],
	originMs: number,
	sizeMin: number
): Placed<T>[] {
	return rows
		.map((row) => ({ i: alignedIndex(row.startMs, originMs, sizeMin), row }))
		.filter((p) => p.i >= 0 && p.i < slots.length);
}
