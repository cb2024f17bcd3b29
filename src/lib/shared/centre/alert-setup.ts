import { z } from 'zod';

/**
 * The alert settings a centre configures (METRICS.md "Alerts"): in the set-up file, and changeable at
 * run time through `PUT /api/v1/settings/alerts` with the same shape. Every field has its default, so
 * `{}` is a valid set-up.
 */
const Seconds = z.number().min(0).max(3600);

/** Raise once the condition has held raiseAfterSec; clear once it has been false clearAfterSec. */
const hysteresis = (raiseAfterSec: number, clearAfterSec: number) =>
	z
		.strictObject({
			raiseAfterSec: Seconds.default(raiseAfterSec),
			clearAfterSec: Seconds.default(clearAfterSec)
		})
		.prefault({});

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24 h)');

/** A local-time span of the day treated as busy; an end before the start crosses midnight. */
export const PeakPeriod = z
	.strictObject({ start: ClockTime, end: ClockTime })
	.refine((p) => p.start !== p.end, { message: 'end must differ from start', path: ['end'] });
export type PeakPeriod = z.infer<typeof PeakPeriod>;

export const AlertSetup = z.strictObject({
	/** Quick for contacts and states (seconds matter), slower for queue figures (they move in 10 s steps). */
	hysteresis: z
		.strictObject({
			answer_rate_drop: hysteresis(30, 120),
			long_contact: hysteresis(5, 10),
			stuck_state: hysteresis(5, 10),
			service_level_risk: hysteresis(60, 120)
		})
		.prefault({}),
	/** Busy when the window's offered ≥ busyFactor × the day's mean per window so far. */
	busyFactor: z.number().min(1).max(10).default(1.2),
	/** Outcomes the answer-rate window needs before its rate means anything. */
	minOffered: z.number().int().min(1).max(1_000_000).default(20),
	/** The rolling window of the answer-rate drop; compared with the window before it, so at most 30. */
	rollingWindowMinutes: z.union([z.literal(15), z.literal(30)], { error: 'must be 15 or 30' }).default(15),
	peakPeriods: z.array(PeakPeriod).max(24, 'at most 24 peak periods').default([])
});
export type AlertSetup = z.infer<typeof AlertSetup>;
