import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { FormulaCard } from '../../src/lib/shared/metrics/cards/types';
import { getJson, startApp, TEST_API_TOKEN, type AppHandle } from '../support/app-server';
import { TestPlatform } from '../support/platform';

/**
 * Formula cards and run-time settings on the built server against a real Redis: a settings change
 * recolours a figure at once, reaches a second replica, and survives a restart.
 */
const prefix = `settings${process.pid}`;
const apps: AppHandle[] = [];
let platform: TestPlatform;

const start = async () => {
	const app = await startApp({ REDIS_URL: inject('redisUrl'), CC_PREFIX: prefix, WS_TICK_MS: '100' });
	apps.push(app);
	return app;
};

async function send(app: AppHandle, path: string, method: string, body: unknown): Promise<Response> {
	return fetch(`${app.baseUrl}${path}`, {
		method,
		headers: { authorization: `Bearer ${TEST_API_TOKEN}`, 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
}

let a: AppHandle;
let b: AppHandle;

beforeAll(async () => {
	[a, b] = await Promise.all([start(), start()]);
	platform = new TestPlatform(inject('redisUrl'), { prefix, source: 'pbx-settings' });
	// orders-voice: 10 offered, 9 answered after 8 s, 1 abandoned after 30 s → answer rate 90 %.
	const t0 = Date.now() - 120_000;
	const at = (sec: number) => t0 + sec * 1000;
	const events: Array<{ type: string }> = [
		platform.event(
			{ type: 'agent.login', agentId: 'a1', name: 'A1', teamId: 't', queues: ['orders-voice'] },
			at(0)
		)
	];
	for (let i = 0; i < 10; i++) {
		events.push(
			platform.event(
				{ type: 'contact.queued', contactId: `k${i}`, queueId: 'orders-voice', channel: 'voice' },
				at(i * 10)
			)
		);
		events.push(
			i === 9
				? platform.event({ type: 'contact.abandoned', contactId: `k${i}` }, at(i * 10 + 30))
				: platform.event({ type: 'contact.answered', contactId: `k${i}`, agentId: 'a1' }, at(i * 10 + 8))
		);
	}
	await platform.send(events);
}, 60_000);

afterAll(async () => {
	await platform?.close();
	await Promise.all(apps.map((app) => app.stop()));
});

const answerCard = (app: AppHandle) =>
	getJson<FormulaCard>(app, '/api/v1/formula/answer-rate?queue=orders-voice&window=day');

describe('formula cards and settings on a real Redis', () => {
	it('serves the answer-rate card with its numerator, denominator and status', async () => {
		await vi.waitFor(async () => expect((await answerCard(a)).denominator?.value).toBe(10), {
			timeout: 10_000
		});
		const card = await answerCard(a);
		expect(card).toMatchObject({
			id: 'answer-rate',
			value: 0.9,
			numerator: { value: 9 },
			denominator: { value: 10 },
			status: 'yellow',
			threshold: { target: 0.95 },
			window: { id: 'day', reset: { en: 'Resets at local midnight, Asia/Shanghai' } }
		});
	});

	it('answers unknown figures with 404 and the list, bad windows and queues with 400, no token with 401', async () => {
		const auth = { headers: { authorization: `Bearer ${TEST_API_TOKEN}` } };
		const unknown = await fetch(`${a.baseUrl}/api/v1/formula/nps`, auth);
		expect(unknown.status).toBe(404);
		expect(((await unknown.json()) as { message: string }).message).toContain('answer-rate');
		const badWindow = await fetch(`${a.baseUrl}/api/v1/formula/asa?window=week`, auth);
		expect([badWindow.status, ((await badWindow.json()) as { parameter: string }).parameter]).toEqual([
			400,
			'window'
		]);
		const badQueue = await fetch(`${a.baseUrl}/api/v1/formula/asa?queue=nope`, auth);
		expect([badQueue.status, ((await badQueue.json()) as { parameter: string }).parameter]).toEqual([
			400,
			'queue'
		]);
		expect((await fetch(`${a.baseUrl}/api/v1/formula/asa`)).status).toBe(401);
	});

	it('lets a board page fetch its own cards without a token, only for its queues', async () => {
		const own = await fetch(`${a.baseUrl}/wall/tier1/formula/answer-rate?queue=orders-voice`);
		expect(own.status).toBe(200);
		expect(((await own.json()) as FormulaCard).numerator?.value).toBe(9);
		const rollUp = (await (await fetch(`${a.baseUrl}/wall/tier1/formula/offered`)).json()) as FormulaCard;
		expect(rollUp.scope).toEqual({ queueId: null, name: { 'zh-CN': '一线实时看板', en: 'Tier 1' } });
		expect(
			(await fetch(`${a.baseUrl}/wall/vip-complaints/formula/answer-rate?queue=orders-voice`)).status
		).toBe(400);
		expect((await fetch(`${a.baseUrl}/wall/nope/formula/answer-rate`)).status).toBe(404);
	});

	it('refuses bad settings with a 400 naming the field', async () => {
		const res = await send(a, '/api/v1/settings/queues/orders-voice', 'PATCH', {
			targets: { answerRate: 90 }
		});
		expect(res.status).toBe(400);
		const body = (await res.json()) as { parameter: string; message: string };
		expect(body.parameter).toBe('targets.answerRate');
		expect(body.message).toMatch(/^targets\.answerRate: /);
		const limits = await send(a, '/api/v1/settings/not-ready-limits', 'PUT', {
			notReadyLimitsSec: { break: -1 }
		});
		expect([limits.status, ((await limits.json()) as { parameter: string }).parameter]).toEqual([
			400,
			'notReadyLimitsSec.break'
		]);
		expect((await send(a, '/api/v1/settings/queues/nope', 'PUT', {})).status).toBe(404);
	});

	it('recolours the figure at once on a change, on this replica and on the other', async () => {
		const res = await send(a, '/api/v1/settings/queues/orders-voice', 'PATCH', {
			targets: { answerRate: 0.85 }
		});
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({ source: 'api', settings: { targets: { answerRate: 0.85 } } });
		expect(await answerCard(a)).toMatchObject({ status: 'green', threshold: { target: 0.85 } });
		await vi.waitFor(async () => expect((await answerCard(b)).status).toBe('green'), { timeout: 5_000 });
		const limits = await send(a, '/api/v1/settings/not-ready-limits', 'PUT', {
			notReadyLimitsSec: { break: 600 }
		});
		expect(limits.status).toBe(200);
		await vi.waitFor(
			async () =>
				expect(await getJson(b, '/api/v1/settings/not-ready-limits')).toMatchObject({
					notReadyLimitsSec: { break: 600 },
					source: 'api'
				}),
			{ timeout: 5_000 }
		);
	});

	it('keeps the settings across a restart', async () => {
		await Promise.all([a.stop(), b.stop()]);
		const c = await start();
		expect(await getJson(c, '/api/v1/settings/queues/orders-voice')).toMatchObject({
			source: 'api',
			settings: { targets: { answerRate: 0.85 } }
		});
		expect(await getJson(c, '/api/v1/settings/not-ready-limits')).toMatchObject({
			notReadyLimitsSec: { break: 600 }
		});
		expect((await answerCard(c)).threshold).toMatchObject({ target: 0.85, band: { yellow: 0.85, red: 0.8 } });
	});
});
