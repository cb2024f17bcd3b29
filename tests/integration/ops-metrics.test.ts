import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { startApp, TEST_API_TOKEN, type AppHandle } from '../support/app-server';
import { TestPlatform } from '../support/platform';

/** `/metrics` on the built server: Prometheus text behind the API token, moving with what ingest sees. */
const prefix = `ops${process.pid}`;
let app: AppHandle;
let platform: TestPlatform;

beforeAll(async () => {
	app = await startApp({ REDIS_URL: inject('redisUrl'), CC_PREFIX: prefix });
	platform = new TestPlatform(inject('redisUrl'), { prefix, source: 'pbx-ops', writeLog: false });
}, 40_000);

afterAll(async () => {
	await platform?.close();
	await app?.stop();
});

async function scrape(): Promise<Map<string, number>> {
	const res = await fetch(`${app.baseUrl}/metrics`, {
		headers: { authorization: `Bearer ${TEST_API_TOKEN}` }
	});
	expect(res.status).toBe(200);
	expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
	const samples = new Map<string, number>();
	for (const line of (await res.text()).split('\n')) {
		if (line === '' || line.startsWith('#')) continue;
		const space = line.lastIndexOf(' ');
		samples.set(line.slice(0, space), Number(line.slice(space + 1)));
	}
	return samples;
}

describe('/metrics', () => {
	it('wants the API token', async () => {
		const res = await fetch(`${app.baseUrl}/metrics`);
		expect(res.status).toBe(401);
		expect(((await res.json()) as { message: string }).message).toContain('Bearer');
	});

	it('counts applied and rejected events and says how old the floor is', async () => {
		const before = await scrape();
		expect(before.get('ccwall_ready')).toBe(1);
		expect(before.get('ccwall_bus_connected')).toBe(1);
		const appliedBefore = before.get('ccwall_events_applied_total') ?? 0;

		await platform.send([
			platform.event(
				{ type: 'agent.login', agentId: 'ops-a1', name: 'ops-a1', teamId: 't1', queues: [] },
				Date.now() - 3_000
			)
		]);
		await platform.raw('agent', '{not json');

		await vi.waitFor(async () => {
			const after = await scrape();
			expect(after.get('ccwall_events_applied_total')).toBe(appliedBefore + 1);
			expect(after.get('ccwall_events_rejected_total{reason="not_json"}')).toBe(1);
		});
		const after = await scrape();
		// The event was stamped 3 s before it was sent: the floor is at least that old.
		expect(after.get('ccwall_event_age_seconds')).toBeGreaterThanOrEqual(3);
		expect(after.get('ccwall_floor_agents')).toBe(1);
		expect(after.get('ccwall_alerts_active{kind="long_contact",severity="red"}')).toBe(0);
		expect(after.get('ccwall_process_resident_memory_bytes')).toBeGreaterThan(0);
	});
});
