import { describe, expect, it } from 'vitest';
import { visibleRange } from './virtual-range';

describe('visibleRange', () => {
	it('renders the rows in view plus the overscan, not the whole list', () => {
		expect(visibleRange(0, 400, 40, 500, 5)).toEqual({ start: 0, end: 16 });
		expect(visibleRange(4_000, 400, 40, 500, 5)).toEqual({ start: 95, end: 116 });
	});

	it('stops at the end of the list and copes with an empty one', () => {
		expect(visibleRange(19_800, 400, 40, 500, 5)).toEqual({ start: 490, end: 500 });
		expect(visibleRange(0, 400, 40, 0)).toEqual({ start: 0, end: 0 });
	});
});
