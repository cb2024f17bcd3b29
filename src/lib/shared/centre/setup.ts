import { z } from 'zod';
import { Channel, Id } from '../contract/envelope';
import { AlertSetup } from './alert-setup';

/** A name shown in both UI languages; English falls back to Chinese when absent. */
export const LocalizedName = z.object({
	'zh-CN': z.string().min(1).max(64),
	en: z.string().min(1).max(64).optional()
});
export type LocalizedName = z.infer<typeof LocalizedName>;

export const SlFormula = z.enum(['abandons_negative', 'ignore_abandons', 'abandons_positive']);
export type SlFormula = z.infer<typeof SlFormula>;
export const SL_FORMULAS: readonly SlFormula[] = SlFormula.options;

/** Service-level threshold by channel when a queue does not set one (METRICS.md). */
export const DEFAULT_SL_THRESHOLD_SEC: Record<Channel, number> = { voice: 20, chat: 60, email: 4 * 3600 };
export const DEFAULT_SHORT_ABANDON_SEC = 5;
export const DEFAULT_SL_FORMULA: SlFormula = 'abandons_negative';

export const QueueTargets = z.object({
	answerRate: z.number().min(0).max(1).default(0.95),
	serviceLevel: z.number().min(0).max(1).default(0.8),
	repeatRate: z.number().min(0).max(1).default(0.22),
	csat: z.number().min(0).max(1).default(0.85)
});
export type QueueTargets = z.infer<typeof QueueTargets>;

/** Yellow and red limits in seconds; red ≥ yellow. */
const LimitPair = z
	.object({ yellowSec: z.number().positive(), redSec: z.number().positive() })
	.refine((p) => p.redSec >= p.yellowSec, { message: 'redSec must be ≥ yellowSec' });

export const ContactLimits = z.object({
	talk: LimitPair.default({ yellowSec: 600, redSec: 900 }),
	hold: LimitPair.default({ yellowSec: 60, redSec: 120 }),
	wrapUp: LimitPair.default({ yellowSec: 60, redSec: 120 })
});
export type ContactLimits = z.infer<typeof ContactLimits>;

/**
 * Figures a queue can colour green/yellow/red. Which way is better is fixed per figure (see
 * metrics/cards/thresholds.ts): answer rate, service level and CSAT are better higher, the rest lower.
 */
export const THRESHOLD_FIGURES = [
	'answerRate',
	'serviceLevel',
	'abandonRate',
	'asaSec',
	'attSec',
	'ahtSec',
	'acwShare',
	'waiting',
	'vipWaiting',
	'longestWaitSec',
	'longestVipWaitSec',
	'maxWaitSec',
	'repeatRate',
	'csat'
] as const;
export type ThresholdFigure = (typeof THRESHOLD_FIGURES)[number];

/**
 * Where amber and red start for one figure, in the figure's own unit (fractions for rates, seconds,
 * counts). Either may be left out: amber is then derived from the target or from red (the rule and its
 * ordering checks live in metrics/cards/thresholds.ts, shared with the wallboard).
 */
export const ThresholdPair = z
	.object({ yellow: z.number().min(0).optional(), red: z.number().min(0).optional() })
	.strict();
export type ThresholdPair = z.infer<typeof ThresholdPair>;

export const FigureThresholds = z.partialRecord(z.enum(THRESHOLD_FIGURES), ThresholdPair);
export type FigureThresholds = z.infer<typeof FigureThresholds>;

export const QueueSetup = z.object({
	queueId: Id,
	name: LocalizedName,
	channel: Channel,
	/** Line the queue belongs to, for grouping on boards and reports. */
	line: z.enum(['tier1', 'tier2', 'complaint', 'vip']).default('tier1'),
	slThresholdSec: z.number().positive().optional(),
	slFormula: SlFormula.default(DEFAULT_SL_FORMULA),
	shortAbandonSec: z.number().min(0).default(DEFAULT_SHORT_ABANDON_SEC),
	targets: QueueTargets.default(QueueTargets.parse({})),
	limits: ContactLimits.default(ContactLimits.parse({})),
	thresholds: FigureThresholds.default({}),
	/** Not-ready reason limits for agents of this queue; the strictest of an agent's queues applies. */
	notReadyLimitsSec: z.lazy(() => NotReadyLimitsMap).optional()
});
export type QueueSetup = z.infer<typeof QueueSetup>;

export const TeamSetup = z.object({
	teamId: Id,
	name: LocalizedName,
	queues: z.array(Id).default([])
});
export type TeamSetup = z.infer<typeof TeamSetup>;

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24 h)');

