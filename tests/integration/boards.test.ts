import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { getJson, startApp, TEST_API_TOKEN, type AppHandle } from '../support/app-server';

/**
 * Boards through two built servers on one real Redis: the store is seeded once from the set-up, a save
 * on one replica is served by the other within moments, every version is kept, and rollback adds one.
 */
const prefix = `boards${process.pid}`;
let a: AppHandle;
let b: AppHandle;
let redis: Redis;
const env = () => ({ REDIS_URL: inject('redisUrl'), CC_PREFIX: prefix });

type VersionBody = { version: number; restoredFrom: number | null; board: { title: { en?: string } } };

async function send(app: AppHandle, method: string, path: string, body: unknown) {
	return fetch(`${app.baseUrl}${path}`, {
		method,
		headers: { authorization: `Bearer ${TEST_API_TOKEN}`, 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
}

beforeAll(async () => {
	[a, b] = await Promise.all([startApp(env()), startApp(env())]);
	redis = new Redis(inject('redisUrl'));
}, 60_000);

afterAll(async () => {
	redis?.disconnect();
	await Promise.all([a?.stop(), b?.stop()]);
});

describe('board store on Redis', () => {
	it('seeds the set-up boards once, as version 1', async () => {
		const heads = await redis.hgetall(`${prefix}:boards`);
		expect(Object.keys(heads).sort()).toEqual(['default', 'tier1', 'vip-complaints']);
		expect(Object.keys(await redis.hgetall(`${prefix}:boards.versions:default`))).toEqual(['1']);
	});

	it('serves a save made on one replica from the other, and keeps the earlier version', async () => {
		const res = await send(a, 'PUT', '/api/v1/boards/tier1?baseVersion=1', {
			title: { 'zh-CN': '一线', en: 'Tier one' },
			ownerTeamId: 't1-voice-a',
			teams: ['t1-voice-a'],
			pages: [{ tiles: ['waiting', 'trend-answer-rate'] }]
		});
		expect(res.status).toBe(200);
		expect(((await res.json()) as VersionBody).version).toBe(2);
		await vi.waitFor(
			async () =>
				expect((await getJson<VersionBody>(b, '/api/v1/boards/tier1')).board.title.en).toBe('Tier one'),
			{ timeout: 5_000 }
		);
		const { versions } = await getJson<{ versions: VersionBody[] }>(b, '/api/v1/boards/tier1/versions');
		expect(versions.map((v) => v.version)).toEqual([2, 1]);
	});

	it('refuses a save based on a version that is no longer current', async () => {
		const res = await send(b, 'PUT', '/api/v1/boards/tier1?baseVersion=1', {
			title: { 'zh-CN': '过期' },
			ownerTeamId: 't1-voice-a',
			pages: [{ tiles: ['waiting'] }]
		});
		expect(res.status).toBe(409);
	});

	it('rolls back as a new version that both replicas serve', async () => {
		const res = await send(b, 'POST', '/api/v1/boards/tier1/rollback', { version: 1 });
		expect(await res.json()).toMatchObject({ version: 3, restoredFrom: 1 });
		await vi.waitFor(
			async () => expect((await getJson<VersionBody>(a, '/api/v1/boards/tier1')).version).toBe(3),
			{ timeout: 5_000 }
		);
	});

	it('keeps the stored boards across a restart instead of seeding again', async () => {
		await a.stop();
		a = await startApp(env());
		expect((await getJson<VersionBody>(a, '/api/v1/boards/tier1')).version).toBe(3);
	}, 40_000);
});
