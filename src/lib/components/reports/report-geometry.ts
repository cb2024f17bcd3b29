import { line, max, path as d3Path, scaleLinear, stack } from 'd3';
import type { ChartRow, Targets, WhatIfPoint } from './report-types';
import type { TimeAxis } from './time-axis';

/**
 * Geometry of the report charts: d3 computes scales, stacks and paths; the `.svg.svelte` layers only
 * render them. Every function takes rows already placed on the shared axis (`Placed`).
 */

export interface Placed<T> {
	i: number;
	row: T;
}

export interface ValueTick {
	value: number;
	y: number;
}

const VOLUME_KEYS = ['answered', 'abandoned', 'flowedOut'] as const;
export type VolumeKey = (typeof VOLUME_KEYS)[number];

/**
 * Rectangles as one path: a month of 15-min bars is 9,000 rects, and one `<path>` per layer draws in a
 * fraction of the time 9,000 elements take. A band narrower than a pixel is drawn half a pixel wide.
 */
export function rectsPath(rects: readonly { x: number; y: number; width: number; height: number }[]): string {
	const p = d3Path();
	for (const r of rects) if (r.height > 0) p.rect(r.x, r.y, Math.max(0.5, r.width), r.height);
	return p.toString();
}

export interface VolumeGeometry {
	bars: { key: VolumeKey; i: number; x: number; y: number; height: number; value: number }[];
	/** The bars of each layer as one path. */
	layers: { key: VolumeKey; d: string }[];
	/** The compare day's offered, as a step line over the bars. */
	comparePath: string;
	yTicks: ValueTick[];
}

function countScale(top: number, bottom: number, highest: number) {
	// At least 0..4, so an empty or quiet day still gets whole-number ticks (0, 1, 2, 3, 4).
	return scaleLinear()
		.domain([0, Math.max(4, highest)])
		.nice(4)
		.range([bottom, top]);
}

/** Ticks of a count axis: whole numbers only (a count of 0.5 contacts or agents means nothing). */
function countTicks(y: ReturnType<typeof countScale>): ValueTick[] {
	return y
		.ticks(4)
		.filter(Number.isInteger)
		.map((value) => ({ value, y: y(value) }));
}

/** Stacked answered + abandoned + flowed out: the stack's height is the interval's offered. */
export function volumeGeometry(
	axis: TimeAxis,
	rows: readonly Placed<ChartRow>[],
	compare: readonly Placed<ChartRow>[] = []
): VolumeGeometry {
	const y = countScale(axis.top, axis.bottom, max([...rows, ...compare], (p) => p.row.offered) ?? 0);
	const series = stack<Placed<ChartRow>, VolumeKey>()
		.keys(VOLUME_KEYS)
		.value((p, key) => p.row[key])(rows as Placed<ChartRow>[]);
	const bars = series.flatMap((layer) =>
		layer.map(([y0, y1], n) => {
			const i = rows[n]!.i;
			return { key: layer.key, i, x: axis.x(i), y: y(y1), height: y(y0) - y(y1), value: y1 - y0 };
		})
	);
	const step = line<Placed<ChartRow>>()
		.x((p) => axis.mid(p.i))
		.y((p) => y(p.row.offered));
	const drawn = bars.filter((b) => b.value > 0);
	return {
		bars: drawn,
		layers: VOLUME_KEYS.map((key) => ({
			key,
			d: rectsPath(drawn.filter((b) => b.key === key).map((b) => ({ ...b, width: axis.band })))
		})),
		comparePath: compare.length ? (step(compare as Placed<ChartRow>[]) ?? '') : '',
		yTicks: countTicks(y)
	};
}

function rateLine(axis: TimeAxis, pick: (row: ChartRow) => number | null, y: (v: number) => number) {
	return line<Placed<ChartRow>>()
		.defined((p) => pick(p.row) !== null)
		.x((p) => axis.mid(p.i))
		.y((p) => y(pick(p.row)!));
}

export interface RateGeometry {
	answerRate: string;
	serviceLevel: string;
	compareAnswerRate: string;
	compareServiceLevel: string;
	predictedAnswerRate: string;
	predictedServiceLevel: string;
	targetY: { serviceLevel: number; answerRate: number };
	/** Intervals whose service level or answer rate fell below its target: marked under the axis. */
	missed: { i: number; x: number; startMs: number; serviceLevel: boolean; answerRate: boolean }[];
	/** The missed intervals' bands behind the lines, and their marks under the axis, each one path. */
	missedBands: string;
	missedMarks: string;
	yTicks: ValueTick[];
}

/** A target is missed by a rate below it; an interval with nothing offered has no rate and misses nothing. */
export function missedTarget(value: number | null, target: number): boolean {
	return value !== null && value < target - 1e-9;
}

