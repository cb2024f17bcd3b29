import { describe, expect, it } from 'vitest';
import { QueueTargets } from '$lib/shared/centre/setup';
import { DEFAULT_TARGETS, figureStatus, targetsOf, targetStatus } from './target-status';
import { queueRow } from './test-fixtures';

describe('targetStatus', () => {
	it.each([
		[0.96, 0.95, 'ok'],
		[0.95, 0.95, 'ok'],
		[19 / 20, 0.95, 'ok'],
		[0.9499, 0.95, 'warn'],
		[0.9, 0.95, 'warn'],
		[0.8999, 0.95, 'bad'],
		[0.5, 0.8, 'bad'],
		[0.76, 0.8, 'warn']
	] as const)('rates %s against %s as %s', (value, target, status) => {
		expect(targetStatus(value, target)).toBe(status);
	});

	it('is neutral when there is nothing to judge', () => {
		expect(targetStatus(null, 0.95)).toBe('none');
		expect(targetStatus(0.9, null)).toBe('none');
		expect(targetStatus(Number.NaN, 0.95)).toBe('none');
	});
});

describe('targetsOf', () => {
	it('keeps its defaults equal to the set-up schema defaults', () => {
		expect(DEFAULT_TARGETS).toEqual(QueueTargets.parse({}));
	});

	it('falls back to the shipped defaults (95 % answer rate, 80 % SL)', () => {
		expect(DEFAULT_TARGETS).toMatchObject({ answerRate: 0.95, serviceLevel: 0.8 });
		expect(targetsOf(queueRow('a'))).toEqual(DEFAULT_TARGETS);
	});

	it('uses per-queue targets when the row carries them', () => {
		const row = Object.assign(queueRow('vip'), { targets: { answerRate: 0.98, serviceLevel: 0.9 } });
		expect(targetsOf(row)).toMatchObject({ answerRate: 0.98, serviceLevel: 0.9 });
	});

	it('ignores nonsense targets', () => {
		const row = Object.assign(queueRow('x'), { targets: { answerRate: 95 } });
		expect(targetsOf(row).answerRate).toBe(0.95);
	});
});

describe('figureStatus', () => {
	const band = { direction: 'lower', yellow: 96, red: 120, yellowFrom: 'red', redFrom: 'set' } as const;

	it('colours by the bands the server attached to the row', () => {
		const row = Object.assign(queueRow('a'), { bands: { longestWaitSec: band } });
		expect(figureStatus(row, 'longestWaitSec', 100)).toBe('warn');
		expect(figureStatus(row, 'longestWaitSec', 120)).toBe('bad');
		expect(figureStatus(row, 'answerRate', 0.5)).toBe('none');
	});

	it('falls back to the targets for a row from a server that sends no bands', () => {
		expect(figureStatus(queueRow('a'), 'answerRate', 0.92)).toBe('warn');
		expect(figureStatus(queueRow('a'), 'asaSec', 500)).toBe('none');
	});
});
