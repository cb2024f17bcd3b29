import { describe, expect, it } from 'vitest';
import { QueueTargets } from '../../centre/setup';
import { bandProblem, bandStatus, resolveBand, resolveBands } from './thresholds';

const DEFAULTS = QueueTargets.parse({});

describe('resolveBand', () => {
	it('ships the METRICS.md targets as amber lines with red 5 points beyond', () => {
		expect(resolveBand('answerRate', DEFAULTS, undefined)).toMatchObject({ yellow: 0.95, red: 0.9 });
		expect(resolveBand('serviceLevel', DEFAULTS, undefined)).toMatchObject({ yellow: 0.8, red: 0.75 });
		expect(resolveBand('csat', DEFAULTS, undefined)).toMatchObject({ yellow: 0.85, red: 0.8 });
		const repeat = resolveBand('repeatRate', DEFAULTS, undefined)!;
		expect(repeat).toMatchObject({ direction: 'lower', yellow: 0.22 });
		expect(repeat.red).toBeCloseTo(0.27, 12);
	});

	it('leaves figures without a target or thresholds uncoloured', () => {
		expect(resolveBand('asaSec', DEFAULTS, undefined)).toBeNull();
		expect(Object.keys(resolveBands(DEFAULTS, {})).sort()).toEqual([
			'answerRate',
			'csat',
			'repeatRate',
			'serviceLevel'
		]);
	});

	it('starts amber at the target when only red is given for a figure with a target', () => {
		expect(resolveBand('answerRate', DEFAULTS, { red: 0.85 })).toMatchObject({
			yellow: 0.95,
			red: 0.85,
			yellowFrom: 'target',
			redFrom: 'set'
		});
	});

	it('derives amber at 80 % of red for times and counts given only red', () => {
		expect(resolveBand('longestWaitSec', DEFAULTS, { red: 120 })).toMatchObject({
			direction: 'lower',
			yellow: 96,
			red: 120,
			yellowFrom: 'red'
		});
		expect(resolveBand('waiting', DEFAULTS, { red: 10 })).toMatchObject({ yellow: 8 });
	});

	it('derives amber 5 points on the good side of red for rates without a target', () => {
		expect(resolveBand('abandonRate', DEFAULTS, { red: 0.08 })!.yellow).toBeCloseTo(0.03, 12);
	});

	it('uses both lines as given', () => {
		expect(resolveBand('ahtSec', DEFAULTS, { yellow: 300, red: 420 })).toMatchObject({
			yellow: 300,
			red: 420,
			yellowFrom: 'set'
		});
	});

	it('has no red band when only yellow is given', () => {
		expect(resolveBand('asaSec', DEFAULTS, { yellow: 30 })).toMatchObject({ yellow: 30, red: null });
	});
});

describe('bandStatus', () => {
	const answer = resolveBand('answerRate', DEFAULTS, undefined);
	const wait = resolveBand('longestWaitSec', DEFAULTS, { red: 120 });
	const repeat = resolveBand('repeatRate', DEFAULTS, { red: 0.3 });

	it.each([
		[0.96, 'green'],
		[0.95, 'green'],
		[19 / 20, 'green'],
		[0.9499, 'yellow'],
		[0.9, 'yellow'],
		[0.8999, 'red']
	] as const)('meets a higher-is-better line at it: answer rate %s is %s', (value, status) => {
		expect(bandStatus(value, answer)).toBe(status);
	});

	it.each([
		[95, 'green'],
		[96, 'yellow'],
		[119, 'yellow'],
		[120, 'red'],
		[600, 'red']
	] as const)('must stay below a lower-is-better line: longest wait %s s is %s', (value, status) => {
		expect(bandStatus(value, wait)).toBe(status);
	});

	it('reads the repeat-rate target as "< 22 %": 22 % itself is amber', () => {
		expect(bandStatus(0.2199, repeat)).toBe('green');
		expect(bandStatus(0.22, repeat)).toBe('yellow');
		expect(bandStatus(0.3, repeat)).toBe('red');
	});

	it('is neutral with nothing to judge', () => {
		expect(bandStatus(null, answer)).toBe('none');
		expect(bandStatus(Number.NaN, answer)).toBe('none');
		expect(bandStatus(0.5, null)).toBe('none');
	});
});

describe('bandProblem', () => {
	it('refuses a red line on the good side of the amber line', () => {
		expect(bandProblem('answerRate', DEFAULTS, { red: 0.97 })).toMatch(/must not be above .*target, 0.95/);
		expect(bandProblem('longestWaitSec', DEFAULTS, { yellow: 120, red: 60 })).toMatch(/must not be below/);
	});

	it('refuses rates above 1 and empty pairs', () => {
		expect(bandProblem('csat', DEFAULTS, { red: 80 })).toMatch(/fraction/);
		expect(bandProblem('asaSec', DEFAULTS, {})).toMatch(/give yellow, red or both/);
	});

	it('accepts sensible pairs', () => {
		expect(bandProblem('answerRate', DEFAULTS, { red: 0.9 })).toBeNull();
		expect(bandProblem('asaSec', DEFAULTS, { yellow: 20, red: 40 })).toBeNull();
	});
});
