import { afterAll, beforeAll, expect, inject, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { AgentCounts } from '../../src/lib/shared/metrics/figures';
import type { ServerFrame } from '../../src/lib/shared/protocol/frames';
import { getJson, startDevApp, type AppHandle } from '../support/app-server';
import { TestPlatform } from '../support/platform';

/**
 * `vite dev` serves pages, API and /ws on one port from one live state: the Vite plugin's upgrade glue
 * and Kit's routes must reach the same runtime, or the socket would show a different floor than the API.
 */
const prefix = `dev${process.pid}`;
let app: AppHandle;
let platform: TestPlatform;

beforeAll(async () => {
	app = await startDevApp({ REDIS_URL: inject('redisUrl'), CC_PREFIX: prefix, WS_TICK_MS: '100' });
	platform = new TestPlatform(inject('redisUrl'), { prefix, source: 'pbx-dev', writeLog: true });
}, 60_000);

afterAll(async () => {
	await platform?.close();
	await app?.stop();
});

it('shows the same floor on the WebSocket as in the API, on the dev server', async () => {
	await platform.send([
		platform.event({ type: 'agent.login', agentId: 'd1', name: 'D1', teamId: 't', queues: ['orders-voice'] }),
		platform.event({ type: 'agent.state', agentId: 'd1', state: 'ready' }),
		platform.event({ type: 'agent.login', agentId: 'd2', name: 'D2', teamId: 't', queues: ['orders-voice'] })
	]);
	await vi.waitFor(
		async () =>
			expect((await getJson<{ counts: AgentCounts }>(app, '/api/v1/agents')).counts.staffed).toBe(2),
		{ timeout: 15_000 }
	);
	const ws = new WebSocket(app.wsUrl);
	const frames: ServerFrame[] = [];
	ws.on('message', (data) => frames.push(JSON.parse(data.toString()) as ServerFrame));
	await new Promise<void>((resolve, reject) => {
		ws.once('open', () => resolve());
		ws.once('error', reject);
	});
	ws.send(JSON.stringify({ type: 'subscribe.v1', view: 'board:default' }));
	await vi.waitFor(() => expect(frames.some((f) => f.type === 'snapshot.v1')).toBe(true), {
		timeout: 15_000
	});
	const snapshot = frames.find((f) => f.type === 'snapshot.v1') as Extract<
		ServerFrame,
		{ type: 'snapshot.v1' }
	>;
	expect(snapshot.data.agents).toMatchObject({ staffed: 2, available: 1 });
	ws.close();
}, 40_000);