export const ShiftSetup = z.object({
	shiftId: Id,
	name: LocalizedName,
	/** Local centre time; a shift whose end is not after its start crosses midnight. */
	start: ClockTime,
	end: ClockTime
});
export type ShiftSetup = z.infer<typeof ShiftSetup>;

export const BoardSetup = z.object({
	boardId: z.string().regex(/^[a-z0-9-]{1,32}$/, 'board ids are lowercase letters, digits and dashes'),
	title: LocalizedName,
	/** Queues shown; empty means every queue. */
	queues: z.array(Id).default([]),
	language: z.enum(['zh-CN', 'en']).default('zh-CN'),
	/** Teams whose queues the board also covers. */
	teams: z.array(Id).optional(),
	/** Team that owns the board once it is stored and edited; the centre when absent. */
	ownerTeamId: Id.optional()
});
export type BoardSetup = z.infer<typeof BoardSetup>;

/** Not-ready reason limits in seconds (break 15 min, lunch 60 min by default). */
export const DEFAULT_NOT_READY_LIMITS_SEC: Readonly<Record<string, number>> = { break: 900, lunch: 3600 };
export const NotReadyLimitsMap = z.record(z.string().max(32), z.number().positive());
export type NotReadyLimitsSec = z.infer<typeof NotReadyLimitsMap>;
export const NotReadyLimits = NotReadyLimitsMap.default({ ...DEFAULT_NOT_READY_LIMITS_SEC });

export const CentreSetup = z
	.object({
		centreId: Id.default('centre'),
		name: LocalizedName,
		queues: z.array(QueueSetup).max(2000),
		teams: z.array(TeamSetup).max(5000).default([]),
		shifts: z.array(ShiftSetup).max(7, 'a day has at most 7 shifts').default([]),
		boards: z.array(BoardSetup).default([]),
		notReadyLimitsSec: NotReadyLimits,
		/** Hysteresis, busy-period detection and peak periods of the alerts (defaults from METRICS.md). */
		alerts: AlertSetup.prefault({})
	})
	.superRefine((setup, ctx) => {
		const seen = new Set<string>();
		setup.queues.forEach((q, i) => {
			if (seen.has(q.queueId))
				ctx.addIssue({
					code: 'custom',
					path: ['queues', i, 'queueId'],
					message: `duplicate queueId "${q.queueId}"`
				});
			seen.add(q.queueId);
		});
		setup.teams.forEach((t, i) =>
			t.queues.forEach((queueId, j) => {
				if (!seen.has(queueId))
					ctx.addIssue({
						code: 'custom',
						path: ['teams', i, 'queues', j],
						message: `team "${t.teamId}" names unknown queue "${queueId}"`
					});
			})
		);
	});
export type CentreSetup = z.infer<typeof CentreSetup>;

/** Effective per-queue settings, also for queues seen in events but absent from the set-up. */
export interface QueueConfig {
	queueId: string;
	name: LocalizedName;
	channel: Channel;
	line: QueueSetup['line'];
	slThresholdSec: number;
	slFormula: SlFormula;
	shortAbandonSec: number;
	targets: QueueTargets;
	limits: ContactLimits;
	/** Colour thresholds per figure as configured (amber not yet derived). */
	thresholds: FigureThresholds;
	/** Per-queue not-ready reason limits, over the centre's; absent = the centre's apply. */
	notReadyLimitsSec?: NotReadyLimitsSec;
	/** True when the queue came from events only, with default thresholds. */
	unconfigured: boolean;
}

export function queueConfigFromSetup(q: QueueSetup): QueueConfig {
	return {
		queueId: q.queueId,
		name: q.name,
		channel: q.channel,
		line: q.line,
		slThresholdSec: q.slThresholdSec ?? DEFAULT_SL_THRESHOLD_SEC[q.channel],
		slFormula: q.slFormula,
		shortAbandonSec: q.shortAbandonSec,
		targets: q.targets,
		limits: q.limits,
		thresholds: q.thresholds,
		...(q.notReadyLimitsSec ? { notReadyLimitsSec: q.notReadyLimitsSec } : {}),
		unconfigured: false
	};
}

/** A queue seen only in events: tracked under its id with the defaults, flagged, never dropped. */
export function unconfiguredQueue(queueId: string, channel: Channel): QueueConfig {
	return {
		queueId,
		name: { 'zh-CN': queueId, en: queueId },
		channel,
		line: 'tier1',
		slThresholdSec: DEFAULT_SL_THRESHOLD_SEC[channel],
		slFormula: DEFAULT_SL_FORMULA,
		shortAbandonSec: DEFAULT_SHORT_ABANDON_SEC,
		targets: QueueTargets.parse({}),
		limits: ContactLimits.parse({}),
		thresholds: {},
		unconfigured: true
	};
}
