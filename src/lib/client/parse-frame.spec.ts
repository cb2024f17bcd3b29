import { describe, expect, it } from 'vitest';
import { parseServerFrame } from './parse-frame';
import { boardData, freshness, queueRow } from './test-fixtures';

const json = (v: unknown) => JSON.stringify(v);

describe('parseServerFrame', () => {
	it('accepts each frame the server sends', () => {
		const f = freshness();
		const frames = [
			{ type: 'hello.v1', protocol: 1, buildId: 'abc', serverNowMs: 1 },
			{ type: 'snapshot.v1', view: 'board:default', seq: 1, freshness: f, data: boardData() },
			{ type: 'patch.v1', view: 'board:default', seq: 2, freshness: f, data: { queues: [queueRow('a')] } },
			{ type: 'heartbeat.v1', freshness: f },
			{ type: 'error.v1', code: 'unknown_view', message: 'no such board' }
		];
		for (const frame of frames) expect(parseServerFrame(json(frame))).toEqual({ ok: true, frame });
	});

	it('rejects text that is not JSON or has no type', () => {
		expect(parseServerFrame('{').ok).toBe(false);
		expect(parseServerFrame('[]').ok).toBe(false);
		expect(parseServerFrame(json({ seq: 1 })).ok).toBe(false);
	});

	it('rejects frame types it does not know, so newer servers can add frames', () => {
		expect(parseServerFrame(json({ type: 'snapshot.v2' }))).toEqual({
			ok: false,
			reason: 'unknown frame type snapshot.v2'
		});
	});

	it('rejects frames that would corrupt the sync state', () => {
		const f = freshness();
		const bad = [
			{ type: 'patch.v1', view: 'board:x', seq: 1.5, freshness: f, data: {} },
			{ type: 'patch.v1', view: 'board:x', seq: 1, freshness: { ...f, gapOpen: 'no' }, data: {} },
			{ type: 'patch.v1', view: 'board:x', seq: 1, freshness: f, data: { queues: [{ name: {} }] } },
			{ type: 'snapshot.v1', view: 'board:x', seq: 1, freshness: f, data: { queues: [] } },
			{ type: 'heartbeat.v1' }
		];
		for (const frame of bad) expect(parseServerFrame(json(frame)).ok).toBe(false);
	});
});
