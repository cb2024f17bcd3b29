import { describe, expect, it } from 'vitest';
import { CHART_BOX, slChartGeometry } from './sl-chart-geometry';

const curve = [10, 11, 12, 13, 14, 15, 16, 17, 18].map((agents) => ({
	agents,
	serviceLevel: Math.min(1, Math.max(0, (agents - 10) / 6))
}));

describe('slChartGeometry', () => {
	it('maps agents across the plot and service level 0..1 bottom to top', () => {
		const g = slChartGeometry(curve, { target: 0.8, required: 14, current: 14 })!;
		const { left, right, top, bottom } = g;
		expect(left).toBe(CHART_BOX.margin.left);
		expect(right).toBe(CHART_BOX.width - CHART_BOX.margin.right);
		expect(g.points[0]).toMatchObject({ x: left, y: bottom });
		expect(g.points.at(-1)).toMatchObject({ x: right, y: top });
		expect(g.targetY).toBeCloseTo(bottom - 0.8 * (bottom - top), 9);
		expect(g.path.startsWith(`M${left},${bottom}`)).toBe(true);
	});

	it('puts ticks on whole agents only and on every fifth of the SL axis', () => {
		const g = slChartGeometry(curve, { target: null, required: null, current: null })!;
		expect(g.xTicks.every((tick) => Number.isInteger(tick.value))).toBe(true);
		expect(g.xTicks.length).toBeGreaterThan(2);
		expect(g.yTicks.map((tick) => tick.value)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
		expect(g.targetY).toBeNull();
	});

	it('draws one rule when required and current agree, two when they differ, none outside the range', () => {
		expect(slChartGeometry(curve, { target: 0.8, required: 14, current: 14 })!.rules).toHaveLength(1);
		expect(
			slChartGeometry(curve, { target: 0.8, required: 14, current: 12 })!.rules.map((r) => r.kind)
		).toEqual(['required', 'current']);
		expect(slChartGeometry(curve, { target: 0.8, required: 14, current: 40 })!.rules).toHaveLength(1);
	});

	it('has nothing to draw for fewer than two points', () => {
		expect(slChartGeometry([], { target: null, required: null, current: null })).toBeNull();
		expect(slChartGeometry(curve.slice(0, 1), { target: null, required: null, current: null })).toBeNull();
	});
});
