import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { RadarItem, TeamPatchFrame, TeamSnapshotFrame } from '../../src/lib/shared/protocol/team-frames';
import { startApp, type AppHandle } from '../support/app-server';
import { postForm, signIn as signInAs, type FormFields } from '../support/forms';
import { answerCommands, TestPlatform } from '../support/platform';

/**
 * The stuck-state radar on the built server: an agent on break past the break limit shows up in the
 * team view's radar with the numbers and a force-ready action, and that action goes through.
 */
const prefix = `rad${process.pid}`;
const admin = { username: 'root', password: 'root-password-1' };
let app: AppHandle;
let platform: TestPlatform;
let responder: { close(): void };

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
	platform = new TestPlatform(url, { prefix, source: 'pbx-rad', writeLog: true });
	// The platform's side: every command succeeds.
	responder = await answerCommands(url, prefix, () => ({ ok: true }));
	const t0 = Date.now() - 30 * 60_000;
	const onBreakSince = Date.now() - 17 * 60_000;
	await platform.send([
		platform.event(
			{
				type: 'agent.login',
				agentId: 'rad-a1',
				name: 'rad-a1',
				teamId: 't1-voice-a',
				queues: ['presales-voice']
			},
			t0
		),
		platform.event({ type: 'agent.state', agentId: 'rad-a1', state: 'ready' }, t0 + 1000),
		platform.event(
			{ type: 'agent.state', agentId: 'rad-a1', state: 'not_ready', reason: 'break' },
			onBreakSince
		)
	]);
}, 40_000);

afterAll(async () => {
	responder?.close();
	await platform?.close();
	await app?.stop();
});

const form = (path: string, fields: FormFields, cookie?: string) => postForm(app, path, fields, { cookie });
const signIn = (username: string, password: string) => signInAs(app, username, password);

describe('stuck-state radar in the team view', () => {
	let supervisor: string;

	beforeAll(async () => {
		const adminCookie = await signIn(admin.username, admin.password);
		const created = await form(
			'/admin/users?/create',
			{
				username: 'rad.sup',
				password: 'rad-sup-password',
				displayName: '雷达主管',
				role: 'supervisor',
				teams: ['t1-voice-a'],
				audioEndpoint: 'sip:8013@pbx1'
			},
			adminCookie
		);
		expect(created.status).toBe(200);
		supervisor = await signIn('rad.sup', 'rad-sup-password');
	}, 30_000);

	it('lists a break overrun with its numbers and force ready, and the action succeeds', async () => {
		const ws = new WebSocket(app.wsUrl, { headers: { cookie: supervisor } });
		let radar: RadarItem[] = [];
		ws.on('message', (data) => {
			const frame = JSON.parse(data.toString()) as TeamSnapshotFrame | TeamPatchFrame | { type: string };
			if (frame.type === 'team.snapshot.v1') radar = (frame as TeamSnapshotFrame).data.radar;
			if (frame.type === 'team.patch.v1') radar = (frame as TeamPatchFrame).data.radar ?? radar;
		});
		await new Promise<void>((resolve, reject) => {
			ws.once('open', () => resolve());
			ws.once('error', reject);
		});
		ws.send(JSON.stringify({ type: 'subscribe.v1', view: 'team:t1-voice-a' }));
		try {
			await vi.waitFor(() => expect(radar.find((i) => i.agentId === 'rad-a1')).toBeDefined(), {
				timeout: 15_000,
				interval: 100
			});
			const item = radar.find((i) => i.agentId === 'rad-a1')!;
			expect(item).toMatchObject({
				cause: 'not_ready_over',
				reason: 'break',
				limitSec: 900,
				action: 'force_ready',
				teamId: 't1-voice-a'
			});
			// Timed from the start of the break: about 17 minutes before now.
			expect(Date.now() - item.startMs).toBeGreaterThan(16 * 60_000);
		} finally {
			ws.close();
		}

		const res = await fetch(`${app.baseUrl}/api/v1/supervise`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', cookie: supervisor, origin: app.baseUrl },
			body: JSON.stringify({ action: 'force_ready', agentId: 'rad-a1', reason: 'break over' })
		});
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({ status: 'succeeded' });
	}, 30_000);

	it("gives the console the display names of those monitoring its teams now, and no one else's", async () => {
		const adminCookie = await signIn(admin.username, admin.password);
		for (const [username, displayName, team] of [
			['rad.peer', '同组主管', 't1-voice-a'],
			['rad.other', '别组主管', 't1-voice-b']
		] as const) {
			const created = await form(
				'/admin/users?/create',
				{ username, password: `${username}-password`, displayName, role: 'supervisor', teams: [team] },
				adminCookie
			);
			expect(created.status).toBe(200);
		}
		await platform.send([
			platform.event({
				type: 'agent.login',
				agentId: 'rad-b1',
				name: 'rad-b1',
				teamId: 't1-voice-b',
				queues: ['presales-voice']
			}),
			platform.event({
				type: 'supervision.started',
				sessionId: 'rad-s1',
				supervisorId: 'rad.peer',
				agentId: 'rad-a1',
				contactId: 'rad-c1',
				mode: 'listen'
			}),
			platform.event({
				type: 'supervision.started',
				sessionId: 'rad-s2',
				supervisorId: 'rad.other',
				agentId: 'rad-b1',
				contactId: 'rad-c2',
				mode: 'listen'
			})
		]);
		await vi.waitFor(
			async () => {
				const res = await fetch(`${app.baseUrl}/console/__data.json`, { headers: { cookie: supervisor } });
				expect(res.status).toBe(200);
				const text = await res.text();
				expect(text).toContain('userNames');
				expect(text).toContain('同组主管');
				expect(text).not.toContain('别组主管');
			},
			{ timeout: 5000, interval: 100 }
		);
	});
});
