import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { TeamSnapshotFrame } from '../../src/lib/shared/protocol/team-frames';
import { startApp, type AppHandle } from '../support/app-server';
import { postForm, signIn as signInAs, type FormFields } from '../support/forms';
import { answerCommands, TestPlatform } from '../support/platform';

/**
 * Supervision on the built server against a real Redis: commands published with the contract's fields,
 * results matched, silence failing after the timeout, every attempt in the audit stream, and team
 * boundaries held on the HTTP API and the WebSocket alike.
 */
const prefix = `sup${process.pid}`;
const admin = { username: 'root', password: 'root-password-1' };
let app: AppHandle;
let platform: TestPlatform;
let responder: { close(): void };
let redis: Redis;
const commands: Array<Record<string, unknown>> = [];

beforeAll(async () => {
	const url = inject('redisUrl');
	app = await startApp({
		REDIS_URL: url,
		CC_PREFIX: prefix,
		ADMIN_USERNAME: admin.username,
		ADMIN_PASSWORD: admin.password,
		COMMAND_TIMEOUT_MS: '1500',
		WS_TICK_MS: '100'
	});
	platform = new TestPlatform(url, { prefix, source: 'pbx-sup', writeLog: true });
	redis = new Redis(url, { maxRetriesPerRequest: null });
	// The platform's side of the contract: answers every command except those on the silent agent.
	responder = await answerCommands(url, prefix, (command) => {
		commands.push(command);
		if (command.agentId === 'sup-silent') return null;
		return command.type === 'agent.set_state' && command.agentId === 'sup-a2'
			? { ok: false, error: 'agent not logged in' }
			: { ok: true, ...(command.type === 'supervise' ? { sessionId: 's-1' } : {}) };
	});
	const t0 = Date.now() - 60_000;
	const login = (agentId: string, teamId: string, queue: string) =>
		platform.event({ type: 'agent.login', agentId, name: agentId, teamId, queues: [queue] }, t0);
	await platform.send([
		login('sup-a1', 't1-voice-a', 'presales-voice'),
		login('sup-a2', 't1-voice-a', 'presales-voice'),
		login('sup-silent', 't1-voice-a', 'presales-voice'),
		login('sup-b1', 't1-voice-b', 'aftersales-voice')
	]);
	// Two calls over the 10-minute talk limit, one per team: each raises a long-call alert.
	const tLong = Date.now() - 11 * 60_000;
	const call = (contactId: string, queueId: string, agentId: string) => [
		platform.event({ type: 'contact.queued', contactId, queueId, channel: 'voice' }, tLong),
		platform.event({ type: 'contact.answered', contactId, agentId }, tLong)
	];
	await platform.send([
		platform.event(
			{
				type: 'agent.login',
				agentId: 'sup-a4',
				name: 'sup-a4',
				teamId: 't1-voice-a',
				queues: ['presales-voice']
			},
			tLong
		),
		platform.event(
			{
				type: 'agent.login',
				agentId: 'sup-b4',
				name: 'sup-b4',
				teamId: 't1-voice-b',
				queues: ['aftersales-voice']
			},
			tLong
		)
	]);
	await platform.send([
		...call('sup-c4', 'presales-voice', 'sup-a4'),
		...call('sup-c5', 'aftersales-voice', 'sup-b4')
	]);
	await platform.send([
		platform.event(
			{ type: 'contact.queued', contactId: 'sup-c1', queueId: 'presales-voice', channel: 'voice' },
			t0
		),
		platform.event({ type: 'contact.answered', contactId: 'sup-c1', agentId: 'sup-a1' }, t0 + 1000)
	]);
}, 40_000);

afterAll(async () => {
	responder?.close();
	redis?.disconnect();
	await platform?.close();
	await app?.stop();
});

const form = (path: string, fields: FormFields, cookie?: string) => postForm(app, path, fields, { cookie });
const signIn = (username: string, password: string) => signInAs(app, username, password);

const act = (cookie: string, body: unknown, origin: string | null = app.baseUrl) =>
	fetch(`${app.baseUrl}/api/v1/supervise`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie, ...(origin ? { origin } : {}) },
		body: JSON.stringify(body)
	});

let supervisor: string;
let adminCookie: string;

