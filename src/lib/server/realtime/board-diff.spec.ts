import { describe, expect, it } from 'vitest';
import type { QueueFigures } from '../../shared/metrics/figures';
import type { BoardData } from '../../shared/protocol/frames';
import { BoardDiff } from './board-diff';

const targets = { answerRate: 0.95, serviceLevel: 0.8, repeatRate: 0.22, csat: 0.85 };
const bands = { answerRate: { direction: 'higher', yellow: 0.95, red: 0.9 } };
// The diff looks at rows only as JSON, so a few fields stand for a whole row here.
const coloured = (queueId: string | null, overrides: Partial<QueueFigures> = {}, red = 0.9): QueueFigures =>
	({
		queueId,
		waiting: 3,
		answerRate: 0.96,
		...overrides,
		targets,
		bands: { answerRate: { ...bands.answerRate, red } }
	}) as unknown as QueueFigures;

function data(rows: QueueFigures[], centre = coloured(null)): BoardData {
	const board = {
		boardId: 'b',
		title: { 'zh-CN': 'b' },
		language: 'zh-CN',
		queueIds: [],
		timeZone: 'UTC'
	} as const;
	const agents = { staffed: 1 } as unknown as BoardData['agents'];
	return { board: { ...board, queueIds: [] }, queues: rows, centre, agents, rolling15: coloured(null) };
}

describe('BoardDiff', () => {
	it('sends nothing when nothing changed', () => {
		const diff = new BoardDiff();
		diff.next(data([coloured('a')]));
		expect(diff.next(data([coloured('a')]))).toBeNull();
	});

	it('leaves the colouring out of a row whose figures alone changed', () => {
		const diff = new BoardDiff();
		diff.next(data([coloured('a'), coloured('b')]));
		const patch = diff.next(
			data([coloured('a', { waiting: 9 }), coloured('b')], coloured(null, { waiting: 9 }))
		);
		expect(patch?.queues).toHaveLength(1);
		expect(patch?.queues?.[0]).toMatchObject({ queueId: 'a', waiting: 9 });
		expect(patch?.queues?.[0]).not.toHaveProperty('targets');
		expect(patch?.queues?.[0]).not.toHaveProperty('bands');
		expect(patch?.centre).not.toHaveProperty('bands');
		expect(patch?.rolling15).toBeUndefined();
	});

	it('sends the whole row, colouring included, when a threshold changed', () => {
		const diff = new BoardDiff();
		diff.next(data([coloured('a')]));
		const patch = diff.next(data([coloured('a', {}, 0.85)]));
		expect(patch?.queues?.[0]).toMatchObject({ queueId: 'a', bands: { answerRate: { red: 0.85 } } });
	});

	it('lists rows that left the board', () => {
		const diff = new BoardDiff();
		diff.next(data([coloured('a'), coloured('b')]));
		expect(diff.next(data([coloured('b')]))?.removedQueueIds).toEqual(['a']);
	});
});
