import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { IntervalRow } from '../../src/lib/server/history/interval-row';
import { intervalStartMs, isoInZone, localDateOf } from '../../src/lib/server/history/local-time';
import { getJson, startApp, TEST_API_TOKEN, type AppHandle } from '../support/app-server';
import { TestPlatform } from '../support/platform';

/**
 * Interval history through the built server on a real Redis: a known event log becomes stored rows equal
 * to a recomputation by hand below; a restart in the middle loses and doubles nothing; imports are
 * idempotent and name their malformed lines.
 */
const prefix = `hist${process.pid}`;
const TZ = 'Asia/Shanghai';
const QUEUE = 'orders-voice';
let app: AppHandle;
let platform: TestPlatform;
// The live intervals below are hours ahead of the wall clock on purpose; the server takes such event
// times as they are only with a tolerance that wide (by default it brings them back to its clock).
const env = () => ({
	REDIS_URL: inject('redisUrl'),
	CC_PREFIX: prefix,
	TZ_CENTRE: TZ,
	EVENT_MAX_AHEAD_MS: String(6 * 3_600_000)
});

beforeAll(async () => {
	app = await startApp(env());
	platform = new TestPlatform(inject('redisUrl'), { prefix, source: 'pbx-hist', writeLog: true });
}, 40_000);

afterAll(async () => {
	await platform?.close();
	await app?.stop();
});

type RowsBody = { rows: IntervalRow[] };

async function queueRows(size: 15 | 30, fromMs: number, toMs: number): Promise<IntervalRow[]> {
	const from = encodeURIComponent(isoInZone(fromMs, TZ));
	const to = encodeURIComponent(isoInZone(toMs, TZ));
	const body = await getJson<RowsBody>(
		app,
		`/api/v1/reports/intervals?from=${from}&to=${to}&size=${size}&queue=${QUEUE}`
	);
	return body.rows;
}

describe('live interval history', () => {
	// Intervals in the future of the wall clock: they close by events alone, never by the timer.
	const S = intervalStartMs(Date.now() + 2 * 3_600_000, 15, TZ);
	const at = (sec: number) => S + sec * 1000;
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
	const agent = (body: Record<string, unknown>, sec: number) =>
		platform.event({ type: 'agent.state', ...body }, at(sec));

	// Interval 1 [S, S+15 min): c1 waits 10 s, talks 100 s, wraps 30 s; c2 abandons after 30 s; c3 after 2 s
	// (short); c4 queues at 14:50 and is answered at 15:20 (wait 30 s, in interval 2), talks 60 s, wraps 10 s.
	const firstHalf = () => [
		platform.event(
			{ type: 'agent.login', agentId: 'h1', name: 'H1', teamId: 'team-orders', queues: [QUEUE] },
			at(0)
		),
		agent({ agentId: 'h1', state: 'ready' }, 0),
		platform.event(
			{ type: 'agent.login', agentId: 'h2', name: 'H2', teamId: 'team-orders', queues: [QUEUE] },
			at(0)
		),
		agent({ agentId: 'h2', state: 'ready' }, 0),
		contact('contact.queued', 'c1', 60),
		contact('contact.answered', 'c1', 70, 'h1'),
		contact('contact.queued', 'c2', 100),
		contact('contact.abandoned', 'c2', 130),
		contact('contact.ended', 'c1', 170, 'h1'),
		contact('contact.wrapped', 'c1', 200, 'h1'),
		contact('contact.queued', 'c3', 300),
		contact('contact.abandoned', 'c3', 302),
		platform.event({ type: 'agent.logout', agentId: 'h2' }, at(450)),
		contact('contact.queued', 'c4', 890),
		agent({ agentId: 'h1', state: 'ready' }, 905)
	];
	const secondHalf = () => [
		contact('contact.answered', 'c4', 920, 'h1'),
		contact('contact.ended', 'c4', 980, 'h1'),
		contact('contact.wrapped', 'c4', 990, 'h1'),
		agent({ agentId: 'h1', state: 'ready' }, 1805)
	];

	it('stores each interval as the hand recomputation of the log, and a restart loses or doubles none', async () => {
		for (const e of firstHalf()) await platform.send([e]);
		const first = await vi.waitFor(
			async () => {
				const rows = await queueRows(15, S, S + 900_000);
				expect(rows.find((r) => r.closed)).toBeDefined();
				return rows;
			},
			{ timeout: 15_000, interval: 250 }
		);
		expect(first).toHaveLength(1);
		expect(first[0]).toMatchObject({
			start: isoInZone(S, TZ),
			queueId: QUEUE,
			offered: 2,
			answered: 1,
			abandoned: 1,
			shortAbandoned: 1,
			flowedOut: 0,
			answerRate: 0.5,
			serviceLevel: 0.5,
			asaSec: 10,
			maxWaitSec: 30,
			ahtSec: 130,
			staffedAvg: 1.5,
			closed: true
		});

		// Down while the rest of the log is written: the restart replays it from the log stream.
		await app.stop();
		for (const e of secondHalf()) await platform.send([e], { publish: false });
		app = await startApp(env());

		const both = await vi.waitFor(
			async () => {
				const rows = await queueRows(15, S, S + 1_800_000);
				expect(rows.filter((r) => r.closed)).toHaveLength(2);
				return rows;
			},
			{ timeout: 20_000, interval: 250 }
		);
		expect(both[0]).toEqual(first[0]);
		expect(both[1]).toMatchObject({
			offered: 1,
			answered: 1,
			answeredWithin: 0,
			serviceLevel: 0,
			asaSec: 30,
			ahtSec: 70,
			staffedAvg: 1
		});
		const half = await queueRows(30, S, S + 1_800_000);
		const expectedHalfStart = intervalStartMs(S, 30, TZ);
		expect(half.filter((r) => r.startMs === expectedHalfStart && r.closed)).toHaveLength(1);
	}, 60_000);

	it('answers 400 naming the parameter for bad input, 401 without a token', async () => {
		const ask = (query: string, token = TEST_API_TOKEN) =>
			fetch(`${app.baseUrl}/api/v1/reports/intervals?${query}`, {
				headers: { authorization: `Bearer ${token}` }
			});
		expect((await ask('from=2026-03-01', 'nope')).status).toBe(401);
		for (const [query, parameter] of [
			['', 'from'],
			['from=yesterday', 'from'],
			['from=2026-03-01&size=20', 'size'],
			['from=2026-03-01&format=xml', 'format'],
			['from=2026-01-01&to=2026-12-31', 'to']
		] as const) {
			const res = await ask(query);
			expect(res.status, query).toBe(400);
			expect(await res.json()).toMatchObject({ parameter });
		}
	});
});

