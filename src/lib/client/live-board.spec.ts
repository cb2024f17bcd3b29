import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BoardPatch, Freshness } from '$lib/shared/protocol/frames';
import { LiveBoard, type SocketFactory, type SocketHandlers } from './live-board.svelte';
import { boardData, freshness, queueRow } from './test-fixtures';

/** Sent after the board's subscribe on every new socket. */
const ALERTS_SUBSCRIBE = { type: 'subscribe.v1', view: 'alerts:default' };

const T0 = 1_763_892_000_000;

interface FakeSocket {
	url: string;
	handlers: SocketHandlers;
	sent: unknown[];
	closed: number | null;
}

function harness() {
	const sockets: FakeSocket[] = [];
	const factory: SocketFactory = (url, handlers) => {
		const s: FakeSocket = { url, handlers, sent: [], closed: null };
		sockets.push(s);
		return { send: (text) => s.sent.push(JSON.parse(text)), close: (code) => (s.closed = code ?? 1000) };
	};
	const reload = vi.fn();
	const board = new LiveBoard({
		boardId: 'default',
		initial: boardData(['a', 'b']),
		freshness: freshness({ serverNowMs: T0, lastReceiveMs: T0 }),
		url: () => 'ws://test/ws',
		socket: factory,
		now: () => Date.now(),
		random: () => 0,
		reload,
		lastReloadAt: () => null
	});
	const last = () => sockets.at(-1)!;
	const fresh = (overrides: Partial<Freshness> = {}) =>
		freshness({ serverNowMs: Date.now(), lastReceiveMs: Date.now(), ...overrides });
	const send = (frame: unknown) => last().handlers.message(JSON.stringify(frame));
	const snapshot = (seq: number, waiting = 3) =>
		send({
			type: 'snapshot.v1',
			view: 'board:default',
			seq,
			freshness: fresh(),
			data: boardData(['a', 'b'], { centre: queueRow(null, { waiting }) })
		});
	const patch = (seq: number, data: BoardPatch, f: Freshness = fresh()) =>
		send({ type: 'patch.v1', view: 'board:default', seq, freshness: f, data });
	return { board, sockets, last, send, snapshot, patch, fresh, reload };
}

