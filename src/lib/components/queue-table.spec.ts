import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { createFloor, queueFigures } from '../server/live/floor';
import { testCentreSetup } from '../server/live/test-events';
import QueueTable from './QueueTable.svelte';

const rows = queueFigures(
	createFloor(testCentreSetup(), { timeZone: 'Asia/Shanghai' }),
	'day',
	0
).queues.slice(0, 1);

describe('QueueTable', () => {
	it('makes each figure cell of a row open that queue’s formula card on desk screens', () => {
		const { body } = render(QueueTable, { props: { rows, locale: 'en', nowMs: 0, onopen: () => undefined } });
		const cards = [...body.matchAll(/role="button"[^>]*data-card="([a-z-]+)"/g)].map((m) => m[1]);
		expect(cards).toEqual([
			'waiting',
			'longest-wait',
			'answer-rate',
			'service-level',
			'offered',
			'abandoned',
			'asa',
			'aht'
		]);
		expect(body).toContain('title="Show how Answer rate is calculated"');
	});

	it('leaves the cells plain on a TV, where nothing opens', () => {
		const { body } = render(QueueTable, { props: { rows, locale: 'en', nowMs: 0 } });
		expect(body).not.toContain('data-card');
		expect(body).not.toContain('role="button"');
	});
});