describe('supervision on the production server', () => {
	beforeAll(async () => {
		adminCookie = await signIn(admin.username, admin.password);
		const created = await form(
			'/admin/users?/create',
			{
				username: 'sup.a',
				password: 'sup-a-password',
				displayName: '主管 A',
				role: 'supervisor',
				teams: ['t1-voice-a'],
				audioEndpoint: 'sip:8012@pbx1'
			},
			adminCookie
		);
		expect(created.status).toBe(200);
		await form(
			'/admin/users?/create',
			{
				username: 'sup.noep',
				password: 'sup-noep-password',
				displayName: '主管 N',
				role: 'supervisor',
				teams: ['t1-voice-a']
			},
			adminCookie
		);
		supervisor = await signIn('sup.a', 'sup-a-password');
		await vi.waitFor(async () => {
			const res = await fetch(`${app.baseUrl}/api/v1/agents?team=t1-voice-a`, {
				headers: { authorization: 'Bearer test-token-0123456789' }
			});
			const body = (await res.json()) as { agents: Array<{ agentId: string; contacts: unknown[] }> };
			expect(body.agents.find((a) => a.agentId === 'sup-a1')?.contacts).toHaveLength(1);
		});
	}, 30_000);

	it('publishes a barge with the contract fields and answers with the platform session', async () => {
		const res = await act(supervisor, {
			action: 'start',
			agentId: 'sup-a1',
			contactId: 'sup-c1',
			mode: 'barge'
		});
		expect(res.status).toBe(200);
		const body = (await res.json()) as { status: string; sessionId: string; commandId: string };
		expect(body).toMatchObject({ status: 'succeeded', sessionId: 's-1' });
		const command = commands.find((c) => c.id === body.commandId);
		expect(command).toMatchObject({
			v: 1,
			type: 'supervise',
			issuedBy: 'sup.a',
			agentId: 'sup-a1',
			contactId: 'sup-c1',
			mode: 'barge',
			endpoint: 'sip:8012@pbx1'
		});
		expect(typeof command!.ts).toBe('number');
	});

	it('escalates and stops the session it opened', async () => {
		const change = await act(supervisor, { action: 'change', sessionId: 's-1', mode: 'takeover' });
		expect(change.status).toBe(200);
		expect(commands.at(-1)).toMatchObject({ type: 'supervise.change', sessionId: 's-1', mode: 'takeover' });
		const stop = await act(supervisor, { action: 'stop', sessionId: 's-1' });
		expect(stop.status).toBe(200);
		expect(commands.at(-1)).toMatchObject({ type: 'supervise.stop', sessionId: 's-1' });
	});

	it("passes the platform's refusal on as a failure", async () => {
		const res = await act(supervisor, { action: 'force_ready', agentId: 'sup-a2', reason: '休息超时' });
		expect(res.status).toBe(502);
		expect(await res.json()).toMatchObject({
			status: 'failed',
			error: 'agent not logged in',
			timedOut: false
		});
	});

	it('fails with "no answer from the platform" when no result comes within the timeout', async () => {
		const started = Date.now();
		const res = await act(supervisor, {
			action: 'force_logout',
			agentId: 'sup-silent',
			reason: 'end of shift'
		});
		expect(res.status).toBe(504);
		expect(await res.json()).toMatchObject({
			status: 'failed',
			error: 'no answer from the platform',
			timedOut: true
		});
		expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
		expect(commands.at(-1)).toMatchObject({
			type: 'agent.logout',
			agentId: 'sup-silent',
			reason: 'end of shift'
		});
	});

	it('refuses a supervisor of team A acting on team B, and sends nothing to the platform', async () => {
		const before = commands.length;
		const res = await act(supervisor, { action: 'force_ready', agentId: 'sup-b1', reason: 'x' });
		expect(res.status).toBe(403);
		await new Promise((r) => setTimeout(r, 200));
		expect(commands.length).toBe(before);
	});

	it('refuses a JSON action without a same-origin Origin header', async () => {
		expect((await act(supervisor, { action: 'stop', sessionId: 's-1' }, null)).status).toBe(403);
		expect((await act(supervisor, { action: 'stop', sessionId: 's-1' }, 'https://evil.example')).status).toBe(
			403
		);
	});

	it('refuses to start a session for a supervisor without an audio endpoint', async () => {
		const noEndpoint = await signIn('sup.noep', 'sup-noep-password');
		const res = await act(noEndpoint, {
			action: 'start',
			agentId: 'sup-a1',
			contactId: 'sup-c1',
			mode: 'listen'
		});
		expect(res.status).toBe(400);
		expect(((await res.json()) as { error: string }).error).toMatch(/audio endpoint/);
	});

	it('appends every attempt to the audit stream, shown to admins and exported as CSV', async () => {
		const entries = await redis.xrange(`${prefix}:audit`, '-', '+');
		const parsed = entries.map(([, fields]) => JSON.parse(fields[1]!) as Record<string, unknown>);
		expect(parsed.map((e) => [e.action, e.outcome])).toEqual([
			['barge', 'succeeded'],
			['change', 'succeeded'],
			['stop', 'succeeded'],
			['force_ready', 'failed'],
			['force_logout', 'failed'],
			['force_ready', 'refused'],
			['listen', 'refused']
		]);
		expect(parsed[3]).toMatchObject({
			user: 'sup.a',
			agentId: 'sup-a2',
			reason: '休息超时',
			error: 'agent not logged in'
		});
		expect(parsed[4]!.durationMs).toBeGreaterThanOrEqual(1400);

		const page = await fetch(`${app.baseUrl}/admin/audit?user=sup.a&action=force_ready`, {
			headers: { cookie: adminCookie }
		});
		expect(page.status).toBe(200);
		expect((await page.text()).match(/data-testid="audit-row"/g)).toHaveLength(2);
		const csv = await fetch(`${app.baseUrl}/admin/audit/csv?agent=sup-a2`, {
			headers: { cookie: adminCookie }
		});
		const bytes = new Uint8Array(await csv.arrayBuffer());
		// Read the bytes: decoding as text would drop the BOM being checked for.
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder().decode(bytes);
		expect(text.trim().split('\r\n')).toHaveLength(2);
		// Supervisors do not read the audit.
		expect(
			(await fetch(`${app.baseUrl}/admin/audit`, { headers: { cookie: supervisor }, redirect: 'manual' }))
				.status
		).toBe(403);
	});
});