describe('LiveBoard', () => {
	beforeEach(() => {
		vi.useFakeTimers();
		vi.setSystemTime(T0);
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it('shows the page data as live before connecting, and does nothing until started', () => {
		const h = harness();
		expect(h.sockets).toHaveLength(0);
		expect(h.board.state).toBe('live');
		expect(h.board.ageSec).toBe(0);
	});

	it('subscribes to its board view when the socket opens', () => {
		const h = harness();
		h.board.start();
		expect(h.last().url).toBe('ws://test/ws');
		h.last().handlers.open();
		expect(h.last().sent).toEqual([{ type: 'subscribe.v1', view: 'board:default' }, ALERTS_SUBSCRIBE]);
	});

	it('applies the snapshot, then patches in sequence', () => {
		const h = harness();
		h.board.start();
		h.last().handlers.open();
		h.snapshot(1, 5);
		expect(h.board.data.centre.waiting).toBe(5);
		h.patch(2, { queues: [queueRow('b', { waiting: 11 })] });
		expect(h.board.data.queues.map((q) => q.waiting)).toEqual([3, 11]);
		expect(h.board.state).toBe('live');
	});

	it('on a seq jump, holds the data, shows recovering and asks for a fresh snapshot', () => {
		const h = harness();
		h.board.start();
		h.last().handlers.open();
		h.snapshot(1);
		h.patch(3, { centre: queueRow(null, { waiting: 99 }) });
		expect(h.board.data.centre.waiting).toBe(3);
		expect(h.board.state).toBe('recovering');
		expect(h.last().sent.at(-1)).toEqual({ type: 'subscribe.v1', view: 'board:default' });
		h.snapshot(4, 8);
		expect(h.board.state).toBe('live');
		expect(h.board.data.centre.waiting).toBe(8);
	});

	it('goes offline when the socket closes, reconnects with backoff and resumes from its seq', () => {
		const h = harness();
		h.board.start();
		h.last().handlers.open();
		h.snapshot(7);
		h.last().handlers.close(1006);
		expect(h.board.state).toBe('offline');
		expect(h.sockets).toHaveLength(1);
		vi.advanceTimersByTime(250);
		expect(h.sockets).toHaveLength(2);
		h.last().handlers.open();
		expect(h.last().sent).toEqual([
			{ type: 'subscribe.v1', view: 'board:default', resumeFromSeq: 7 },
			ALERTS_SUBSCRIBE
		]);
		expect(h.board.state).toBe('recovering');
		h.snapshot(1);
		expect(h.board.state).toBe('live');
	});

	it('after a reconnect, trusts a resumed stream once the server has answered the resume', () => {
		const h = harness();
		h.board.start();
		h.last().handlers.open();
		h.snapshot(7);
		h.last().handlers.close(1001);
		vi.advanceTimersByTime(250);
		h.last().handlers.open();
		expect(h.board.state).toBe('recovering');
		h.patch(8, { centre: queueRow(null, { waiting: 2 }) });
		expect(h.board.state).toBe('live');
		expect(h.board.data.centre.waiting).toBe(2);
		h.last().handlers.close(1001);
		vi.advanceTimersByTime(500);
		h.last().handlers.open();
		expect(h.last().sent).toEqual([
			{ type: 'subscribe.v1', view: 'board:default', resumeFromSeq: 8 },
			ALERTS_SUBSCRIBE
		]);
		h.send({ type: 'heartbeat.v1', freshness: h.fresh() });
		expect(h.board.state).toBe('live');
	});

	it('backs off longer after each failed attempt', () => {
		const h = harness();
		h.board.start();
		const times: number[] = [];
		for (let i = 0; i < 5; i++) {
			const before = h.sockets.length;
			const start = Date.now();
			h.last().handlers.close(1006);
			while (h.sockets.length === before) vi.advanceTimersByTime(50);
			times.push(Date.now() - start);
		}
		expect(times).toEqual([250, 500, 1000, 2000, 4000]);
	});

	it('reloads the page, after a jittered delay, when the server says the client is too old', () => {
		const h = harness();
		h.board.start();
		h.last().handlers.open();
		h.last().handlers.close(4409);
		expect(h.reload).not.toHaveBeenCalled();
		vi.advanceTimersByTime(1000);
		expect(h.reload).toHaveBeenCalledOnce();
		expect(h.sockets).toHaveLength(1);
	});

	it('goes offline after 5 s without a frame and drops the socket after 12 s', () => {
		const h = harness();
		h.board.start();
		h.last().handlers.open();
		h.snapshot(1);
		vi.advanceTimersByTime(5_500);
		expect(h.board.state).toBe('offline');
		vi.advanceTimersByTime(7_000);
		expect(h.sockets[0]!.closed).toBe(4000);
		vi.advanceTimersByTime(1_000);
		expect(h.sockets).toHaveLength(2);
	});

	it('marks the board stale when heartbeats say the stream stopped, and clears by itself', () => {
		const h = harness();
		h.board.start();
		h.last().handlers.open();
		h.snapshot(1);
		const stoppedAt = Date.now();
		for (let i = 0; i < 6; i++) {
			vi.advanceTimersByTime(2000);
			h.send({ type: 'heartbeat.v1', freshness: h.fresh({ lastReceiveMs: stoppedAt }) });
		}
		vi.advanceTimersByTime(1100);
		expect(h.board.state).toBe('stale');
		expect(h.board.ageSec).toBe(13);
		h.patch(2, { centre: queueRow(null, { waiting: 1 }) });
		expect(h.board.state).toBe('live');
		expect(h.board.ageSec).toBe(0);
	});

	it('shows recovering while the server reports a gap or a lost bus', () => {
		const h = harness();
		h.board.start();
		h.last().handlers.open();
		h.snapshot(1);
		h.send({ type: 'heartbeat.v1', freshness: h.fresh({ busConnected: false }) });
		expect(h.board.state).toBe('recovering');
		h.send({ type: 'heartbeat.v1', freshness: h.fresh({ gapOpen: true }) });
		expect(h.board.state).toBe('recovering');
		h.send({ type: 'heartbeat.v1', freshness: h.fresh() });
		expect(h.board.state).toBe('live');
	});

	it('counts heartbeats in sync as confirming the figures, so a quiet board does not age', () => {
		const h = harness();
		h.board.start();
		h.last().handlers.open();
		h.snapshot(1);
		for (let i = 0; i < 15; i++) {
			vi.advanceTimersByTime(2000);
			h.send({ type: 'heartbeat.v1', freshness: h.fresh() });
			expect(h.board.ageSec).toBe(0);
		}
		expect(h.board.state).toBe('live');
	});

	it('ignores frames of other views and frames it cannot parse', () => {
		const h = harness();
		h.board.start();
		h.last().handlers.open();
		h.snapshot(1, 4);
		h.send({ type: 'snapshot.v1', view: 'board:other', seq: 9, freshness: h.fresh(), data: boardData() });
		h.last().handlers.message('not json');
		expect(h.board.data.centre.waiting).toBe(4);
	});

	it('starts over with a fresh subscribe when a requested snapshot never comes', () => {
		const h = harness();
		h.board.start();
		h.last().handlers.open();
		h.snapshot(1);
		h.patch(5, {});
		for (let i = 0; i < 4; i++) {
			vi.advanceTimersByTime(2000);
			h.send({ type: 'heartbeat.v1', freshness: h.fresh() });
		}
		expect(h.sockets).toHaveLength(1);
		expect(h.board.state).toBe('recovering');
		vi.advanceTimersByTime(2100);
		expect(h.sockets[0]!.closed).toBe(4000);
		vi.advanceTimersByTime(1000);
		h.last().handlers.open();
		expect(h.last().sent).toEqual([{ type: 'subscribe.v1', view: 'board:default' }, ALERTS_SUBSCRIBE]);
	});

	it('stops cleanly: no timers, no reconnects, events of the old socket ignored', () => {
		const h = harness();
		const stop = h.board.start();
		h.last().handlers.open();
		stop();
		expect(h.sockets[0]!.closed).toBe(1000);
		h.sockets[0]!.handlers.close(1006);
		vi.advanceTimersByTime(60_000);
		expect(h.sockets).toHaveLength(1);
		expect(vi.getTimerCount()).toBe(0);
	});
});
