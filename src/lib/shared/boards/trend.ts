/**
 * A board's recent history for its trend charts: one point per minute, the last two hours. Points are
 * tuples to keep frames small (120 points ≈ 3 KB): [minute start (epoch ms), answer rate over the last
 * 15 min (0..1 or null), peak waiting in the minute, contacts offered in the last 15 min].
 */
export type TrendPoint = [tMs: number, answerRate: number | null, waiting: number, offered: number];

export interface TrendSeries {
	stepMs: number;
	points: TrendPoint[];
}

export const TREND_STEP_MS = 60_000;
export const TREND_POINTS = 120;

export interface TrendSample {
	answerRate: number | null;
	waiting: number;
	offered: number;
}

/**
 * Folds a sample taken at `nowMs` into the series: within the minute of the last point it updates that
 * point (peak waiting, latest rates), else it starts a new point and drops those older than the window.
 * Returns a new array when anything changed, the same one when not, so callers can compare by identity.
 */
export function foldSample(
	points: readonly TrendPoint[],
	nowMs: number,
	sample: TrendSample,
	stepMs = TREND_STEP_MS,
	maxPoints = TREND_POINTS
): TrendPoint[] {
	const t = Math.floor(nowMs / stepMs) * stepMs;
	const last = points.at(-1);
	if (last && last[0] === t) {
		const next: TrendPoint = [t, sample.answerRate, Math.max(last[2], sample.waiting), sample.offered];
		if (next[1] === last[1] && next[2] === last[2] && next[3] === last[3]) return points as TrendPoint[];
		return [...points.slice(0, -1), next];
	}
	// A clock that went backwards (a restarted simulation) starts the series again rather than drawing back.
	if (last && last[0] > t) return [[t, sample.answerRate, sample.waiting, sample.offered]];
	const horizon = t - (maxPoints - 1) * stepMs;
	return [...points.filter((p) => p[0] >= horizon), [t, sample.answerRate, sample.waiting, sample.offered]];
}

/**
 * Busy periods to shade: runs of minutes whose 15-min offered count is at least `factor` times the
 * series' mean (and above zero). Returns [start, end) spans in epoch ms.
 */
export function busySpans(
	points: readonly TrendPoint[],
	stepMs = TREND_STEP_MS,
	factor = 1.25
): Array<[number, number]> {
	const offered = points.map((p) => p[3]);
	const mean = offered.reduce((a, b) => a + b, 0) / Math.max(1, offered.length);
	if (mean <= 0) return [];
	const spans: Array<[number, number]> = [];
	for (const p of points) {
		if (p[3] < mean * factor) continue;
		const last = spans.at(-1);
		if (last && last[1] === p[0]) last[1] = p[0] + stepMs;
		else spans.push([p[0], p[0] + stepMs]);
	}
	return spans;
}

/** Splits points where minutes are missing (server down), so a chart does not draw a line across the hole. */
export function segments<T extends TrendPoint>(points: readonly T[], stepMs = TREND_STEP_MS): T[][] {
	const out: T[][] = [];
	for (const p of points) {
		const current = out.at(-1);
		const prev = current?.at(-1);
		if (current && prev && p[0] - prev[0] <= stepMs * 1.5) current.push(p);
		else out.push([p]);
	}
	return out;
}
