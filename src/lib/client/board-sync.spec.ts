import { describe, expect, it } from 'vitest';
import { applyPatch, forgetSeq, initialSync, markReconnecting, reduceFrame } from './board-sync';
import { agentCounts, boardData, queueRow } from './test-fixtures';

describe('applyPatch', () => {
	it('replaces changed rows by queueId and keeps the others as they were', () => {
		const data = boardData(['a', 'b', 'c']);
		const next = applyPatch(data, { queues: [queueRow('b', { waiting: 9 })] });
		expect(next.queues.map((q) => [q.queueId, q.waiting])).toEqual([
			['a', 3],
			['b', 9],
			['c', 3]
		]);
		expect(next.queues[0]).toBe(data.queues[0]);
	});

	it('adds rows it has not seen and drops removed ones', () => {
		const data = boardData(['a', 'b']);
		const next = applyPatch(data, {
			queues: [queueRow('z', { unconfigured: true })],
			removedQueueIds: ['a']
		});
		expect(next.queues.map((q) => q.queueId)).toEqual(['b', 'z']);
	});

	it('lets a removal win over a row in the same patch', () => {
		const next = applyPatch(boardData(['a']), { queues: [queueRow('x')], removedQueueIds: ['x'] });
		expect(next.queues.map((q) => q.queueId)).toEqual(['a']);
	});

	it('replaces the centre row, agent counts and board info when present', () => {
		const data = boardData();
		const next = applyPatch(data, {
			centre: queueRow(null, { waiting: 77 }),
			agents: agentCounts({ available: 1 })
		});
		expect(next.centre.waiting).toBe(77);
		expect(next.agents.available).toBe(1);
		expect(next.board).toBe(data.board);
		expect(next.queues).toBe(data.queues);
	});
});

describe('reduceFrame', () => {
	const snapshot = (seq: number, waiting = 3) => ({
		type: 'snapshot.v1' as const,
		seq,
		data: boardData(['a'], { centre: queueRow(null, { waiting }) })
	});
	const patch = (seq: number, waiting: number) => ({
		type: 'patch.v1' as const,
		seq,
		data: { centre: queueRow(null, { waiting }) }
	});

	it('takes a snapshot whatever its seq, since the server may have restarted its numbering', () => {
		let s = reduceFrame(initialSync(boardData()), snapshot(50)).state;
		s = reduceFrame(s, snapshot(1, 8)).state;
		expect(s.lastSeq).toBe(1);
		expect(s.data.centre.waiting).toBe(8);
	});

	it('applies the next patch in sequence', () => {
		const s0 = reduceFrame(initialSync(boardData()), snapshot(10)).state;
		const step = reduceFrame(s0, patch(11, 5));
		expect(step).toMatchObject({ applied: true, resubscribe: false });
		expect(step.state.lastSeq).toBe(11);
		expect(step.state.data.centre.waiting).toBe(5);
	});

	it('drops a repeated or old patch', () => {
		const s0 = reduceFrame(initialSync(boardData()), snapshot(10)).state;
		const step = reduceFrame(s0, patch(10, 5));
		expect(step).toMatchObject({ applied: false, resubscribe: false });
		expect(step.state).toBe(s0);
	});

	it('treats a seq jump as lost patches: holds the data and asks once for a snapshot', () => {
		const s0 = reduceFrame(initialSync(boardData()), snapshot(10)).state;
		const gap = reduceFrame(s0, patch(12, 5));
		expect(gap).toMatchObject({ applied: false, resubscribe: true });
		expect(gap.state.pending).toBe('snapshot');
		expect(gap.state.data.centre.waiting).toBe(3);
		const later = reduceFrame(gap.state, patch(13, 6));
		expect(later).toMatchObject({ applied: false, resubscribe: false });
		const recovered = reduceFrame(later.state, snapshot(14, 7));
		expect(recovered.state).toMatchObject({ lastSeq: 14, pending: 'none' });
	});

	it('asks for a snapshot when a patch arrives before any snapshot', () => {
		const step = reduceFrame(initialSync(boardData()), patch(3, 5));
		expect(step).toMatchObject({ applied: false, resubscribe: true });
	});

	it('after a reconnect, accepts the contiguous patch of a resumed stream', () => {
		const s0 = markReconnecting(reduceFrame(initialSync(boardData()), snapshot(10)).state);
		expect(s0.pending).toBe('resume');
		const step = reduceFrame(s0, patch(11, 5));
		expect(step.applied).toBe(true);
		expect(step.state.pending).toBe('none');
	});

	it('after a reconnect, takes a heartbeat as "nothing was missed" when the server sent no patch', () => {
		const s0 = markReconnecting(reduceFrame(initialSync(boardData()), snapshot(10)).state);
		expect(reduceFrame(s0, { type: 'heartbeat.v1' }).state.pending).toBe('none');
	});

	it('after a reconnect, asks for a snapshot when the resumed stream has a hole', () => {
		const s0 = markReconnecting(reduceFrame(initialSync(boardData()), snapshot(10)).state);
		const step = reduceFrame(s0, patch(40, 5));
		expect(step).toMatchObject({ applied: false, resubscribe: true });
		expect(step.state.pending).toBe('snapshot');
	});

	it('does not let a heartbeat stand in for a snapshot it is waiting for', () => {
		const s0 = forgetSeq(reduceFrame(initialSync(boardData()), snapshot(10)).state);
		expect(reduceFrame(s0, { type: 'heartbeat.v1' }).state.pending).toBe('snapshot');
		expect(markReconnecting(initialSync(boardData())).pending).toBe('snapshot');
	});
});
