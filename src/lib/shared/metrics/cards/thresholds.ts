import type { FigureThresholds, QueueTargets, ThresholdFigure, ThresholdPair } from '../../centre/setup';
import type { Locale } from '../../i18n/locale';
import { t } from '../../i18n/messages';

/**
 * Green / yellow / red for one figure. Type-only imports from the set-up: this runs on every TV, and the
 * set-up module carries zod, which the wallboard bundle must not.
 *
 * The rule, in full (docs/api.md "Targets and thresholds" repeats it for integrators):
 * 1. Amber starts at the `yellow` given; else at the queue's target for the figure (answer rate, service
 *    level, repeat rate, CSAT); else, when only `red` is given, it is derived from red: 5 percentage
 *    points on the good side of red for rates, 80 % of red for times and counts.
 * 2. Red starts at the `red` given; with nothing given but a target, 5 points on the bad side of the
 *    target (the shipped behaviour: answer rate 95 % → amber below 95 %, red below 90 %); else no red.
 * 3. Higher-is-better figures (answer rate, service level, CSAT) meet a threshold at it (value ≥ yellow
 *    is green, value < red is red); lower-is-better figures must stay below it (value < yellow is green,
 *    value ≥ red is red) — as METRICS.md writes the targets: answer rate ≥ 95 %, repeat rate < 22 %.
 * 4. A figure with no value (nothing to divide by), or with neither threshold nor target, is uncoloured.
 */
export type Direction = 'higher' | 'lower';
export type FigureStatus = 'green' | 'yellow' | 'red' | 'none';

export const FIGURE_DIRECTION: Readonly<Record<ThresholdFigure, Direction>> = {
	answerRate: 'higher',
	serviceLevel: 'higher',
	csat: 'higher',
	abandonRate: 'lower',
	asaSec: 'lower',
	attSec: 'lower',
	ahtSec: 'lower',
	acwShare: 'lower',
	waiting: 'lower',
	vipWaiting: 'lower',
	longestWaitSec: 'lower',
	longestVipWaitSec: 'lower',
	maxWaitSec: 'lower',
	repeatRate: 'lower'
};

/** Figures that are fractions 0..1 (thresholds above 1 are refused for them). */
export const RATE_FIGURES: ReadonlySet<ThresholdFigure> = new Set([
	'answerRate',
	'serviceLevel',
	'csat',
	'abandonRate',
	'acwShare',
	'repeatRate'
]);

/** The queue target that sets a figure's amber line when no `yellow` is given. */
export const TARGET_OF: Readonly<Partial<Record<ThresholdFigure, keyof QueueTargets>>> = {
	answerRate: 'answerRate',
	serviceLevel: 'serviceLevel',
	repeatRate: 'repeatRate',
	csat: 'csat'
};

/** Width of a derived amber band for rates: 5 percentage points. */
export const AMBER_BAND_POINTS = 0.05;
/** A derived amber line for times and counts: this share of the red line. */
export const AMBER_SHARE_OF_RED = 0.8;

/** Absorbs binary-fraction noise, so 19 ÷ 20 computed as 0.9499999… still meets a 95 % target. */
const EPSILON = 1e-9;

/** Where one figure turns amber and red, after derivation; what boards colour by. */
export interface Band {
	direction: Direction;
	yellow: number;
	red: number | null;
	/** Where the amber line came from, so a formula card can say why it is where it is. */
	yellowFrom: 'set' | 'target' | 'red';
	redFrom: 'set' | 'target' | 'none';
}

export type Bands = Partial<Record<ThresholdFigure, Band>>;

/** Derived rate lines are clamped to 0..1 and rounded to 1e-6, so 0.95 − 0.05 reads 0.9, not 0.8999…. */
const clampRate = (figure: ThresholdFigure, v: number) =>
	RATE_FIGURES.has(figure) ? Math.round(Math.min(1, Math.max(0, v)) * 1e6) / 1e6 : v;

