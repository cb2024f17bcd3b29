import { z } from 'zod';
import {
	ContactLimits,
	DEFAULT_SL_FORMULA,
	FigureThresholds,
	NotReadyLimitsMap,
	QueueTargets,
	SlFormula,
	THRESHOLD_FIGURES,
	ThresholdPair,
	type QueueTargets as Targets
} from '../../shared/centre/setup';
import { bandProblem } from '../../shared/metrics/cards/thresholds';

/**
 * The settings one can change at run time, per queue and centre-wide. The same shape is what GET returns,
 * what PUT takes, and what Redis stores, so a GET can be edited and PUT back as it is.
 */
const LimitPair = z
	.strictObject({ yellowSec: z.number().positive(), redSec: z.number().positive() })
	.refine((p) => p.redSec >= p.yellowSec, { message: 'redSec must be ≥ yellowSec', path: ['redSec'] });

const StrictLimits = z.strictObject({
	talk: LimitPair.default({ yellowSec: 600, redSec: 900 }),
	hold: LimitPair.default({ yellowSec: 60, redSec: 120 }),
	wrapUp: LimitPair.default({ yellowSec: 60, redSec: 120 })
});

const StrictTargets = z.strictObject(QueueTargets.shape);
const Fraction = z.number().min(0).max(1);

const StrictThresholds = z.partialRecord(z.enum(THRESHOLD_FIGURES), ThresholdPair);

/** Checks each figure's thresholds against the targets they are derived from (see thresholds.ts). */
function checkBands(
	value: { targets: Targets; thresholds: z.infer<typeof FigureThresholds> },
	ctx: z.RefinementCtx
): void {
	for (const figure of THRESHOLD_FIGURES) {
		const pair = value.thresholds[figure];
		if (!pair) continue;
		const problem = bandProblem(figure, value.targets, pair);
		if (problem) ctx.addIssue({ code: 'custom', path: ['thresholds', figure], message: problem });
	}
}

export const QueueSettings = z
	.strictObject({
		/** Y of "X % in Y s"; absent = the channel's default (20 s voice, 60 s chat, 4 h email). */
		slThresholdSec: z
			.number()
			.positive()
			.max(7 * 86_400)
			.optional(),
		slFormula: SlFormula.default(DEFAULT_SL_FORMULA),
		targets: StrictTargets.default(QueueTargets.parse({})),
		thresholds: StrictThresholds.default({}),
		limits: StrictLimits.default(ContactLimits.parse({})),
		/** Not-ready reason limits for this queue's agents, over the centre's; absent = the centre's. */
		notReadyLimitsSec: NotReadyLimitsMap.optional()
	})
	.superRefine(checkBands);
export type QueueSettings = z.infer<typeof QueueSettings>;

/**
 * A PATCH: any subset, merged into the current settings (objects field by field; a threshold set to
 * null is removed). The merge is then checked as a whole with QueueSettings.
 */
export const QueueSettingsPatch = z.strictObject({
	slThresholdSec: z
		.number()
		.positive()
		.max(7 * 86_400)
		.nullable()
		.optional(),
	slFormula: SlFormula.optional(),
	// Written out: `.partial()` of fields with defaults would fill the defaults in and overwrite the
	// current targets a PATCH did not mention.
	targets: z
		.strictObject({
			answerRate: Fraction.optional(),
			serviceLevel: Fraction.optional(),
			repeatRate: Fraction.optional(),
			csat: Fraction.optional()
		})
		.optional(),
	thresholds: z.partialRecord(z.enum(THRESHOLD_FIGURES), ThresholdPair.nullable()).optional(),
	limits: z
		.strictObject({
			talk: LimitPair.optional(),
			hold: LimitPair.optional(),
			wrapUp: LimitPair.optional()
		})
		.optional(),
	/** Replaces the queue's not-ready limits as a whole; null removes them (the centre's apply). */
	notReadyLimitsSec: NotReadyLimitsMap.nullable().optional()
});
export type QueueSettingsPatch = z.infer<typeof QueueSettingsPatch>;

export function mergePatch(current: QueueSettings, patch: QueueSettingsPatch): unknown {
	const thresholds: Record<string, unknown> = { ...current.thresholds };
	for (const [figure, pair] of Object.entries(patch.thresholds ?? {})) {
		if (pair === null) delete thresholds[figure];
		else thresholds[figure] = pair;
	}
	const slThresholdSec =
		patch.slThresholdSec === null ? undefined : (patch.slThresholdSec ?? current.slThresholdSec);
	const notReadyLimitsSec =
		patch.notReadyLimitsSec === null ? undefined : (patch.notReadyLimitsSec ?? current.notReadyLimitsSec);
	return {
		...(slThresholdSec !== undefined ? { slThresholdSec } : {}),
		...(notReadyLimitsSec !== undefined ? { notReadyLimitsSec } : {}),
		slFormula: patch.slFormula ?? current.slFormula,
		targets: { ...current.targets, ...patch.targets },
		thresholds,
		limits: { ...current.limits, ...patch.limits }
	};
}

export const NotReadyLimitsBody = z.strictObject({ notReadyLimitsSec: NotReadyLimitsMap });
export type NotReadyLimitsBody = z.infer<typeof NotReadyLimitsBody>;

export interface FieldIssue {
	field: string;
	message: string;
}

/** Zod issues as "field: message" pairs, the field a dotted path (`targets.answerRate`). */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
	return error.issues.map((issue) => {
		const path = issue.path.map(String).join('.');
		const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
		const field = keys.length ? [path, keys[0]].filter(Boolean).join('.') : path || '(body)';
		return { field, message: issue.message };
	});
}
