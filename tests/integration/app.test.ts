import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { QueueFigures } from '../../src/lib/shared/metrics/figures';
import type { BoardData, ServerFrame } from '../../src/lib/shared/protocol/frames';
import { getJson, startApp, TEST_API_TOKEN, type AppHandle } from '../support/app-server';
import { TestPlatform } from '../support/platform';

/**
 * The built production server against a real Redis: events published on the contract's channels show up
 * in the JSON API and on the WebSocket with the figures of METRICS.md, worked out by hand below.
 */
const prefix = `app${process.pid}`;
let app: AppHandle;
let platform: TestPlatform;

beforeAll(async () => {
	app = await startApp({ REDIS_URL: inject('redisUrl'), CC_PREFIX: prefix, WS_TICK_MS: '100' });
	platform = new TestPlatform(inject('redisUrl'), { prefix, source: 'pbx-app', writeLog: true });
}, 40_000);

afterAll(async () => {
	await platform?.close();
	await app?.stop();
});

type QueuesBody = { asOf: number | null; queues: QueueFigures[]; centre: QueueFigures };
const ordersRow = (body: { queues: QueueFigures[] }) => body.queues.find((q) => q.queueId === 'orders-voice');

/** Connects a WebSocket client that records every frame it receives. */
async function connect(): Promise<{ ws: WebSocket; frames: ServerFrame[] }> {
	const ws = new WebSocket(app.wsUrl);
	const frames: ServerFrame[] = [];
	ws.on('message', (data) => frames.push(JSON.parse(data.toString()) as ServerFrame));
	await new Promise<void>((resolve, reject) => {
		ws.once('open', () => resolve());
		ws.once('error', reject);
	});
	return { ws, frames };
}