describe('team views on the WebSocket', () => {
	async function openSocket(cookie?: string) {
		const frames: Array<{ type: string; view?: string; code?: string; data?: unknown }> = [];
		const ws = new WebSocket(app.wsUrl, cookie ? { headers: { cookie } } : {});
		ws.on('message', (data) => frames.push(JSON.parse(data.toString())));
		await new Promise<void>((resolve, reject) => {
			ws.once('open', () => resolve());
			ws.once('error', reject);
		});
		return { ws, frames };
	}

	it("sends a supervisor their team's agent rows", async () => {
		const { ws, frames } = await openSocket(supervisor);
		ws.send(JSON.stringify({ type: 'subscribe.v1', view: 'team:t1-voice-a' }));
		await vi.waitFor(() => expect(frames.some((f) => f.type === 'team.snapshot.v1')).toBe(true));
		const snapshot = frames.find((f) => f.type === 'team.snapshot.v1') as unknown as TeamSnapshotFrame;
		expect(snapshot.data.agents.map((a) => a.agentId).sort()).toEqual([
			'sup-a1',
			'sup-a2',
			'sup-a4',
			'sup-silent'
		]);
		expect(snapshot.data.agents.find((a) => a.agentId === 'sup-a1')?.contacts[0]?.contactId).toBe('sup-c1');
		ws.close();
	});

	it("refuses a supervisor of team A team B's view, and anonymous sockets any team view", async () => {
		const { ws, frames } = await openSocket(supervisor);
		ws.send(JSON.stringify({ type: 'subscribe.v1', view: 'team:t1-voice-b' }));
		await vi.waitFor(() => expect(frames.some((f) => f.type === 'error.v1')).toBe(true));
		expect(frames.find((f) => f.type === 'error.v1')).toMatchObject({ code: 'forbidden' });
		expect(frames.some((f) => f.type === 'team.snapshot.v1')).toBe(false);
		ws.close();

		const anonymous = await openSocket();
		anonymous.ws.send(JSON.stringify({ type: 'subscribe.v1', view: 'team:t1-voice-a' }));
		anonymous.ws.send(JSON.stringify({ type: 'subscribe.v1', view: 'board:default' }));
		await vi.waitFor(() => expect(anonymous.frames.some((f) => f.type === 'snapshot.v1')).toBe(true));
		expect(anonymous.frames.find((f) => f.type === 'error.v1')).toMatchObject({ code: 'forbidden' });
		anonymous.ws.close();
	});

	it('shows who is monitoring by current display name, live as sessions start, change names and end', async () => {
		const { ws, frames } = await openSocket(supervisor);
		ws.send(JSON.stringify({ type: 'subscribe.v1', view: 'team:t1-voice-a' }));
		/** The agent's monitors as the frames so far build them: the snapshot, then each patch's rows. */
		const monitorsOf = (agentId: string) => {
			let monitors: Array<{ sessionId: string; supervisorId: string; supervisorName: string | null }> = [];
			for (const f of frames) {
				const data = f.data as TeamSnapshotFrame['data'] | undefined;
				if (f.type !== 'team.snapshot.v1' && f.type !== 'team.patch.v1') continue;
				const row = data?.agents?.find((a) => a.agentId === agentId);
				if (row) monitors = row.monitors;
			}
			return monitors.map((m) => [m.sessionId, m.supervisorId, m.supervisorName]);
		};
		const eventually = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: 100 });
		try {
			await eventually(() => expect(frames.some((f) => f.type === 'team.snapshot.v1')).toBe(true));
			await platform.send([
				platform.event({
					type: 'supervision.started',
					sessionId: 'mon-1',
					supervisorId: 'sup.a',
					agentId: 'sup-a4',
					contactId: 'sup-c4',
					mode: 'listen'
				})
			]);
			await eventually(() => expect(monitorsOf('sup-a4')).toEqual([['mon-1', 'sup.a', '主管 A']]));

			// A supervisor created after this console opened (on any replica) starts a session: by name too.
			const created = await form(
				'/admin/users?/create',
				{
					username: 'sup.late',
					password: 'sup-late-password',
					displayName: '后来的主管',
					role: 'supervisor',
					teams: ['t1-voice-a'],
					audioEndpoint: '8013'
				},
				adminCookie
			);
			expect(created.status).toBe(200);
			await platform.send([
				platform.event({
					type: 'supervision.started',
					sessionId: 'mon-2',
					supervisorId: 'sup.late',
					agentId: 'sup-a4',
					contactId: 'sup-c4',
					mode: 'whisper'
				})
			]);
			await eventually(() =>
				expect(monitorsOf('sup-a4')).toEqual([
					['mon-1', 'sup.a', '主管 A'],
					['mon-2', 'sup.late', '后来的主管']
				])
			);

			// An admin renames sup.a while the session runs: the row follows without a reload.
			const userId = await redis.hget(`${prefix}:auth:usernames`, 'sup.a');
			const renamed = await form(
				'/admin/users?/update',
				{
					userId: userId!,
					displayName: '王主管',
					role: 'supervisor',
					teams: ['t1-voice-a'],
					audioEndpoint: 'sip:8012@pbx1'
				},
				adminCookie
			);
			expect(renamed.status).toBe(200);
			await eventually(() =>
				expect(monitorsOf('sup-a4')).toEqual([
					['mon-1', 'sup.a', '王主管'],
					['mon-2', 'sup.late', '后来的主管']
				])
			);

			await platform.send([platform.event({ type: 'supervision.ended', sessionId: 'mon-2' })]);
			await eventually(() => expect(monitorsOf('sup-a4')).toEqual([['mon-1', 'sup.a', '王主管']]));
			await platform.send([platform.event({ type: 'supervision.ended', sessionId: 'mon-1' })]);
			await eventually(() => expect(monitorsOf('sup-a4')).toEqual([]));
		} finally {
			ws.close();
		}
	}, 40_000);
});