/** The band of one figure from the queue's targets and its configured pair; null when nothing colours it. */
export function resolveBand(
	figure: ThresholdFigure,
	targets: Readonly<QueueTargets>,
	pair: Readonly<ThresholdPair> | undefined
): Band | null {
	const direction = FIGURE_DIRECTION[figure];
	const targetKey = TARGET_OF[figure];
	const target = targetKey ? targets[targetKey] : undefined;
	const towardBad = direction === 'higher' ? -1 : 1;
	const red = pair?.red ?? null;
	let yellow: number;
	let yellowFrom: Band['yellowFrom'];
	if (pair?.yellow !== undefined) [yellow, yellowFrom] = [pair.yellow, 'set'];
	else if (target !== undefined) [yellow, yellowFrom] = [target, 'target'];
	else if (red !== null) [yellow, yellowFrom] = [amberFromRed(figure, red, towardBad), 'red'];
	else return null;
	if (red !== null) return { direction, yellow, red, yellowFrom, redFrom: 'set' };
	if (pair?.yellow === undefined && target !== undefined) {
		const derived = clampRate(figure, target + towardBad * AMBER_BAND_POINTS);
		return { direction, yellow, red: derived, yellowFrom, redFrom: 'target' };
	}
	return { direction, yellow, red: null, yellowFrom, redFrom: 'none' };
}

function amberFromRed(figure: ThresholdFigure, red: number, towardBad: number): number {
	if (RATE_FIGURES.has(figure)) return clampRate(figure, red - towardBad * AMBER_BAND_POINTS);
	return red * AMBER_SHARE_OF_RED;
}

/** Every figure's band for one queue's settings. */
export function resolveBands(targets: Readonly<QueueTargets>, thresholds: Readonly<FigureThresholds>): Bands {
	const bands: Bands = {};
	for (const figure of Object.keys(FIGURE_DIRECTION) as ThresholdFigure[]) {
		const band = resolveBand(figure, targets, thresholds[figure]);
		if (band) bands[figure] = band;
	}
	return bands;
}

/** Status of a value in a band (rule 3 above). */
export function bandStatus(value: number | null | undefined, band: Band | null | undefined): FigureStatus {
	if (value === null || value === undefined || !Number.isFinite(value) || !band) return 'none';
	if (band.direction === 'higher') {
		if (value >= band.yellow - EPSILON) return 'green';
		return band.red !== null && value < band.red - EPSILON ? 'red' : 'yellow';
	}
	if (value < band.yellow - EPSILON) return 'green';
	return band.red !== null && value >= band.red - EPSILON ? 'red' : 'yellow';
}

/**
 * Why a configured pair cannot work, or null: a rate above 1, or amber and red in the wrong order once
 * derived (e.g. a red answer rate of 97 % above the 95 % target that sets amber).
 */
export function bandProblem(
	figure: ThresholdFigure,
	targets: Readonly<QueueTargets>,
	pair: Readonly<ThresholdPair>,
	locale: Locale = 'en'
): string | null {
	if (pair.yellow === undefined && pair.red === undefined) return t(locale, 'thresholdIssueGiveOne');
	if (RATE_FIGURES.has(figure) && ((pair.yellow ?? 0) > 1 || (pair.red ?? 0) > 1))
		return t(locale, 'thresholdIssueFraction', { figure });
	const band = resolveBand(figure, targets, pair);
	if (!band || band.red === null) return null;
	const params = { figure, red: band.red, yellow: band.yellow };
	const fromTarget = band.yellowFrom === 'target';
	if (band.direction === 'higher' && band.red > band.yellow)
		return t(locale, fromTarget ? 'thresholdIssueRedAboveTarget' : 'thresholdIssueRedAbove', params);
	if (band.direction === 'lower' && band.red < band.yellow)
		return t(locale, fromTarget ? 'thresholdIssueRedBelowTarget' : 'thresholdIssueRedBelow', params);
	return null;
}

/**
 * What a board row carries so the wallboard colours it as the server judges it: the queue's targets
 * (for the "target ≥ 95 %" lines) and its resolved bands (for the colours).
 */
export interface RowColouring {
	targets: QueueTargets;
	bands: Bands;
}