describe('the production server on a real Redis', () => {
	it('answers the API only with a bearer token, and rejects a bad window with a message', async () => {
		const anonymous = await fetch(`${app.baseUrl}/api/v1/queues`);
		expect(anonymous.status).toBe(401);
		expect(((await anonymous.json()) as { message: string }).message).toContain('Bearer');
		const badWindow = await fetch(`${app.baseUrl}/api/v1/queues?window=week`, {
			headers: { authorization: `Bearer ${TEST_API_TOKEN}` }
		});
		expect(badWindow.status).toBe(400);
		expect(((await badWindow.json()) as { message: string }).message).toContain('window must be one of');
		expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
		expect((await fetch(`${app.baseUrl}/readyz`)).status).toBe(200);
	});

	it('folds published events into the queue and agent figures worked out by hand', async () => {
		const t0 = Date.now() - 100_000;
		const at = (sec: number) => t0 + sec * 1000;
		const queued = (contactId: string, sec: number) =>
			platform.event(
				{
					type: 'contact.queued',
					contactId,
					queueId: 'orders-voice',
					channel: 'voice',
					customerId: `cu-${contactId}`
				},
				at(sec)
			);
		const step = (type: string, contactId: string, sec: number, agentId?: string) =>
			platform.event({ type, contactId, ...(agentId ? { agentId } : {}) }, at(sec));
		const login = (agentId: string) =>
			platform.event(
				{
					type: 'agent.login',
					agentId,
					name: `坐席 ${agentId}`,
					teamId: 'team-orders',
					queues: ['orders-voice']
				},
				at(0)
			);
		const state = (agentId: string, s: 'ready' | 'not_ready', reason?: string) =>
			platform.event({ type: 'agent.state', agentId, state: s, ...(reason ? { reason } : {}) }, at(0));

		await platform.send([login('a1'), state('a1', 'ready'), login('a2'), state('a2', 'ready')]);
		await platform.send([login('a3'), state('a3', 'not_ready', 'break')]);
		// c1: waits 10 s (within 20 s), talks 60 s, wraps 10 s. c2: waits 30 s, talks 50 s + holds 10 s, wraps 5 s.
		// c3: abandons after 3 s (short abandon). c4: abandons after 12 s (within the threshold). c5: still waiting.
		await platform.send([
			queued('c1', 0),
			queued('c2', 5),
			step('contact.ringing', 'c1', 8, 'a1'),
			step('contact.answered', 'c1', 10, 'a1'),
			queued('c3', 10),
			step('contact.abandoned', 'c3', 13),
			queued('c4', 20),
			step('contact.abandoned', 'c4', 32),
			step('contact.answered', 'c2', 35, 'a2'),
			step('contact.held', 'c2', 40),
			step('contact.resumed', 'c2', 50),
			step('contact.ended', 'c1', 70, 'a1'),
			step('contact.wrapped', 'c1', 80, 'a1'),
			queued('c5', 90),
			step('contact.ended', 'c2', 95, 'a2'),
			step('contact.wrapped', 'c2', 100, 'a2')
		]);

		await vi.waitFor(
			async () =>
				expect(ordersRow(await getJson<QueuesBody>(app, '/api/v1/queues?window=day'))?.handled).toBe(2),
			{ timeout: 10_000 }
		);
		const day = await getJson<QueuesBody>(app, '/api/v1/queues?window=day');
		const orders = ordersRow(day)!;
		expect(orders).toMatchObject({
			name: { 'zh-CN': '订单查询', en: 'Orders' },
			channel: 'voice',
			unconfigured: false,
			waiting: 1,
			offered: 3,
			answered: 2,
			abandoned: 1,
			shortAbandoned: 1,
			flowedOut: 0,
			asaSec: 20,
			attSec: 55,
			ahtSec: 67.5
		});
		expect(orders.answerRate).toBeCloseTo(2 / 3, 10);
		expect(orders.serviceLevel).toBeCloseTo(1 / 3, 10);
		expect(orders.serviceLevelVariants.abandons_negative).toBeCloseTo(1 / 3, 10);
		expect(orders.serviceLevelVariants.ignore_abandons).toBeCloseTo(1 / 2, 10);
		expect(orders.serviceLevelVariants.abandons_positive).toBeCloseTo(2 / 3, 10);
		// c5 was queued 10 s before the test's start; the server's clock has moved on since.
		expect(orders.longestWaitSec).toBeGreaterThanOrEqual(9);
		expect(orders.longestWaitSec).toBeLessThan(60);
		// Only this queue has traffic, so the centre roll-up equals it.
		expect(day.centre).toMatchObject({ offered: 3, answered: 2, waiting: 1, handled: 2 });

		const agents = await getJson<{
			agents: Array<{ agentId: string; state: string; reason: string | null }>;
			counts: Record<string, number>;
		}>(app, '/api/v1/agents');
		expect(agents.counts).toMatchObject({ staffed: 3, available: 2, onContact: 0, wrapUp: 0, notReady: 1 });
		expect(agents.agents.find((a) => a.agentId === 'a3')).toMatchObject({
			state: 'not_ready',
			reason: 'break'
		});
		const team = await getJson<{ agents: unknown[]; counts: Record<string, number> }>(
			app,
			'/api/v1/agents?team=team-orders,no-such-team'
		);
		expect(team.agents).toHaveLength(3);
		expect(team.counts).toMatchObject({ staffed: 3, available: 2, notReady: 1 });
		const otherTeam = await getJson<{ agents: unknown[]; counts: Record<string, number> }>(
			app,
			'/api/v1/agents?team=no-such-team'
		);
		expect(otherTeam).toMatchObject({ agents: [], counts: { staffed: 0, available: 0, notReady: 0 } });
	});

	it('pushes a snapshot, then patches that carry a sequence number and the event time they reflect', async () => {
		const { ws, frames } = await connect();
		ws.send(JSON.stringify({ type: 'subscribe.v1', view: 'board:default' }));
		await vi.waitFor(() => expect(frames.some((f) => f.type === 'snapshot.v1')).toBe(true));
		expect(frames[0]?.type).toBe('hello.v1');
		const snapshot = frames.find((f) => f.type === 'snapshot.v1') as Extract<
			ServerFrame,
			{ type: 'snapshot.v1' }
		>;
		const api = await getJson<QueuesBody>(app, '/api/v1/queues?window=day');
		expect(ordersRow(snapshot.data)?.answered).toBe(ordersRow(api)?.answered);

		const answeredAtMs = Date.now();
		await platform.send([
			platform.event({ type: 'contact.ringing', contactId: 'c5', agentId: 'a1' }, answeredAtMs - 1000),
			platform.event({ type: 'contact.answered', contactId: 'c5', agentId: 'a1' }, answeredAtMs)
		]);
		await vi.waitFor(() => {
			const patch = frames.find(
				(f): f is Extract<ServerFrame, { type: 'patch.v1' }> =>
					f.type === 'patch.v1' && ordersRow({ queues: f.data.queues ?? [] })?.answered === 3
			);
			expect(patch).toBeDefined();
			expect(patch!.seq).toBeGreaterThan(snapshot.seq);
			expect(patch!.freshness.asOfMs).toBe(answeredAtMs);
			expect(ordersRow({ queues: patch!.data.queues ?? [] })?.waiting).toBe(0);
		});
		ws.close();
	});

	it('resumes a reconnecting client from its last sequence number without a new snapshot', async () => {
		const first = await connect();
		first.ws.send(JSON.stringify({ type: 'subscribe.v1', view: 'board:default' }));
		await vi.waitFor(() => expect(first.frames.some((f) => f.type === 'snapshot.v1')).toBe(true));
		const lastSeq = () =>
			Math.max(
				...first.frames.flatMap((f) => (f.type === 'snapshot.v1' || f.type === 'patch.v1' ? [f.seq] : []))
			);
		const seqBefore = lastSeq();
		first.ws.close();

		await platform.send([platform.event({ type: 'agent.state', agentId: 'a3', state: 'ready' })]);
		const second = await connect();
		// The change is applied while the client is away; the resumed stream must carry it.
		await vi.waitFor(
			async () =>
				expect((await getJson<{ counts: { notReady: number } }>(app, '/api/v1/agents')).counts.notReady).toBe(
					0
				),
			{ timeout: 5_000 }
		);
		second.ws.send(JSON.stringify({ type: 'subscribe.v1', view: 'board:default', resumeFromSeq: seqBefore }));
		await vi.waitFor(() => {
			const patches = second.frames.filter((f) => f.type === 'patch.v1');
			expect(patches.length).toBeGreaterThan(0);
			expect((patches[0] as { seq: number }).seq).toBe(seqBefore + 1);
			expect(patches.some((p) => p.type === 'patch.v1' && p.data.agents?.notReady === 0)).toBe(true);
		});
		expect(second.frames.some((f) => f.type === 'snapshot.v1')).toBe(false);
		second.ws.close();
	});

	it('sends a current snapshot of a view that sat idle while the floor changed', async () => {
		// Every earlier socket is closed: board:default is idle, and its last computed picture is old.
		await platform.send([
			platform.event({ type: 'agent.state', agentId: 'a3', state: 'not_ready', reason: 'lunch' })
		]);
		await vi.waitFor(async () =>
			expect((await getJson<{ counts: { notReady: number } }>(app, '/api/v1/agents')).counts.notReady).toBe(1)
		);
		const { ws, frames } = await connect();
		ws.send(JSON.stringify({ type: 'subscribe.v1', view: 'board:default' }));
		await vi.waitFor(() => expect(frames.some((f) => f.type === 'snapshot.v1')).toBe(true));
		const snapshot = frames.find((f) => f.type === 'snapshot.v1') as Extract<
			ServerFrame,
			{ type: 'snapshot.v1' }
		>;
		expect(snapshot.data.agents.notReady).toBe(1);
		expect(snapshot.data.agents.notReadyByReason).toMatchObject({ lunch: 1 });
		ws.close();
	});

	it('answers an unknown view or a malformed frame with an error frame and keeps the socket open', async () => {
		const { ws, frames } = await connect();
		ws.send('{oops');
		ws.send(JSON.stringify({ type: 'subscribe.v1', view: 'board:no-such-board' }));
		await vi.waitFor(() => expect(frames.filter((f) => f.type === 'error.v1')).toHaveLength(2));
		const errors = frames.filter(
			(f): f is Extract<ServerFrame, { type: 'error.v1' }> => f.type === 'error.v1'
		);
		expect(errors.map((e) => e.code)).toEqual(['bad_frame', 'unknown_view']);
		ws.send(JSON.stringify({ type: 'subscribe.v1', view: 'board:default' }));
		await vi.waitFor(() => expect(frames.some((f) => f.type === 'snapshot.v1')).toBe(true));
		const snapshot = frames.find((f) => f.type === 'snapshot.v1') as { data: BoardData };
		expect(snapshot.data.board.boardId).toBe('default');
		ws.close();
	});

	it('refuses a WebSocket from a foreign browser origin', async () => {
		const ws = new WebSocket(app.wsUrl, { headers: { origin: 'https://evil.example' } });
		const status = await new Promise<number>((resolve) => {
			ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
			ws.once('open', () => resolve(101));
		});
		expect(status).toBe(403);
	});
});
