import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { AlertView } from '../../src/lib/shared/protocol/alert-frames';
import { getJson, startApp, TEST_API_TOKEN, type AppHandle } from '../support/app-server';
import { TestPlatform } from '../support/platform';

/**
 * Two replicas of the built server on one Redis and one prefix: a long call is one alert with one id on
 * both, an acknowledgement through one shows on the other, and a restarted replica still has it. Alert
 * settings changed on one replica apply on the other and survive the restart too.
 */
const prefix = `alertrep${process.pid}`;
const apps: AppHandle[] = [];
let platform: TestPlatform;
let a: AppHandle;
let b: AppHandle;

const start = async () => {
	const app = await startApp({ REDIS_URL: inject('redisUrl'), CC_PREFIX: prefix, WS_TICK_MS: '100' });
	apps.push(app);
	return app;
};

const headers = { authorization: `Bearer ${TEST_API_TOKEN}`, 'content-type': 'application/json' };
const send = (app: AppHandle, path: string, method: string, body: unknown) =>
	fetch(`${app.baseUrl}${path}`, { method, headers, body: JSON.stringify(body) });

type AlertsBody = { alerts: AlertView[] };

async function longCallAlert(app: AppHandle): Promise<AlertView> {
	let found: AlertView | undefined;
	await vi.waitFor(
		async () => {
			const body = await getJson<AlertsBody>(app, '/api/v1/alerts?kind=long_contact');
			found = body.alerts.find((x) => x.contactId === 'rep-c1');
			expect(found).toBeDefined();
		},
		{ timeout: 15_000, interval: 250 }
	);
	return found!;
}

beforeAll(async () => {
	[a, b] = await Promise.all([start(), start()]);
	// The log stream lets a restarted replica rebuild the floor, and with it the alert.
	platform = new TestPlatform(inject('redisUrl'), { prefix, source: 'pbx-rep', writeLog: true });
	const t0 = Date.now() - 660_000;
	await platform.send([
		platform.event(
			{ type: 'agent.login', agentId: 'rep-a1', name: 'A1', teamId: 'team-orders', queues: ['orders-voice'] },
			t0
		),
		platform.event({ type: 'agent.state', agentId: 'rep-a1', state: 'ready' }, t0),
		platform.event(
			{ type: 'contact.queued', contactId: 'rep-c1', queueId: 'orders-voice', channel: 'voice' },
			t0
		),
		platform.event({ type: 'contact.answered', contactId: 'rep-c1', agentId: 'rep-a1' }, t0 + 1000)
	]);
}, 60_000);

afterAll(async () => {
	await platform?.close();
	await Promise.all(apps.map((app) => app.stop()));
});

describe('alerts on two replicas sharing one Redis', () => {
	let alertId: string;

	it('names the same long call with the same alert id on both replicas', async () => {
		const [onA, onB] = await Promise.all([longCallAlert(a), longCallAlert(b)]);
		expect(onA.alertId).toBe(onB.alertId);
		alertId = onA.alertId;
	}, 30_000);

	it('shows an acknowledgement and a snooze given on one replica on the other', async () => {
		expect((await send(a, `/api/v1/alerts/${alertId}/ack`, 'POST', { user: 'li.si' })).status).toBe(200);
		await vi.waitFor(
			async () => expect((await longCallAlert(b)).acks.map((x) => x.user)).toEqual(['li.si']),
			{
				timeout: 5_000
			}
		);
		expect(
			(await send(b, `/api/v1/alerts/${alertId}/snooze`, 'POST', { user: 'wang.wu', minutes: 10 })).status
		).toBe(200);
		await vi.waitFor(
			async () => {
				const hidden = await getJson<AlertsBody>(a, '/api/v1/alerts?user=wang.wu');
				expect(hidden.alerts.some((x) => x.alertId === alertId)).toBe(false);
			},
			{ timeout: 5_000 }
		);
	});

	it('applies alert settings changed on one replica on the other, and refuses bad ones by field', async () => {
		const bad = await send(a, '/api/v1/settings/alerts', 'PUT', {
			busyFactor: 0.5,
			rollingWindowMinutes: 60
		});
		expect(bad.status).toBe(400);
		const body = (await bad.json()) as { parameter: string; message: string };
		expect(body.parameter).toBe('busyFactor');
		expect(body.message).toContain('rollingWindowMinutes');
		const put = await send(a, '/api/v1/settings/alerts', 'PUT', {
			busyFactor: 1.5,
			peakPeriods: [{ start: '10:00', end: '11:30' }]
		});
		expect(put.status).toBe(200);
		expect(await put.json()).toMatchObject({ source: 'api', settings: { busyFactor: 1.5, minOffered: 20 } });
		await vi.waitFor(
			async () =>
				expect(await getJson(b, '/api/v1/settings/alerts')).toMatchObject({
					source: 'api',
					settings: { busyFactor: 1.5, peakPeriods: [{ start: '10:00', end: '11:30' }] }
				}),
			{ timeout: 5_000 }
		);
	});

	it('puts a queue back to the set-up values on DELETE, on both replicas', async () => {
		const patched = await send(a, '/api/v1/settings/queues/orders-voice', 'PATCH', {
			targets: { answerRate: 0.9 },
			notReadyLimitsSec: { break: 300 }
		});
		expect(patched.status).toBe(200);
		await vi.waitFor(
			async () =>
				expect(await getJson(b, '/api/v1/settings/queues/orders-voice')).toMatchObject({ source: 'api' }),
			{ timeout: 5_000 }
		);
		const reset = await fetch(`${a.baseUrl}/api/v1/settings/queues/orders-voice`, {
			method: 'DELETE',
			headers
		});
		expect(reset.status).toBe(200);
		expect(await reset.json()).toMatchObject({
			source: 'setup',
			updatedAtMs: null,
			settings: { targets: { answerRate: 0.95 } }
		});
		await vi.waitFor(
			async () =>
				expect(await getJson(b, '/api/v1/settings/queues/orders-voice')).toMatchObject({ source: 'setup' }),
			{ timeout: 5_000 }
		);
		expect(
			(await fetch(`${a.baseUrl}/api/v1/settings/queues/nope`, { method: 'DELETE', headers })).status
		).toBe(404);
	});

	it('keeps the acknowledgement, the snooze and the alert settings across a restart', async () => {
		await Promise.all([a.stop(), b.stop()]);
		const c = await start();
		const alert = await longCallAlert(c);
		expect(alert.alertId).toBe(alertId);
		await vi.waitFor(
			async () => {
				const again = await longCallAlert(c);
				expect(again.acks.map((x) => x.user)).toEqual(['li.si']);
				expect(again.snoozes.map((x) => x.user)).toEqual(['wang.wu']);
			},
			{ timeout: 5_000 }
		);
		expect(await getJson(c, '/api/v1/settings/alerts')).toMatchObject({ settings: { busyFactor: 1.5 } });
	}, 40_000);
});
