import type { Page } from '@playwright/test';
import { Redis } from 'ioredis';
import { E2E } from '../../playwright.config';
import type { TestPlatform } from '../support/platform';
import { ev, expect, signIn, tag, test } from './fixtures';

/**
 * The supervisor console end to end: an admin creates a supervisor through /admin/users, the
 * supervisor sees only their team, barges on a long call from its alert, escalates and stops the
 * session, forces a break-overrun agent ready with a reason, and an admin finds it all in the audit.
 * The platform is a stand-in that answers commands the way the contract says.
 */
/**
 * How the stand-in treats a command on an agent: carry it out, refuse it with the platform's error, or
 * never answer (a platform that lost it).
 */
type Behaviour = 'carry out' | 'silent' | { error: string };

class Responder {
	readonly #sub = new Redis(E2E.redisUrl, { maxRetriesPerRequest: null });
	readonly #pub = new Redis(E2E.redisUrl, { maxRetriesPerRequest: null });
	readonly sessions = new Map<string, { agentId: string }>();
	/** Every command seen for this test's agents, as the platform received it. */
	readonly received: Array<Record<string, string>> = [];
	#count = 0;

	static async start(
		pbx: TestPlatform,
		agents: Set<string>,
		behaviour: (agentId: string, command: Record<string, string>) => Behaviour = () => 'carry out'
	): Promise<Responder> {
		const responder = new Responder();
		responder.#sub.on('message', (_channel: string, message: string) => {
			void responder.#answer(pbx, agents, behaviour, JSON.parse(message) as Record<string, string>);
		});
		await responder.#sub.subscribe(`${E2E.prefix}:command`);
		return responder;
	}

	async #answer(
		pbx: TestPlatform,
		agents: Set<string>,
		behaviour: (agentId: string, command: Record<string, string>) => Behaviour,
		c: Record<string, string>
	): Promise<void> {
		// Only this test's agents: other specs' commands are not ours to answer.
		const agentId = c.agentId ?? this.sessions.get(c.sessionId ?? '')?.agentId;
		if (!agentId || !agents.has(agentId)) return;
		this.received.push(c);
		const how = behaviour(agentId, c);
		if (how === 'silent') return;
		if (how !== 'carry out') {
			await this.#pub.publish(
				`${E2E.prefix}:command.result`,
				JSON.stringify({ v: 1, commandId: c.id, ok: false, error: how.error })
			);
			return;
		}
		const result = (extra: Record<string, unknown> = {}) =>
			this.#pub.publish(
				`${E2E.prefix}:command.result`,
				JSON.stringify({ v: 1, commandId: c.id, ok: true, ...extra })
			);
		if (c.type === 'supervise') {
			const sessionId = `s-${tag()}-${++this.#count}`;
			this.sessions.set(sessionId, { agentId });
			await pbx.send([
				pbx.event({
					type: 'supervision.started',
					sessionId,
					commandId: c.id,
					supervisorId: c.issuedBy,
					agentId,
					contactId: c.contactId,
					mode: c.mode
				})
			]);
			await result({ sessionId });
		} else if (c.type === 'supervise.change') {
			await pbx.send([pbx.event({ type: 'supervision.changed', sessionId: c.sessionId, mode: c.mode })]);
			await result({ sessionId: c.sessionId });
		} else if (c.type === 'supervise.stop') {
			await pbx.send([pbx.event({ type: 'supervision.ended', sessionId: c.sessionId, reason: 'stopped' })]);
			await result({ sessionId: c.sessionId });
		} else if (c.type === 'agent.set_state') {
			await pbx.send([pbx.event({ type: 'agent.state', agentId, state: c.state, reason: c.reason })]);
			await result();
		}
	}

	close(): void {
		this.#sub.disconnect();
		this.#pub.disconnect();
	}
}

async function createSupervisor(
	page: Page,
	username: string,
	password: string,
	team = 't1-voice-a'
): Promise<void> {
	await signIn(page, '/admin/users');
	const formEl = page.getByTestId('create-user');
	await formEl.locator('input[name="username"]').fill(username);
	await formEl.locator('input[name="password"]').fill(password);
	await formEl.locator('input[name="displayName"]').fill(`主管 ${username}`);
	await formEl.locator('select[name="role"]').selectOption('supervisor');
	await formEl.locator(`input[name="teams"][value="${team}"]`).check();
	await formEl.locator('input[name="audioEndpoint"]').fill('sip:8012@pbx1');
	await formEl.locator('button[type="submit"]').click();
	await expect(page.getByTestId('users-table').locator(`[data-username="${username}"]`)).toHaveCount(1);
	await page.getByTestId('sign-out').click();
	await expect(page).toHaveURL(/\/login/);
}