export function rateGeometry(
	axis: TimeAxis,
	rows: readonly Placed<ChartRow>[],
	targets: Targets,
	compare: readonly Placed<ChartRow>[] = [],
	whatIf: readonly Placed<WhatIfPoint>[] = []
): RateGeometry {
	const y = scaleLinear().domain([0, 1]).range([axis.bottom, axis.top]);
	const path = (list: readonly Placed<ChartRow>[], pick: (row: ChartRow) => number | null) =>
		list.length ? (rateLine(axis, pick, y)(list as Placed<ChartRow>[]) ?? '') : '';
	const predicted = (pick: (p: WhatIfPoint) => number | null) =>
		whatIf.length
			? (line<Placed<WhatIfPoint>>()
					.defined((p) => pick(p.row) !== null)
					.x((p) => axis.mid(p.i))
					.y((p) => y(pick(p.row)!))(whatIf as Placed<WhatIfPoint>[]) ?? '')
			: '';
	const missed = rows
		.map((p) => ({
			i: p.i,
			x: axis.x(p.i),
			startMs: p.row.startMs,
			serviceLevel: missedTarget(p.row.serviceLevel, targets.serviceLevel),
			answerRate: missedTarget(p.row.answerRate, targets.answerRate)
		}))
		.filter((m) => m.serviceLevel || m.answerRate);
	const height = axis.bottom - axis.top;
	return {
		missed,
		missedBands: rectsPath(missed.map((m) => ({ x: m.x, y: axis.top, width: axis.band, height }))),
		missedMarks: rectsPath(
			missed.map((m) => ({ x: m.x, y: axis.bottom + 1, width: Math.max(1, axis.band), height: 3 }))
		),
		answerRate: path(rows, (r) => r.answerRate),
		serviceLevel: path(rows, (r) => r.serviceLevel),
		compareAnswerRate: path(compare, (r) => r.answerRate),
		compareServiceLevel: path(compare, (r) => r.serviceLevel),
		predictedAnswerRate: predicted((p) => p.predictedAnswerRate),
		predictedServiceLevel: predicted((p) => p.predictedServiceLevel),
		targetY: { serviceLevel: y(targets.serviceLevel), answerRate: y(targets.answerRate) },
		yTicks: y.ticks(4).map((value) => ({ value, y: y(value) }))
	};
}

export interface StaffingGeometry {
	staffed: string;
	requiredC: string;
	requiredA: string;
	compareStaffed: string;
	/**
	 * The gap between staffed and required (Erlang A, else C), one band per interval so a single short
	 * half-hour still shows: `short` where the floor had fewer agents than the load needed.
	 */
	gaps: { i: number; x: number; y: number; height: number; short: boolean; startMs: number }[];
	shortPath: string;
	sparePath: string;
	yTicks: ValueTick[];
}

export function staffingGeometry(
	axis: TimeAxis,
	rows: readonly Placed<ChartRow>[],
	compare: readonly Placed<ChartRow>[] = []
): StaffingGeometry {
	const all = [...rows, ...compare];
	const highest = Math.max(
		max(all, (p) => p.row.staffedAvg) ?? 0,
		max(all, (p) => p.row.requiredErlangC ?? 0) ?? 0,
		max(all, (p) => p.row.requiredErlangA ?? 0) ?? 0
	);
	const y = countScale(axis.top, axis.bottom, highest);
	const required = (r: ChartRow) => r.requiredErlangA ?? r.requiredErlangC;
	const path = (list: readonly Placed<ChartRow>[], pick: (row: ChartRow) => number | null) =>
		list.length ? (rateLine(axis, pick, y)(list as Placed<ChartRow>[]) ?? '') : '';
	const gaps = rows.flatMap((p) => {
		const need = required(p.row);
		if (need === null || need === p.row.staffedAvg) return [];
		const [a, b] = [y(p.row.staffedAvg), y(need)];
		const short = p.row.staffedAvg < need;
		return [
			{ i: p.i, x: axis.x(p.i), y: Math.min(a, b), height: Math.abs(a - b), short, startMs: p.row.startMs }
		];
	});
	return {
		staffed: path(rows, (r) => r.staffedAvg),
		requiredC: path(rows, (r) => r.requiredErlangC),
		requiredA: path(rows, (r) => r.requiredErlangA),
		compareStaffed: path(compare, (r) => r.staffedAvg),
		gaps,
		shortPath: rectsPath(gaps.filter((g) => g.short).map((g) => ({ ...g, width: axis.band }))),
		sparePath: rectsPath(gaps.filter((g) => !g.short).map((g) => ({ ...g, width: axis.band }))),
		yTicks: countTicks(y)
	};
}

export interface OccupancyGeometry {
	occupancy: string;
	compareOccupancy: string;
	yTicks: ValueTick[];
}

export function occupancyGeometry(
	axis: TimeAxis,
	rows: readonly Placed<ChartRow>[],
	compare: readonly Placed<ChartRow>[] = []
): OccupancyGeometry {
	const y = scaleLinear().domain([0, 1]).range([axis.bottom, axis.top]);
	const path = (list: readonly Placed<ChartRow>[]) =>
		list.length ? (rateLine(axis, (r) => r.occupancy, y)(list as Placed<ChartRow>[]) ?? '') : '';
	return {
		occupancy: path(rows),
		compareOccupancy: path(compare),
		yTicks: y.ticks(4).map((value) => ({ value, y: y(value) }))
	};
}
