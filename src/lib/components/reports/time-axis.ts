import { scaleBand } from 'd3';
import type { Slot } from './report-types';

/**
 * The one time axis every report chart shares: a band per interval slot, so bars, lines, the missed
 * marks and a compare day all line up. Labels come from the slots' local clock text, never the browser's zone.
 */

export interface ChartBox {
	width: number;
	height: number;
	margin: { top: number; right: number; bottom: number; left: number };
}

export const REPORT_BOX: ChartBox = {
	width: 960,
	height: 190,
	margin: { top: 12, right: 16, bottom: 24, left: 52 }
};

export interface TimeAxis {
	left: number;
	right: number;
	top: number;
	bottom: number;
	/** Width of one interval's band. */
	band: number;
	/** Left edge of slot `i`'s band. */
	x: (i: number) => number;
	/** Centre of slot `i`'s band: where line points sit. */
	mid: (i: number) => number;
	ticks: { i: number; x: number; label: string }[];
	/** Slot index of an interval start; undefined for one outside the axis. */
	indexOf: (startMs: number) => number | undefined;
}

const MAX_TICKS = 14;

export function timeAxis(slots: readonly Slot[], box: ChartBox = REPORT_BOX): TimeAxis {
	const left = box.margin.left;
	const right = box.width - box.margin.right;
	const scale = scaleBand<number>()
		.domain(slots.map((_, i) => i))
		.range([left, right])
		// A month of 15-min bands is under a pixel each: padding would leave only gaps.
		.paddingInner(slots.length > 200 ? 0 : 0.15);
	const oneDay = new Set(slots.map((s) => s.local.slice(0, 10))).size <= 1;
	const candidates = slots
		.map((slot, i) => ({ slot, i }))
		.filter(({ slot }) =>
			oneDay
				? slot.local.endsWith(':00') && Number(slot.local.slice(11, 13)) % 2 === 0
				: slot.local.endsWith(' 00:00')
		);
	const step = Math.max(1, Math.ceil(candidates.length / MAX_TICKS));
	const index = new Map(slots.map((s, i) => [s.startMs, i]));
	return {
		left,
		right,
		top: box.margin.top,
		bottom: box.height - box.margin.bottom,
		band: scale.bandwidth(),
		x: (i) => scale(i) ?? left,
		mid: (i) => (scale(i) ?? left) + scale.bandwidth() / 2,
		ticks: candidates
			.filter((_, k) => k % step === 0)
			.map(({ slot, i }) => ({
				i,
				x: scale(i) ?? left,
				label: oneDay ? slot.local.slice(11) : slot.local.slice(5, 10)
			})),
		indexOf: (startMs) => index.get(startMs)
	};
}

/**
 * Slot index of a compare day's interval: its distance from that day's local midnight, so Monday 10:00
 * sits above last Monday 10:00.
 */
export function alignedIndex(startMs: number, originMs: number, sizeMin: number): number {
	return Math.round((startMs - originMs) / (sizeMin * 60_000));
}
