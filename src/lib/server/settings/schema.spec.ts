import { describe, expect, it } from 'vitest';
import { fieldIssues, mergePatch, NotReadyLimitsBody, QueueSettings, QueueSettingsPatch } from './schema';

const issuesOf = (result: { success: boolean; error?: import('zod').ZodError }) =>
	result.error ? fieldIssues(result.error) : [];

describe('QueueSettings', () => {
	it('fills the METRICS.md defaults into an empty body', () => {
		expect(QueueSettings.parse({})).toEqual({
			slFormula: 'abandons_negative',
			targets: { answerRate: 0.95, serviceLevel: 0.8, repeatRate: 0.22, csat: 0.85 },
			thresholds: {},
			limits: {
				talk: { yellowSec: 600, redSec: 900 },
				hold: { yellowSec: 60, redSec: 120 },
				wrapUp: { yellowSec: 60, redSec: 120 }
			}
		});
	});

	it('names the field of every problem', () => {
		const result = QueueSettings.safeParse({
			targets: { answerRate: 95 },
			limits: { talk: { yellowSec: 900, redSec: 600 } },
			thresholds: { answerRate: { red: 0.97 }, nps: { red: 1 } },
			colour: 'red'
		});
		const fields = issuesOf(result).map((i) => i.field);
		expect(fields).toEqual(
			expect.arrayContaining(['targets.answerRate', 'limits.talk.redSec', 'thresholds.nps', 'colour'])
		);
	});

	it('checks thresholds against the targets that set their amber line', () => {
		const result = QueueSettings.safeParse({
			targets: { answerRate: 0.9 },
			thresholds: { answerRate: { red: 0.92 } }
		});
		expect(issuesOf(result)).toEqual([
			{ field: 'thresholds.answerRate', message: expect.stringMatching(/must not be above/) }
		]);
	});
});

describe('a PATCH', () => {
	const current = QueueSettings.parse({ targets: { csat: 0.9 }, thresholds: { asaSec: { red: 30 } } });

	it('changes only what it names and removes a threshold set to null', () => {
		const patch = QueueSettingsPatch.parse({ targets: { answerRate: 0.97 }, thresholds: { asaSec: null } });
		const merged = QueueSettings.parse(mergePatch(current, patch));
		expect(merged.targets).toEqual({ answerRate: 0.97, serviceLevel: 0.8, repeatRate: 0.22, csat: 0.9 });
		expect(merged.thresholds).toEqual({});
	});

	it('sets, keeps and removes per-queue not-ready limits', () => {
		const withLimits = QueueSettings.parse(
			mergePatch(current, QueueSettingsPatch.parse({ notReadyLimitsSec: { break: 300 } }))
		);
		expect(withLimits.notReadyLimitsSec).toEqual({ break: 300 });
		const kept = QueueSettings.parse(
			mergePatch(withLimits, QueueSettingsPatch.parse({ slFormula: 'ignore_abandons' }))
		);
		expect(kept.notReadyLimitsSec).toEqual({ break: 300 });
		const removed = QueueSettings.parse(
			mergePatch(kept, QueueSettingsPatch.parse({ notReadyLimitsSec: null }))
		);
		expect(removed.notReadyLimitsSec).toBeUndefined();
		expect(issuesOf(QueueSettingsPatch.safeParse({ notReadyLimitsSec: { break: 0 } }))[0]!.field).toBe(
			'notReadyLimitsSec.break'
		);
	});

	it('refuses unknown fields by name', () => {
		expect(issuesOf(QueueSettingsPatch.safeParse({ targets: { answer: 0.9 } }))[0]!.field).toBe(
			'targets.answer'
		);
	});
});

describe('NotReadyLimitsBody', () => {
	it('takes seconds per reason and refuses non-positive limits by reason', () => {
		expect(NotReadyLimitsBody.parse({ notReadyLimitsSec: { break: 900 } })).toEqual({
			notReadyLimitsSec: { break: 900 }
		});
		expect(issuesOf(NotReadyLimitsBody.safeParse({ notReadyLimitsSec: { lunch: 0 } }))[0]!.field).toBe(
			'notReadyLimitsSec.lunch'
		);
	});
});