test.describe('supervisor console', () => {
	test('runs a barge, an escalation and a forced ready, all audited', async ({ page, platform }) => {
		const id = tag();
		const onCall = `ag-call-${id}`;
		const onBreak = `ag-break-${id}`;
		const otherTeam = `ag-other-${id}`;
		const contact = `c-${id}`;
		const pbx = platform();
		const responder = await Responder.start(pbx, new Set([onCall, onBreak, otherTeam]));
		try {
			// A call 11 min long (the talk limit is 10) and a break of 20 min (the limit is 15).
			const t0 = Date.now() - 11 * 60_000;
			const tBreak = Date.now() - 20 * 60_000;
			await pbx.send([
				pbx.event(ev.login(onCall, ['presales-voice'], 't1-voice-a'), t0),
				pbx.event(ev.ready(onCall), t0),
				pbx.event(ev.login(onBreak, ['presales-voice'], 't1-voice-a'), tBreak),
				pbx.event(ev.ready(onBreak), tBreak),
				pbx.event(ev.notReady(onBreak, 'break'), tBreak + 1000),
				pbx.event(ev.login(otherTeam, ['aftersales-voice'], 't1-voice-b'), t0)
			]);
			await pbx.send([
				pbx.event(ev.queued(contact, 'presales-voice'), t0),
				pbx.event(ev.answered(contact, onCall), t0 + 1000)
			]);

			const username = `sup-${id}`;
			const password = `sup-password-${id}`;
			await createSupervisor(page, username, password);
			await signIn(page, '/console', { username, password });

			const row = (agentId: string) => page.locator(`[data-testid="agent-row"][data-agent-id="${agentId}"]`);
			await page.getByTestId('console-search').fill(id);
			await expect(row(onCall)).toBeVisible();
			await expect(row(onBreak)).toBeVisible();
			// Only the supervisor's own team: the other team's agent is never sent to this browser.
			await expect(row(otherTeam)).toHaveCount(0);
			await expect(row(onCall).getByTestId('agent-contact')).toHaveAttribute('data-contact-id', contact);

			// The long call raises an alert; barge on it from there.
			const alert = page.locator(
				`[data-testid="console-alert"][data-agent-id="${onCall}"][data-cause="talk"]`
			);
			await expect(alert).toBeVisible({ timeout: 15_000 });
			await alert.getByTestId('alert-barge').click();
			await expect(row(onCall).getByTestId('action-status')).toHaveAttribute('data-status', 'succeeded');
			const monitor = row(onCall).getByTestId('agent-monitors').locator('[data-mode]');
			await expect(monitor).toHaveAttribute('data-mode', 'barge');
			// Who is monitoring: the signed-in supervisor, by display name, starred as "you".
			await expect(monitor).toHaveAttribute('data-mine', 'true');
			await expect(monitor).toContainText(`★ 主管 ${username}`);

			await row(onCall).getByTestId('change-takeover').click();
			await expect(monitor).toHaveAttribute('data-mode', 'takeover');
			await expect(row(onCall).getByTestId('action-status')).toHaveAttribute('data-status', 'succeeded');

			await row(onCall).getByTestId('stop').click();
			await expect(monitor).toHaveCount(0);

			// The break has run past its 15-minute limit: force the agent ready, with a reason.
			await expect(row(onBreak).locator('[data-flag="not_ready_over"]')).toBeVisible({ timeout: 15_000 });
			// The stuck-state radar lists the same overrun, with its numbers and the one-click force ready.
			const radarItem = page.locator(`[data-testid="radar-item"][data-agent-id="${onBreak}"]`);
			await expect(radarItem).toHaveAttribute('data-cause', 'not_ready_over');
			await expect(radarItem.getByTestId('radar-figures')).toHaveText(/^小休 \d+:\d\d \/ 上限 15:00$/);
			await expect(radarItem.getByTestId('radar-force-ready')).toBeVisible();
			await row(onBreak).getByTestId('force-select').selectOption('force_ready');
			await expect(page.getByTestId('reason-confirm')).toBeDisabled();
			await page.getByTestId('reason-input').fill('休息超时');
			await page.getByTestId('reason-confirm').click();
			await expect(row(onBreak).getByTestId('action-status')).toHaveAttribute('data-status', 'succeeded');
			await expect(row(onBreak)).toHaveAttribute('data-state', 'ready');

			await page.getByTestId('sign-out').click();
			await signIn(page, `/admin/audit?user=${username}`);
			const actions = page.getByTestId('audit-row');
			await expect(actions).toHaveCount(4);
			expect(await actions.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')))).toEqual([
				'force_ready',
				'stop',
				'change',
				'barge'
			]);
			await expect(actions.first()).toContainText('休息超时');
			await expect(actions.first()).toHaveAttribute('data-outcome', 'succeeded');
		} finally {
			responder.close();
		}
	});

	test('keeps 500 agents smooth by rendering only the rows in view', async ({ page, platform }) => {
		const id = tag();
		const pbx = platform();
		const agents = Array.from({ length: 500 }, (_, i) => `ag-many-${id}-${String(i).padStart(3, '0')}`);
		// Logged in 20 min ago; the first 60 went on a break at once, past its 15-min limit by now.
		const t0 = Date.now() - 20 * 60_000;
		await pbx.send(agents.map((a) => pbx.event(ev.login(a, ['complaints'], 'complaints'), t0)));
		await pbx.send(agents.slice(0, 60).map((a) => pbx.event(ev.notReady(a, 'break'), t0 + 1000)));
		try {
			const username = `sup-many-${id}`;
			const password = `sup-password-${id}`;
			await createSupervisor(page, username, password, 'complaints');
			await signIn(page, '/console', { username, password });
			await page.getByTestId('console-search').fill(id);
			await expect(page.getByTestId('agent-count')).toHaveAttribute('data-shown', '500');
			const rendered = page.locator('[data-testid="agent-row"]');
			expect(await rendered.count()).toBeLessThan(60);

			// The radar lists the most urgent 50 of its outliers, and all of them on request.
			const radar = page.getByTestId('radar-panel');
			const radarItems = radar.getByTestId('radar-item');
			await expect(radar.getByRole('heading')).toHaveText(/\((\d{2,})\)$/);
			const outliers = Number(/\((\d+)\)$/.exec((await radar.getByRole('heading').textContent()) ?? '')?.[1]);
			expect(outliers).toBeGreaterThanOrEqual(60);
			await expect(radarItems).toHaveCount(50);
			await radar.getByTestId('radar-panel-more').click();
			await expect(radarItems).toHaveCount(outliers);
			await radar.getByTestId('radar-panel-more').click();
			await expect(radarItems).toHaveCount(50);

			// Hundreds of updates: every agent changes state at once; the rows follow, the DOM stays small.
			await pbx.send(agents.map((a) => pbx.event(ev.ready(a))));
			await expect(page.locator('[data-testid="agent-row"][data-state="ready"]').first()).toBeVisible();
			expect(await rendered.count()).toBeLessThan(60);

			await page.getByTestId('filter-sort').selectOption('name');
			await page.getByTestId('agent-viewport').evaluate((el) => (el.scrollTop = el.scrollHeight));
			// The row, not an alert about the same agent (a never-ready alert may still be clearing).
			await expect(page.locator(`[data-testid="agent-row"][data-agent-id="${agents.at(-1)}"]`)).toBeVisible();
			expect(await rendered.count()).toBeLessThan(60);
		} finally {
			// Leave the shared floor as it was for the specs that follow.
			await pbx.send(agents.map((a) => pbx.event({ type: 'agent.logout', agentId: a })));
		}
	});
});

