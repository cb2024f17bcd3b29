import { line, scaleLinear } from 'd3';
import {
	busySpans,
	segments,
	TREND_POINTS,
	type TrendPoint,
	type TrendSeries
} from '$lib/shared/boards/trend';

/** Which line a trend chart draws. */
export type TrendKind = 'answer-rate' | 'waiting';

export interface TrendGeometry {
	/** One path per run of consecutive minutes (a hole where the server was down). */
	paths: string[];
	/** Busy periods as x ranges in pixels. */
	busy: Array<{ x: number; width: number }>;
	/** y of the target line, or null when there is none. */
	targetY: number | null;
	/** x positions of the hour ticks, with their epoch ms. */
	ticks: Array<{ x: number; ms: number }>;
	/** The gridlines of the value axis. */
	yTicks: Array<{ y: number; value: number }>;
	empty: boolean;
}

const valueOf = (kind: TrendKind) => (p: TrendPoint) => (kind === 'answer-rate' ? p[1] : p[2]);

/**
 * d3 computes, Svelte draws: the scales and path strings for a trend chart of `width` × `height` px.
 * The x axis is always the last two hours ending at the newest point, so every TV draws the same span.
 */
export function trendGeometry(
	series: TrendSeries | undefined,
	kind: TrendKind,
	target: number | null,
	size: { width: number; height: number; nowMs: number }
): TrendGeometry {
	const points = series?.points ?? [];
	const step = series?.stepMs ?? 60_000;
	const end = points.length ? points[points.length - 1]![0] + step : Math.floor(size.nowMs / step) * step;
	const start = end - TREND_POINTS * step;
	const x = scaleLinear().domain([start, end]).range([0, size.width]);
	const values = points.map(valueOf(kind)).filter((v): v is number => v !== null);
	const domain: [number, number] =
		kind === 'answer-rate'
			? [Math.min(0.5, ...values, (target ?? 1) - 0.1), 1]
			: [0, Math.max(4, ...values, (target ?? 0) * 1.25)];
	const y = scaleLinear().domain(domain).range([size.height, 0]).nice();
	const pick = valueOf(kind);
	const draw = line<TrendPoint>()
		.defined((p) => pick(p) !== null)
		.x((p) => x(p[0] + step / 2))
		.y((p) => y(pick(p) ?? 0));
	const inView = points.filter((p) => p[0] >= start);
	const paths = segments(inView, step).flatMap((run) => {
		const d = draw(run);
		return d ? [d] : [];
	});
	const busy = busySpans(inView, step).map(([a, b]) => ({ x: x(a), width: Math.max(1, x(b) - x(a)) }));
	const hour = 3_600_000;
	const ticks: TrendGeometry['ticks'] = [];
	for (let ms = Math.ceil(start / (30 * 60_000)) * 30 * 60_000; ms <= end; ms += 30 * 60_000) {
		if (ms % hour === 0 || ms === end) ticks.push({ x: x(ms), ms });
	}
	return {
		paths,
		busy,
		targetY: target === null ? null : y(target),
		ticks,
		yTicks: y.ticks(3).map((value) => ({ y: y(value), value })),
		empty: values.length === 0
	};
}
