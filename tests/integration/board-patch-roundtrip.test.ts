import { describe, expect, it } from 'vitest';
import { applyPatch } from '../../src/lib/client/board-sync';
import { agentCounts, boardData, queueRow } from '../../src/lib/client/test-fixtures';
import { BoardDiff } from '../../src/lib/server/realtime/board-diff';
import type { QueueFigures } from '../../src/lib/shared/metrics/figures';
import type { BoardData } from '../../src/lib/shared/protocol/frames';

// The server's diff and the client's patch applier together: whatever the server leaves out of a
// patch, the client's rows end up equal to the server's.
const targets = { answerRate: 0.95, serviceLevel: 0.8, repeatRate: 0.22, csat: 0.85 };
const coloured = (queueId: string | null, overrides: Partial<QueueFigures> = {}, red = 0.9): QueueFigures =>
	Object.assign(queueRow(queueId, overrides), {
		targets,
		bands: { answerRate: { direction: 'higher', yellow: 0.95, red } }
	});

function data(rows: QueueFigures[], centre = coloured(null)): BoardData {
	return { ...boardData([]), queues: rows, centre, agents: agentCounts(), rolling15: coloured(null) };
}

describe('board patches, server diff to client rows', () => {
	it('every row ends with the colouring the server last had', () => {
		const diff = new BoardDiff();
		const first = data([coloured('a'), coloured('b')]);
		diff.next(first);
		let held = first;
		const steps = [
			data([coloured('a', { waiting: 5 }), coloured('b')]),
			data([coloured('a', { waiting: 5 }, 0.8), coloured('b', { waiting: 1 })]),
			data(
				[coloured('a', { waiting: 6 }, 0.8), coloured('b', { waiting: 2 })],
				coloured(null, { waiting: 8 })
			)
		];
		for (const step of steps) {
			const patch = diff.next(step);
			if (patch) held = applyPatch(held, patch);
			expect(held.queues).toEqual(step.queues);
			expect(held.centre).toEqual(step.centre);
			expect(held.rolling15).toEqual(step.rolling15);
		}
	});
});
