import { describe, expect, it } from 'vitest';
import { orderQueues, pageAt, pageCount } from './queue-rows';
import { queueRow } from './test-fixtures';

describe('orderQueues', () => {
	it('follows the board order and puts other queues after it by id', () => {
		const rows = ['z-unknown', 'b', 'a', 'c-unknown'].map((id) => queueRow(id));
		expect(orderQueues(rows, ['b', 'a']).map((q) => q.queueId)).toEqual(['b', 'a', 'c-unknown', 'z-unknown']);
	});
});

describe('pageAt', () => {
	const rows = Array.from({ length: 23 }, (_, i) => i);

	it('counts pages, with at least one', () => {
		expect(pageCount(0, 10)).toBe(1);
		expect(pageCount(23, 10)).toBe(3);
	});

	it('rotates through pages as the tick advances', () => {
		expect(pageAt(rows, 0, 10)).toMatchObject({ page: 0, pages: 3 });
		expect(pageAt(rows, 2, 10).rows).toEqual([20, 21, 22]);
		expect(pageAt(rows, 3, 10).page).toBe(0);
	});

	it('shows everything on one page when it fits', () => {
		expect(pageAt([1, 2], 7, 10)).toEqual({ page: 0, pages: 1, rows: [1, 2] });
	});
});
