import { describe, expect, it } from 'vitest';
import { figureWidthEm, splitUnit } from './value-parts';

describe('splitUnit', () => {
	it('splits a trailing percent sign off a number', () => {
		expect(splitUnit('95.3 %')).toEqual({ number: '95.3', unit: ' %' });
		expect(splitUnit('100%')).toEqual({ number: '100', unit: '%' });
	});

	it('leaves anything else whole', () => {
		expect(splitUnit('12:05')).toEqual({ number: '12:05', unit: '' });
		expect(splitUnit('—')).toEqual({ number: '—', unit: '' });
		expect(splitUnit('1,234')).toEqual({ number: '1,234', unit: '' });
	});
});

describe('figureWidthEm', () => {
	it('grows with the figure, so longer figures are drawn smaller', () => {
		expect(figureWidthEm('18,730', false)).toBeGreaterThan(figureWidthEm('1,873', false));
		expect(figureWidthEm('1:02:05', false)).toBeGreaterThan(figureWidthEm('12:05', false));
	});

	it('counts the unit at its smaller scale and the icon as one em', () => {
		expect(figureWidthEm('95.3 %', true)).toBeCloseTo(3 * 0.58 + 0.28 + (0.26 + 0.86) * 0.55 + 1);
	});
});
