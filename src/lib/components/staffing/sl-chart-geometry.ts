import { extent, line, scaleLinear } from 'd3';
import type { ServiceLevelPoint } from '$lib/shared/staffing/calc-page';

/**
 * Geometry of the service-level chart: d3 computes scales, ticks and the path, the component renders
 * them as plain SVG. Kept out of the component so it runs (and is tested) without a DOM.
 */

export interface ChartBox {
	width: number;
	height: number;
	margin: { top: number; right: number; bottom: number; left: number };
}

export interface ChartMarks {
	target: number | null;
	required: number | null;
	current: number | null;
}

export interface ChartGeometry {
	path: string;
	points: { agents: number; serviceLevel: number; x: number; y: number }[];
	xTicks: { value: number; x: number }[];
	yTicks: { value: number; y: number }[];
	/** The plot area, inside the margins. */
	left: number;
	right: number;
	top: number;
	bottom: number;
	targetY: number | null;
	/** Vertical rules for the required and current staffing; only those inside the plotted range. */
	rules: { kind: 'required' | 'current'; agents: number; x: number }[];
}

export const CHART_BOX: ChartBox = {
	width: 560,
	height: 260,
	margin: { top: 16, right: 16, bottom: 40, left: 48 }
};

export function slChartGeometry(
	curve: readonly ServiceLevelPoint[],
	marks: ChartMarks,
	box: ChartBox = CHART_BOX
): ChartGeometry | null {
	if (curve.length < 2) return null;
	const [lo, hi] = extent(curve, (p) => p.agents) as [number, number];
	const left = box.margin.left;
	const right = box.width - box.margin.right;
	const top = box.margin.top;
	const bottom = box.height - box.margin.bottom;
	const x = scaleLinear().domain([lo, hi]).range([left, right]);
	const y = scaleLinear().domain([0, 1]).range([bottom, top]);
	const toLine = line<ServiceLevelPoint>()
		.x((p) => x(p.agents))
		.y((p) => y(p.serviceLevel));
	// Agents are whole people: a tick at 12.5 agents would be nonsense.
	const xTicks = x
		.ticks(Math.min(8, hi - lo))
		.filter(Number.isInteger)
		.map((value) => ({ value, x: x(value) }));
	const inRange = (n: number | null): n is number => n !== null && n >= lo && n <= hi;
	const rules: ChartGeometry['rules'] = [];
	if (inRange(marks.required)) rules.push({ kind: 'required', agents: marks.required, x: x(marks.required) });
	if (inRange(marks.current) && marks.current !== marks.required) {
		rules.push({ kind: 'current', agents: marks.current, x: x(marks.current) });
	}
	return {
		path: toLine(curve as ServiceLevelPoint[]) ?? '',
		points: curve.map((p) => ({ ...p, x: x(p.agents), y: y(p.serviceLevel) })),
		xTicks,
		yTicks: y.ticks(5).map((value) => ({ value, y: y(value) })),
		left,
		right,
		top,
		bottom,
		targetY: marks.target === null ? null : y(marks.target),
		rules
	};
}
