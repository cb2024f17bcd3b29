import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { AlertChangeFrame, AlertView } from '../../src/lib/shared/protocol/alert-frames';
import type { ServerFrame } from '../../src/lib/shared/protocol/frames';
import { getJson, startApp, TEST_API_TOKEN, type AppHandle } from '../support/app-server';
import { TestPlatform } from '../support/platform';

/**
 * Alerts on the built server against a real Redis: a call published as answered 11 minutes ago is over
 * the 10-minute talk limit, so within seconds it is an alert in the API and a frame on the socket;
 * acknowledging and snoozing it go through the API with validated bodies.
 */
const prefix = `alerts${process.pid}`;
let app: AppHandle;
let platform: TestPlatform;

beforeAll(async () => {
	app = await startApp({ REDIS_URL: inject('redisUrl'), CC_PREFIX: prefix, WS_TICK_MS: '100' });
	platform = new TestPlatform(inject('redisUrl'), { prefix, source: 'pbx-alerts', writeLog: true });
}, 40_000);

afterAll(async () => {
	await platform?.close();
	await app?.stop();
});

const auth = { authorization: `Bearer ${TEST_API_TOKEN}`, 'content-type': 'application/json' };
const post = (path: string, body: unknown) =>
	fetch(`${app.baseUrl}${path}`, { method: 'POST', headers: auth, body: JSON.stringify(body) });

type AlertsBody = { alerts: AlertView[] };

describe('alerts on the production server', () => {
	let alert: AlertView;
	const frames: ServerFrame[] = [];
	let ws: WebSocket;

	it('raises a long call published on Redis in the API and as a WebSocket frame', async () => {
		ws = new WebSocket(app.wsUrl);
		ws.on('message', (data) => frames.push(JSON.parse(data.toString()) as ServerFrame));
		await new Promise<void>((resolve, reject) => {
			ws.once('open', () => resolve());
			ws.once('error', reject);
		});
		ws.send(JSON.stringify({ type: 'subscribe.v1', view: 'alerts:default' }));
		await vi.waitFor(() => expect(frames.some((f) => f.type === 'alerts.v1')).toBe(true));

		const t0 = Date.now() - 660_000;
		const login = {
			type: 'agent.login',
			agentId: 'al-a1',
			name: '坐席 甲',
			teamId: 'team-orders',
			queues: ['orders-voice']
		};
		await platform.send([
			platform.event(login, t0),
			platform.event({ type: 'agent.state', agentId: 'al-a1', state: 'ready' }, t0)
		]);
		await platform.send([
			platform.event(
				{ type: 'contact.queued', contactId: 'al-c1', queueId: 'orders-voice', channel: 'voice' },
				t0
			),
			platform.event({ type: 'contact.answered', contactId: 'al-c1', agentId: 'al-a1' }, t0 + 1000)
		]);

		await vi.waitFor(
			async () => {
				const body = await getJson<AlertsBody>(app, '/api/v1/alerts?kind=long_contact&queue=orders-voice');
				const found = body.alerts.find((a) => a.contactId === 'al-c1');
				expect(found).toBeDefined();
				alert = found!;
			},
			{ timeout: 15_000, interval: 250 }
		);
		expect(alert).toMatchObject({
			kind: 'long_contact',
			cause: 'talk',
			severity: 'yellow',
			agentId: 'al-a1'
		});
		expect(alert.reason.en).toMatch(/坐席 甲 talking for 1\d:\d\d \(limit 10:00\)/);
		await vi.waitFor(() =>
			expect(
				frames.some(
					(f) => f.type === 'alert.v1' && f.change === 'raised' && f.alert.alertId === alert.alertId
				)
			).toBe(true)
		);
	}, 30_000);

	it('acknowledges per user and pushes the change to the socket', async () => {
		const res = await post(`/api/v1/alerts/${alert.alertId}/ack`, { user: 'li.si' });
		expect(res.status).toBe(200);
		const body = (await res.json()) as { alert: AlertView };
		expect(body.alert.acks.map((a) => a.user)).toEqual(['li.si']);
		await vi.waitFor(() =>
			expect(
				frames.some(
					(f): f is AlertChangeFrame =>
						f.type === 'alert.v1' && f.change === 'updated' && f.alert.acks.some((a) => a.user === 'li.si')
				)
			).toBe(true)
		);
	});

	it('snoozes for one user only', async () => {
		const res = await post(`/api/v1/alerts/${alert.alertId}/snooze`, { user: 'li.si', minutes: 5 });
		expect(res.status).toBe(200);
		const mine = await getJson<AlertsBody>(app, '/api/v1/alerts?user=li.si');
		expect(mine.alerts.some((a) => a.alertId === alert.alertId)).toBe(false);
		const theirs = await getJson<AlertsBody>(app, '/api/v1/alerts?user=wang.wu');
		expect(theirs.alerts.some((a) => a.alertId === alert.alertId)).toBe(true);
	});

	it('answers 400 naming the field, 404 for an unknown alert, 401 without a token', async () => {
		const noUser = await post(`/api/v1/alerts/${alert.alertId}/ack`, {});
		expect(noUser.status).toBe(400);
		expect(await noUser.json()).toMatchObject({ parameter: 'user' });
		const badMinutes = await post(`/api/v1/alerts/${alert.alertId}/snooze`, {
			user: 'li.si',
			minutes: 'ten'
		});
		expect(badMinutes.status).toBe(400);
		expect(((await badMinutes.json()) as { message: string }).message).toContain('minutes');
		const badKind = await fetch(`${app.baseUrl}/api/v1/alerts?kind=fire`, { headers: auth });
		expect(badKind.status).toBe(400);
		expect(await badKind.json()).toMatchObject({ parameter: 'kind' });
		expect((await post('/api/v1/alerts/al-nope/ack', { user: 'li.si' })).status).toBe(404);
		expect((await fetch(`${app.baseUrl}/api/v1/alerts`)).status).toBe(401);
		ws.close();
	});
});
