import type { QueueTargets, ThresholdFigure } from '$lib/shared/centre/setup';
import { bandStatus, type Band, type FigureStatus } from '$lib/shared/metrics/cards/thresholds';
import type { QueueFigures } from '$lib/shared/metrics/figures';

export const TARGET_STATUSES = ['ok', 'warn', 'bad', 'none'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

/** Amber covers the band this far below target (5 percentage points); further below is red. */
export const WARN_BAND = 0.05;

/** Absorbs binary-fraction noise, so 19 ÷ 20 computed as 0.9499999… still meets a 95 % target. */
const EPSILON = 1e-9;

/**
 * The set-up's default targets. Written out rather than parsed from the zod schema so the wallboard bundle
 * does not carry zod to every TV; a spec checks they equal `QueueTargets.parse({})`.
 */
export const DEFAULT_TARGETS: QueueTargets = {
	answerRate: 0.95,
	serviceLevel: 0.8,
	repeatRate: 0.22,
	csat: 0.85
};

/** Green at or above target, amber within `WARN_BAND` below it, red beyond; nothing to judge is neutral. */
export function targetStatus(
	value: number | null | undefined,
	target: number | null | undefined,
	band = WARN_BAND
): TargetStatus {
	if (value === null || value === undefined || !Number.isFinite(value)) return 'none';
	if (target === null || target === undefined || !Number.isFinite(target)) return 'none';
	if (value >= target - EPSILON) return 'ok';
	if (value >= target - band - EPSILON) return 'warn';
	return 'bad';
}

function isTargets(v: unknown): v is Partial<QueueTargets> {
	return typeof v === 'object' && v !== null;
}

const fraction = (v: unknown): number | undefined =>
	typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1 ? v : undefined;

/**
 * A row's targets: the `targets` field boards attach to every row (the queue's settings), or the shipped
 * defaults (answer rate 95 %, SL 80 %) for a row without it.
 */
export function targetsOf(row: QueueFigures): QueueTargets {
	if (!('targets' in row) || !isTargets(row.targets)) return DEFAULT_TARGETS;
	const t = row.targets;
	return {
		answerRate: fraction(t.answerRate) ?? DEFAULT_TARGETS.answerRate,
		serviceLevel: fraction(t.serviceLevel) ?? DEFAULT_TARGETS.serviceLevel,
		repeatRate: fraction(t.repeatRate) ?? DEFAULT_TARGETS.repeatRate,
		csat: fraction(t.csat) ?? DEFAULT_TARGETS.csat
	};
}

const STATUS_OF: Record<FigureStatus, TargetStatus> = {
	green: 'ok',
	yellow: 'warn',
	red: 'bad',
	none: 'none'
};

function isBand(v: unknown): v is Band {
	if (typeof v !== 'object' || v === null) return false;
	const b = v as Record<string, unknown>;
	return (
		(b.direction === 'higher' || b.direction === 'lower') &&
		typeof b.yellow === 'number' &&
		Number.isFinite(b.yellow) &&
		(b.red === null || (typeof b.red === 'number' && Number.isFinite(b.red)))
	);
}

/** The row's band for a figure as the server sent it, or undefined (an older server sends none). */
export function bandOf(row: QueueFigures, figure: ThresholdFigure): Band | undefined {
	if (!('bands' in row) || typeof row.bands !== 'object' || row.bands === null) return undefined;
	const band = (row.bands as Record<string, unknown>)[figure];
	return isBand(band) ? band : undefined;
}

/**
 * The colour of one figure of a row, by the bands the server attached (the queue's settings, changed at
 * run time through the settings API). A row without bands, from a server before them, is judged against
 * its targets the old way, so a TV on an old bundle or a new TV on an old server both still colour.
 */
export function figureStatus(row: QueueFigures, figure: ThresholdFigure, value: number | null): TargetStatus {
	const band = bandOf(row, figure);
	if (band) return STATUS_OF[bandStatus(value, band)];
	if ('bands' in row) return 'none';
	if (figure === 'answerRate') return targetStatus(value, targetsOf(row).answerRate);
	if (figure === 'serviceLevel') return targetStatus(value, targetsOf(row).serviceLevel);
	return 'none';
}