describe('POST /api/v1/import', () => {
	// An hour a month back, well inside retention and long before the live intervals above.
	const T = intervalStartMs(Date.now() - 30 * 86_400_000, 60, TZ);
	const day = localDateOf(T, TZ);
	const ev = (id: string, sec: number, body: Record<string, unknown>) =>
		JSON.stringify({ v: 1, id, source: 'old-acd', seq: 0, ts: T + sec * 1000, ...body });
	const file = [
		ev('i5', 200, { type: 'contact.answered', contactId: 'k1', agentId: 'o1' }),
		ev('i1', 0, { type: 'agent.login', agentId: 'o1', name: 'O1', teamId: 'team-orders', queues: [QUEUE] }),
		'this is not json',
		ev('i2', 0, { type: 'agent.state', agentId: 'o1', state: 'ready' }),
		ev('i3', 190, { type: 'contact.queued', contactId: 'k1', queueId: QUEUE, channel: 'voice' }),
		ev('i6', 320, { type: 'contact.ended', contactId: 'k1', agentId: 'o1' }),
		ev('i7', 340, { type: 'contact.wrapped', contactId: 'k1', agentId: 'o1' }),
		ev('i3', 190, { type: 'contact.queued', contactId: 'k1', queueId: QUEUE, channel: 'voice' })
	].join('\n');
	const post = () =>
		fetch(`${app.baseUrl}/api/v1/import`, {
			method: 'POST',
			headers: { authorization: `Bearer ${TEST_API_TOKEN}`, 'content-type': 'application/x-ndjson' },
			body: file
		});

	it('folds a file in any order into history, reporting a malformed line by its number', async () => {
		const res = await post();
		expect(res.status).toBe(200);
		const body = (await res.json()) as { events: number; duplicates: number; problems: { line: number }[] };
		expect(body).toMatchObject({ events: 6, duplicates: 1 });
		expect(body.problems.map((p) => p.line)).toEqual([3]);
		const rows = await queueRows(15, T, T + 900_000);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			offered: 1,
			answered: 1,
			asaSec: 10,
			ahtSec: 140,
			staffedAvg: 1,
			closed: true
		});
	});

	it('changes nothing when the same file is imported again', async () => {
		const before = await getJson<RowsBody>(app, `/api/v1/reports/intervals?from=${day}&size=15`);
		expect((await post()).status).toBe(200);
		const after = await getJson<RowsBody>(app, `/api/v1/reports/intervals?from=${day}&size=15`);
		expect(after.rows).toEqual(before.rows);
		expect(after.rows.length).toBeGreaterThan(0);
	});

	it('exports the same rows as CSV with a BOM, and summarises the day', async () => {
		const res = await fetch(
			`${app.baseUrl}/api/v1/reports/intervals?from=${day}&size=15&queue=${QUEUE}&format=csv`,
			{
				headers: { authorization: `Bearer ${TEST_API_TOKEN}` }
			}
		);
		const bytes = new Uint8Array(await res.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const lines = new TextDecoder().decode(bytes.slice(3)).trim().split('\r\n');
		expect(lines[0]!.startsWith('start,queueId,')).toBe(true);
		// Header, then both quarter-hours of the half-hour the import closed.
		expect(lines).toHaveLength(3);
		const summary = await getJson<{
			scopes: { queueId: string | null; offered: number; busyHour: { start: string } | null }[];
		}>(app, `/api/v1/reports/summary?date=${day}&size=15`);
		const queue = summary.scopes.find((s) => s.queueId === QUEUE)!;
		expect(queue.offered).toBe(1);
		expect(queue.busyHour?.start).toBe(isoInZone(T, TZ));
	});
});