describe('alerts from the console', () => {
	const alertAction = (cookie: string, body: unknown) =>
		fetch(`${app.baseUrl}/console/alerts`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', cookie, origin: app.baseUrl },
			body: JSON.stringify(body)
		});

	async function longCallAlert(agentId: string): Promise<string> {
		let alertId = '';
		await vi.waitFor(
			async () => {
				const res = await fetch(`${app.baseUrl}/api/v1/alerts?kind=long_contact`, {
					headers: { authorization: 'Bearer test-token-0123456789' }
				});
				const body = (await res.json()) as { alerts: Array<{ alertId: string; agentId: string | null }> };
				alertId = body.alerts.find((a) => a.agentId === agentId)?.alertId ?? '';
				expect(alertId).not.toBe('');
			},
			{ timeout: 15_000, interval: 250 }
		);
		return alertId;
	}

	it('acknowledges as the signed-in user, and refuses an alert about another team', async () => {
		const own = await longCallAlert('sup-a4');
		const res = await alertAction(supervisor, { op: 'ack', alertId: own });
		expect(res.status).toBe(200);
		const body = (await res.json()) as { alert: { acks: Array<{ user: string }> } };
		expect(body.alert.acks.map((a) => a.user)).toEqual(['sup.a']);
		// A name in the body is not who acknowledges: the session is.
		expect((await alertAction(supervisor, { op: 'ack', alertId: own, user: 'someone.else' })).status).toBe(
			400
		);

		const other = await longCallAlert('sup-b4');
		expect((await alertAction(supervisor, { op: 'snooze', alertId: other, minutes: 15 })).status).toBe(403);
	});
});
