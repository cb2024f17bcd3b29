import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { BoardData, Freshness, ServerFrame } from '../../src/lib/shared/protocol/frames';
import { RealtimeHub } from '../../src/lib/server/realtime/hub';
import { silentLogger } from '../../src/lib/server/util/logger';

/**
 * A screen that stops reading (a frozen TV browser, a saturated link) must not make the server queue an
 * unbounded backlog for it: it skips patches and gets one fresh snapshot when it drains.
 */
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
	for (const fn of cleanups.splice(0).reverse()) await fn();
});

/** A board whose data changes on every tick and weighs ~200 KB, so a paused reader falls behind fast. */
function changingBoard() {
	let version = 0;
	const padding = 'x'.repeat(200_000);
	return {
		version: () => version,
		boardData: (boardId: string): BoardData | null =>
			boardId === 'big'
				? ({
						board: { boardId, title: { 'zh-CN': 'big' }, language: 'zh-CN', queueIds: [], timeZone: 'UTC' },
						queues: [],
						centre: { version: ++version, padding },
						agents: { staffed: 0, available: 0, onContact: 0, wrapUp: 0, notReady: 0, notReadyByReason: {} }
					} as unknown as BoardData)
				: null
	};
}

async function startHub(limits: { maxBufferedBytes: number }, clock: () => number = () => Date.now()) {
	const board = changingBoard();
	const freshness = (): Freshness => ({
		asOfMs: Date.now(),
		serverNowMs: Date.now(),
		busConnected: true,
		gapOpen: false,
		lastReceiveMs: Date.now()
	});
	const hub = new RealtimeHub({
		boardData: board.boardData,
		freshness,
		allowedOrigins: [],
		buildId: 'test',
		clock,
		logger: silentLogger,
		limits: { tickMs: 20, ...limits }
	});
	const server: Server = createServer((_req, res) => res.writeHead(404).end());
	server.on('upgrade', (req, socket, head) => hub.handleUpgrade(req, socket, head));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	hub.start();
	cleanups.push(async () => {
		await hub.stop();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	});
	return { hub, url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/ws`, board };
}

/** A screen on `board:big`, once its snapshot has arrived, with every frame it receives. */
async function subscribeToBig(url: string) {
	const ws = new WebSocket(url);
	const frames: ServerFrame[] = [];
	ws.on('message', (data) => frames.push(JSON.parse(data.toString()) as ServerFrame));
	await new Promise<void>((resolve, reject) => {
		ws.once('open', () => resolve());
		ws.once('error', reject);
	});
	cleanups.push(() => ws.terminate());
	ws.send(JSON.stringify({ type: 'subscribe.v1', view: 'board:big' }));
	await vi.waitFor(() => expect(frames.some((f) => f.type === 'snapshot.v1')).toBe(true));
	return { ws, frames };
}

it('gives a client that stopped reading a fresh snapshot instead of a backlog', async () => {
	const { hub, url } = await startHub({ maxBufferedBytes: 256 * 1024 });
	const { ws, frames } = await subscribeToBig(url);

	// Stop reading: the kernel buffers fill, then the server's own send buffer grows past the bound.
	const rawSocket = (ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
	rawSocket.pause();
	await vi.waitFor(() => expect(hub.stats.slowClientSkips).toBeGreaterThan(20), { timeout: 15_000 });
	const ticksWhilePaused = hub.stats.slowClientSkips;
	const snapshotsBefore = hub.stats.snapshotsSent;
	rawSocket.resume();

	await vi.waitFor(() => expect(hub.stats.snapshotsSent).toBeGreaterThan(snapshotsBefore), {
		timeout: 10_000
	});
	await vi.waitFor(() => expect(frames.filter((f) => f.type === 'snapshot.v1').length).toBe(2), {
		timeout: 10_000
	});
	// What was queued before the bound was hit still arrives, but the skipped patches never do.
	const patchesReceived = frames.filter((f) => f.type === 'patch.v1').length;
	const lastSnapshot = frames.filter((f) => f.type === 'snapshot.v1').at(-1) as { seq: number };
	expect(lastSnapshot.seq - 1).toBeGreaterThanOrEqual(ticksWhilePaused);
	expect(patchesReceived).toBeLessThan(lastSnapshot.seq - (frames[1] as { seq: number }).seq);
});

it('keeps its housekeeping on wall time when the floor runs on a fast simulated clock', async () => {
	// A floor simulated at an hour per reading: were idle views timed by it, the view would be forgotten
	// (10 min idle) on the first tick after its screen left, and a screen coming back could not resume.
	let simulatedMs = Date.UTC(2026, 0, 1);
	const { hub, url } = await startHub({ maxBufferedBytes: 1 << 20 }, () => (simulatedMs += 3_600_000));
	const { ws } = await subscribeToBig(url);
	ws.send(JSON.stringify({ type: 'unsubscribe.v1', view: 'board:big' }));
	await new Promise((resolve) => setTimeout(resolve, 300)); // ~15 ticks of 20 ms
	expect(hub.stats.views).toBe(1);
});
