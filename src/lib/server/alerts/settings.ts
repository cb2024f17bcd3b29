import { AlertSetup } from '../../shared/centre/alert-setup';
import type { NotReadyLimitsSec } from '../../shared/centre/setup';
import type { AlertKind } from '../../shared/protocol/alert-frames';

/** Raise once the condition has held this long; clear once it has been false this long. */
export interface Hysteresis {
	raiseAfterSec: number;
	clearAfterSec: number;
}

/** A local-time span of the day ('HH:MM', end after start; the centre's zone) treated as busy. */
export interface PeakPeriod {
	start: string;
	end: string;
}

export interface AnswerRateSettings {
	window: 'rolling15' | 'rolling30' | 'interval15' | 'interval30';
	/** Outcomes the window needs before a rate means anything. */
	minOffered: number;
	/** Red when the rate is more than this many points below target. */
	redBelowTargetPoints: number;
	/** A fall of at least this many points against the previous window alerts even above target. */
	fallPoints: number;
	/** Busy when the window's offered ≥ this × the day's mean per window so far. */
	busyFactor: number;
	peakPeriods: PeakPeriod[];
}

export interface StuckSettings {
	/** Red once a not-ready reason has lasted this multiple of its limit. */
	notReadyRedFactor: number;
	ringingYellowSec: number;
	ringingRedSec: number;
	/** Repeated RONA: this many ring-outs of one agent within `ronaWithinSec` (red at twice as many). */
	ronaCount: number;
	ronaWithinSec: number;
	/** Staffed and never ready since login for this long (red at twice). */
	neverReadySec: number;
}

export interface ServiceLevelRiskSettings {
	/** Red when the predicted service level is more than this many points below target. */
	redBelowTargetPoints: number;
	/** Arrivals per hour below which a prediction is noise and no alert is raised. */
	minArrivalsPerHour: number;
}

export interface AlertSettings {
	hysteresis: Record<AlertKind, Hysteresis>;
	answerRate: AnswerRateSettings;
	stuck: StuckSettings;
	serviceLevelRisk: ServiceLevelRiskSettings;
	/** Centre-wide not-ready limits as last changed through the settings API; null = the set-up's. */
	notReadyLimitsSec: NotReadyLimitsSec | null;
	/**
	 * Queue conditions are re-read this often: their counts live in 10 s buckets, so reading them every
	 * second would only repeat the same sums (and the staffing model's searches) nine times in ten.
	 */
	queueEveryMs: number;
	/** An active alert's numbers are re-sent at most this often unless its severity changes. */
	refreshEveryMs: number;
	/** Cleared alerts kept for `GET /api/v1/alerts?state=cleared`, newest first out last. */
	clearedKept: number;
}

/**
 * Defaults from METRICS.md where it gives them (minOffered 20, 5 points, 1.2 ×, break 15 min and lunch
 * 60 min via the set-up, ringing 20 s, staffed never ready 10 min); the hysteresis keeps every alert
 * within a minute of its condition while a single lucky second cannot clear one.
 */
const SETUP_DEFAULTS = AlertSetup.parse({});

export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
	hysteresis: SETUP_DEFAULTS.hysteresis,
	answerRate: {
		window: 'rolling15',
		minOffered: 20,
		redBelowTargetPoints: 5,
		fallPoints: 5,
		busyFactor: 1.2,
		peakPeriods: []
	},
	stuck: {
		notReadyRedFactor: 1.5,
		ringingYellowSec: 20,
		ringingRedSec: 40,
		ronaCount: 2,
		ronaWithinSec: 1800,
		neverReadySec: 600
	},
	serviceLevelRisk: { redBelowTargetPoints: 10, minArrivalsPerHour: 20 },
	notReadyLimitsSec: null,
	queueEveryMs: 10_000,
	refreshEveryMs: 15_000,
	clearedKept: 1000
};

export type AlertSettingsInput = {
	[K in keyof AlertSettings]?: AlertSettings[K] extends unknown[]
		? AlertSettings[K]
		: AlertSettings[K] extends object
			? Partial<AlertSettings[K]>
			: AlertSettings[K];
};

/** Defaults with the given parts replaced, one level deep. */
export function alertSettings(input: AlertSettingsInput = {}): AlertSettings {
	const d = DEFAULT_ALERT_SETTINGS;
	return {
		hysteresis: { ...d.hysteresis, ...input.hysteresis },
		answerRate: { ...d.answerRate, ...input.answerRate },
		stuck: { ...d.stuck, ...input.stuck },
		serviceLevelRisk: { ...d.serviceLevelRisk, ...input.serviceLevelRisk },
		notReadyLimitsSec: input.notReadyLimitsSec ?? d.notReadyLimitsSec,
		queueEveryMs: input.queueEveryMs ?? d.queueEveryMs,
		refreshEveryMs: input.refreshEveryMs ?? d.refreshEveryMs,
		clearedKept: input.clearedKept ?? d.clearedKept
	};
}

/** The configurable part (set-up file or settings API) as settings input; the rest keeps its defaults. */
export function alertSettingsFromSetup(
	setup: AlertSetup,
	notReadyLimitsSec?: NotReadyLimitsSec
): AlertSettingsInput {
	return {
		hysteresis: setup.hysteresis,
		answerRate: {
			window: setup.rollingWindowMinutes === 30 ? 'rolling30' : 'rolling15',
			minOffered: setup.minOffered,
			busyFactor: setup.busyFactor,
			peakPeriods: setup.peakPeriods
		},
		...(notReadyLimitsSec ? { notReadyLimitsSec } : {})
	};
}