test.describe('supervisor console, when the platform does not carry an action out', () => {
	test("shows the platform's refusal and its silence as failures, never as done, and audits both", async ({
		page,
		platform
	}) => {
		const id = tag();
		// Both agents are on a call as the console sees it. For the first, the customer has just hung up
		// on the platform (its end event is still on the way), so the platform refuses; the second's
		// commands the platform never answers.
		const hungUp = `ag-hungup-${id}`;
		const unheard = `ag-unheard-${id}`;
		const pbx = platform();
		const responder = await Responder.start(pbx, new Set([hungUp, unheard]), (agentId) =>
			agentId === hungUp ? { error: 'agent not on a call' } : 'silent'
		);
		try {
			const t0 = Date.now() - 60_000;
			await pbx.send([
				pbx.event(ev.login(hungUp, ['presales-voice'], 't1-voice-a'), t0),
				pbx.event(ev.ready(hungUp), t0),
				pbx.event(ev.login(unheard, ['presales-voice'], 't1-voice-a'), t0),
				pbx.event(ev.ready(unheard), t0)
			]);
			await pbx.send([
				pbx.event(ev.queued(`c-hungup-${id}`, 'presales-voice'), t0),
				pbx.event(ev.answered(`c-hungup-${id}`, hungUp), t0 + 1000),
				pbx.event(ev.queued(`c-unheard-${id}`, 'presales-voice'), t0),
				pbx.event(ev.answered(`c-unheard-${id}`, unheard), t0 + 1000)
			]);

			const username = `sup-fail-${id}`;
			const password = `sup-password-${id}`;
			await createSupervisor(page, username, password);
			await signIn(page, '/console', { username, password });
			const row = (agentId: string) => page.locator(`[data-testid="agent-row"][data-agent-id="${agentId}"]`);
			await page.getByTestId('console-search').fill(id);
			await expect(row(hungUp)).toHaveAttribute('data-state', 'on_contact');
			await expect(row(unheard)).toHaveAttribute('data-state', 'on_contact');

			// Silence: pending while the server waits for the platform, then "no answer from the platform".
			await row(unheard).getByTestId('start-listen').click();
			const unheardStatus = row(unheard).getByTestId('action-status');
			await expect(unheardStatus).toHaveAttribute('data-status', 'pending');
			await expect(unheardStatus).toContainText('处理中');
			await expect(row(unheard).getByTestId('start-barge')).toBeDisabled();

			// Refusal, while the other is still pending: the row shows the platform's reason.
			await row(hungUp).getByTestId('start-barge').click();
			const hungUpStatus = row(hungUp).getByTestId('action-status');
			await expect(hungUpStatus).toHaveAttribute('data-status', 'failed');
			await expect(hungUpStatus).toContainText('失败 (agent not on a call)');
			await expect(unheardStatus).toHaveAttribute('data-status', 'pending');
			// The platform's end of the call arrives: the call goes, the failure stays on the row.
			await pbx.send([pbx.event({ type: 'contact.ended', contactId: `c-hungup-${id}`, agentId: hungUp })]);
			await expect(row(hungUp)).toHaveAttribute('data-state', 'wrap_up');
			await expect(hungUpStatus).toHaveAttribute('data-status', 'failed');

			// COMMAND_TIMEOUT_MS is 10 s by default.
			await expect(unheardStatus).toHaveAttribute('data-status', 'failed', { timeout: 20_000 });
			await expect(unheardStatus).toContainText('失败 (平台无应答)');
			expect(responder.received.map((c) => [c.type, c.agentId, c.mode])).toEqual([
				['supervise', unheard, 'listen'],
				['supervise', hungUp, 'barge']
			]);
			// Neither looks done: no session on either row, nothing to stop, the call's buttons are back.
			for (const agentId of [hungUp, unheard]) {
				await expect(row(agentId).getByTestId('agent-monitor')).toHaveCount(0);
				await expect(row(agentId).getByTestId('stop')).toHaveCount(0);
			}
			await expect(row(unheard).getByTestId('start-listen')).toBeEnabled();

			await page.getByTestId('sign-out').click();
			await signIn(page, `/admin/audit?user=${username}`);
			await expect(page.getByTestId('audit-row')).toHaveCount(2);
			const refused = page.locator('[data-testid="audit-row"][data-action="barge"]');
			await expect(refused).toHaveAttribute('data-outcome', 'failed');
			await expect(refused).toContainText(hungUp);
			await expect(refused).toContainText('agent not on a call');
			const unanswered = page.locator('[data-testid="audit-row"][data-action="listen"]');
			await expect(unanswered).toHaveAttribute('data-outcome', 'failed');
			await expect(unanswered).toContainText(unheard);
			await expect(unanswered).toContainText('no answer from the platform');
		} finally {
			responder.close();
			await pbx.send([
				pbx.event({ type: 'agent.logout', agentId: hungUp }),
				pbx.event({ type: 'agent.logout', agentId: unheard })
			]);
		}
	});
});
