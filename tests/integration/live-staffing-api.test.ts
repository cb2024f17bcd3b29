import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { LiveStaffing } from '../../src/lib/server/staffing/live-staffing';
import { getJson, startApp, TEST_API_TOKEN, type AppHandle } from '../support/app-server';
import { TestPlatform } from '../support/platform';

/**
 * The live staffing model through the built production server on a real Redis: events published on
 * the contract's channels become λ, AHT, patience and agent counts worked out by hand below.
 */
const prefix = `livestaff${process.pid}`;
let app: AppHandle;
let platform: TestPlatform;

beforeAll(async () => {
	app = await startApp({ REDIS_URL: inject('redisUrl'), CC_PREFIX: prefix });
	platform = new TestPlatform(inject('redisUrl'), { prefix, source: 'pbx-staffing', writeLog: true });
}, 40_000);

afterAll(async () => {
	await platform?.close();
	await app?.stop();
});

type StaffingBody = { asOf: number | null; queues: LiveStaffing[] };
const QUEUE = 'orders-voice';

describe('GET /api/v1/staffing', () => {
	it('wants a bearer token', async () => {
		const res = await fetch(`${app.baseUrl}/api/v1/staffing`);
		expect(res.status).toBe(401);
		expect(((await res.json()) as { message: string }).message).toContain('Bearer');
	});

	it('names an unknown queue in a 404', async () => {
		const res = await fetch(`${app.baseUrl}/api/v1/staffing?queue=${QUEUE},no-such-queue`, {
			headers: { authorization: `Bearer ${TEST_API_TOKEN}` }
		});
		expect(res.status).toBe(404);
		expect(await res.json()).toMatchObject({
			parameter: 'queue',
			message: expect.stringContaining('no-such-queue')
		});
	});

	it('turns the live floor into λ, AHT, patience, agents and a requirement', async () => {
		const t0 = Date.now() - 200_000;
		const at = (sec: number) => t0 + sec * 1000;
		const contact = (type: string, contactId: string, sec: number, agentId?: string) =>
			platform.event(
				{
					type,
					contactId,
					...(type === 'contact.queued' ? { queueId: QUEUE, channel: 'voice' } : {}),
					...(agentId ? { agentId } : {})
				},
				at(sec)
			);
		const login = (agentId: string) =>
			platform.event(
				{ type: 'agent.login', agentId, name: agentId, teamId: 'team-orders', queues: [QUEUE] },
				at(0)
			);
		const state = (agentId: string, s: 'ready' | 'not_ready') =>
			platform.event({ type: 'agent.state', agentId, state: s }, at(0));
		await platform.send([login('a1'), state('a1', 'ready'), login('a2'), state('a2', 'ready')]);
		await platform.send([login('a3'), state('a3', 'not_ready')]);
		// c1 waits 10 s, handle 70 s; c2 abandons after 40 s; c3 waits 10 s, handle 110 s.
		await platform.send([
			contact('contact.queued', 'c1', 0),
			contact('contact.queued', 'c2', 5),
			contact('contact.answered', 'c1', 10, 'a1'),
			contact('contact.queued', 'c3', 20),
			contact('contact.answered', 'c3', 30, 'a2'),
			contact('contact.abandoned', 'c2', 45),
			contact('contact.ended', 'c1', 70, 'a1'),
			contact('contact.wrapped', 'c1', 80, 'a1'),
			contact('contact.ended', 'c3', 130, 'a2'),
			contact('contact.wrapped', 'c3', 140, 'a2')
		]);

		const path = `/api/v1/staffing?queue=${QUEUE}`;
		await vi.waitFor(
			async () => expect((await getJson<StaffingBody>(app, path)).queues[0]?.ahtSec).toBe(90),
			{ timeout: 10_000 }
		);
		const body = await getJson<StaffingBody>(app, path);
		expect(body.asOf).toBe(at(140));
		expect(body.queues).toHaveLength(1);
		const row = body.queues[0]!;
		expect(row).toMatchObject({
			queueId: QUEUE,
			// (70 + 110) ÷ 2 handled
			ahtSec: 90,
			// Σ wait 10 + 40 + 10 over one abandon
			patienceSec: 60,
			staffed: 3,
			productive: 2,
			available: 2,
			thresholdSec: 20,
			targetServiceLevel: 0.8,
			model: 'erlang-a'
		});
		// 3 offered over the rolling 15 min, whose span is between 14 min 50 s and 15 min
		expect(row.arrivalsPerHour).toBeGreaterThan(12);
		expect(row.arrivalsPerHour).toBeLessThanOrEqual((3 * 3600) / 890);
		// A ≈ 0.3 E at 80/20: one agent is not enough under Erlang C, two are
		expect(row.requiredErlangC).toBe(2);
		expect(row.requiredErlangA).toBeLessThanOrEqual(2);
		expect(row.gap).toBe(2 - row.requiredErlangA!);
		expect(row.predictedServiceLevel).toBeGreaterThan(0.8);

		const all = await getJson<StaffingBody>(app, '/api/v1/staffing');
		expect(all.queues.map((q) => q.queueId)).toContain('vip-voice');
		expect(all.queues.find((q) => q.queueId === QUEUE)).toMatchObject({ staffed: 3, ahtSec: 90 });
	});
});
