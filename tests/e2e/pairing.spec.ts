import { spawn, type ChildProcess } from 'node:child_process';
import type { Browser, BrowserContext, Page, TestInfo } from '@playwright/test';
import { E2E } from '../../playwright.config';
import type { TestPlatform } from '../support/platform';
import { nudge, putBoard } from './board-api';
import { ev, expect, expectLive, readCount, SECOND_MS, signIn, tag, test, wall } from './fixtures';

/**
 * TV pairing end to end in Chromium: a TV with no login shows a code, an admin binds it in
 * /admin/devices, and from then on the TV is a device (an HttpOnly cookie its page never sees) that
 * shows its board live, follows a rebind, survives reloads, a dropped cookie and a server restart, and
 * goes blank within seconds when revoked.
 */

const CODE_SHOWN = /^[A-Z0-9]{3} [A-Z0-9]{3}$/;

/** The code the TV shows, without its space. */
async function codeOn(tv: Page): Promise<string> {
	const shown = tv.getByTestId('pairing-code');
	await expect(shown).toHaveText(CODE_SHOWN);
	return (await shown.textContent())!.replace(/\s/g, '');
}

/** Types the code the way a person might (lower case, with a dash), names the TV and binds it. */
async function bind(admin: Page, code: string, name: string, boardId: string): Promise<void> {
	const form = admin.getByTestId('pair-form');
	await form.locator('input[name="code"]').fill(`${code.slice(0, 3).toLowerCase()}-${code.slice(3)}`);
	await form.locator('input[name="name"]').fill(name);
	await form.locator('select[name="boardId"]').selectOption(boardId);
	await form.getByRole('button', { name: 'Pair' }).click();
	await expect(admin.getByTestId('pair-notice')).toHaveText(`Paired ${name}`);
}

const deviceRow = (admin: Page, name: string) =>
	admin.locator(`[data-testid="device-row"][data-device-name="${name}"]`);

/** Publishes a harmless event every few seconds, so boards stay "live" through a long test. */
function keepFresh(pbx: TestPlatform): () => void {
	const timer = setInterval(() => void nudge(pbx).catch(() => undefined), 3 * SECOND_MS);
	return () => clearInterval(timer);
}

async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
	const path = testInfo.outputPath(`${name}.png`);
	await page.screenshot({ path });
	await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** The device cookie as the browser holds it, and what the page's script can see of it. */
async function deviceCookie(context: BrowserContext, tv: Page) {
	const cookie = (await context.cookies()).find((c) => c.name === 'cc_device') ?? null;
	const script = await tv.evaluate(() => ({
		cookie: document.cookie,
		storage: Object.values({ ...localStorage }).join('\n'),
		restoreKey: localStorage.getItem('wallboard.deviceRestore')
	}));
	return { cookie, script };
}

async function tvContext(browser: Browser, baseURL = E2E.baseUrl): Promise<BrowserContext> {
	return browser.newContext({ baseURL, viewport: { width: 1920, height: 1080 } });
}

test.describe('TV pairing', () => {
	test('a TV shows a code, is bound from /admin/devices, shows its board live, follows a rebind and goes blank on revoke', async ({
		browser,
		page: admin,
		request,
		platform
	}, testInfo) => {
		const id = tag();
		const pbx = platform();
		const [boardA, boardB] = [`pair-a-${id}`, `pair-b-${id}`];
		await putBoard(request, boardA, {
			title: { 'zh-CN': `订单 ${id}`, en: `Orders ${id}` },
			queues: ['orders-voice'],
			pages: [{ tiles: ['waiting', 'agents-available', 'answer-rate'] }]
		});
		await putBoard(request, boardB, {
			title: { 'zh-CN': `售前 ${id}`, en: `Presales ${id}` },
			queues: ['presales-voice'],
			pages: [{ tiles: ['csat', 'aht'] }]
		});
		const stopFresh = keepFresh(pbx);
		const context = await tvContext(browser);
		try {
			// The TV: no account, no cookie; a code to read across the room.
			const tv = await context.newPage();
			await tv.goto('/wall?lang=en');
			const firstCode = await codeOn(tv);
			await shoot(tv, testInfo, 'tv-pairing-code-1080p');

			// The admin, in a browser of their own, binds that code to board A.
			const name = `Floor 3 TV ${id}`;
			await signIn(admin, '/admin/devices?lang=en');
			await bind(admin, firstCode, name, boardA);

			// The TV goes to board A by itself and shows live figures.
			const w = wall(tv);
			await expect(tv).toHaveURL(new RegExp(`/wall/${boardA}\\?lang=en$`));
			await expect(w.root).toHaveAttribute('data-board-id', boardA);
			await expect(tv.getByTestId('board-title')).toHaveText(`Orders ${id}`);
			await expectLive(tv);
			const waiting = await readCount(w.tile('waiting'));
			await pbx.send([pbx.event(ev.queued(`c-${id}`, 'orders-voice'))]);
			await expect(w.tile('waiting')).toHaveText(String(waiting + 1));

			// Its credential is an HttpOnly cookie: the page's script sees neither it nor the token.
			const held = await deviceCookie(context, tv);
			expect(held.cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: false });
			// The server asks for ten years; Chromium keeps a cookie at most 400 days (each board load renews it).
			expect(held.cookie!.expires * 1000).toBeGreaterThan(Date.now() + 300 * 24 * 3600 * SECOND_MS);
			expect(held.script.cookie).not.toContain('cc_device');
			expect(held.script.storage).not.toContain(held.cookie!.value);
			expect(held.script.restoreKey).toBeTruthy();

			// The list shows it online, on board A, with data received just now.
			const row = deviceRow(admin, name);
			await expect(row).toHaveAttribute('data-state', 'online', { timeout: 15 * SECOND_MS });
			await expect(row.getByTestId('device-status')).toContainText('Online');
			await expect(row.getByTestId('device-board')).toHaveAttribute('data-board-id', boardA);
			await expect(row.getByTestId('device-board')).toContainText(`Orders ${id}`);
			await expect(row.getByTestId('device-last-data')).toContainText(/\d+ s ago/);
			await expect
				.poll(
					async () => Date.now() - Number(await row.getByTestId('device-last-data').getAttribute('data-ms'))
				)
				.toBeLessThan(30 * SECOND_MS);
			await shoot(admin, testInfo, 'admin-devices');

			// Rebind: the TV moves to board B without anyone touching it.
			await row.locator('select[name="boardId"]').selectOption(boardB);
			await row.getByRole('button', { name: 'Change board' }).click();
			await expect(tv).toHaveURL(new RegExp(`/wall/${boardB}\\?lang=en$`));
			await expect(w.root).toHaveAttribute('data-board-id', boardB);
			await expect(tv.getByTestId('tile-csat')).toBeVisible();
			await expectLive(tv);
			await expect(row.getByTestId('device-board')).toHaveAttribute('data-board-id', boardB);

			// A reload keeps it paired: its board again, no code.
			await tv.reload();
			await expect(w.root).toHaveAttribute('data-board-id', boardB);
			await expect(tv.getByTestId('pairing')).toHaveCount(0);

			// Revoke: the board goes blank within seconds and the TV asks to be paired again.
			await row.getByRole('button', { name: 'Revoke' }).click();
			await expect(w.root).toHaveCount(0, { timeout: 10 * SECOND_MS });
			await expect(tv.getByTestId('pairing')).toBeVisible();
			await expect(tv.getByTestId('pairing-code')).toHaveText(CODE_SHOWN);
			await expect(row.getByTestId('device-status')).toContainText('Revoked');

			// Reloaded after the revoke: a new code, not the board; no cookie and no restore key left.
			await tv.reload();
			const nextCode = await codeOn(tv);
			expect(nextCode).not.toBe(firstCode);
			await expect(w.root).toHaveCount(0);
			const after = await deviceCookie(context, tv);
			expect(after.cookie).toBeNull();
			expect(after.script.restoreKey).toBeNull();
		} finally {
			stopFresh();
			await context.close();
		}
	});

	test('a paired TV survives a reload, a dropped cookie and a server restart without pairing again', async ({
		browser,
		page: admin,
		request,
		platform
	}) => {
		const id = tag();
		const pbx = platform();
		const boardId = `pair-r-${id}`;
		await putBoard(request, boardId, {
			title: { 'zh-CN': `复联 ${id}`, en: `Restart ${id}` },
			queues: ['aftersales-voice'],
			pages: [{ tiles: ['waiting', 'agents-available'] }]
		});
		const stopFresh = keepFresh(pbx);
		// The TV is served by a replica of its own (same Redis, same devices), which this test restarts.
		const replica = new Replica();
		await replica.start();
		const context = await tvContext(browser, replica.baseUrl);
		try {
			const tv = await context.newPage();
			await tv.goto('/wall?lang=en');
			const code = await codeOn(tv);
			const name = `Lobby TV ${id}`;
			await signIn(admin, '/admin/devices?lang=en');
			await bind(admin, code, name, boardId);
			const w = wall(tv);
			await expect(w.root).toHaveAttribute('data-board-id', boardId);
			await expectLive(tv);

			// A reload: the same board, as the same device.
			await tv.reload();
			await expect(w.root).toHaveAttribute('data-board-id', boardId);
			await expectLive(tv);

			// The kiosk browser dropped its cookies: the page trades its restore key for a new cookie.
			const before = await deviceCookie(context, tv);
			await context.clearCookies();
			await tv.reload();
			await expect.poll(async () => (await deviceCookie(context, tv)).cookie?.value ?? null).not.toBeNull();
			const restored = await deviceCookie(context, tv);
			expect(restored.cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
			expect(restored.cookie!.value).not.toBe(before.cookie!.value);
			await expect(w.root).toHaveAttribute('data-board-id', boardId);
			await expectLive(tv);
			await expect(tv.getByTestId('pairing')).toHaveCount(0);

			// The server restarts: the TV shows it is offline, then reconnects by itself, still bound.
			await tv.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));
			await replica.stop();
			await expect(w.status).toHaveAttribute('data-state', 'offline', { timeout: 10 * SECOND_MS });
			await replica.start();
			await expectLive(tv, 40 * SECOND_MS);
			await expect(w.root).toHaveAttribute('data-board-id', boardId);
			expect(await tv.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');

			// One device all along, online on its board: never paired again.
			await admin.reload();
			const row = deviceRow(admin, name);
			await expect(row).toHaveCount(1);
			await expect(row).toHaveAttribute('data-state', 'online', { timeout: 20 * SECOND_MS });
			await expect(row.getByTestId('device-board')).toHaveAttribute('data-board-id', boardId);

			// And the socket it reconnected with is the device's: revoking it (from the other server) blanks it.
			await row.getByRole('button', { name: 'Revoke' }).click();
			await expect(w.root).toHaveCount(0, { timeout: 15 * SECOND_MS });
			await expect(tv.getByTestId('pairing-code')).toHaveText(CODE_SHOWN);
		} finally {
			stopFresh();
			await context.close();
			await replica.stop();
		}
	});
});

/**
 * A second server process on a fixed port next to the main one, on the same Redis and prefix: a
 * replica. Stopping and starting it again is a server restart as a TV sees one (its socket closes, the
 * address answers again a few seconds later).
 */
class Replica {
	readonly port = Number(process.env.E2E_REPLICA_PORT ?? Number(new URL(E2E.baseUrl).port) + 1);
	readonly baseUrl = `http://127.0.0.1:${this.port}`;
	#child: ChildProcess | null = null;
	#output = '';

	async start(): Promise<void> {
		const child = spawn(process.execPath, ['server/index.js'], {
			env: {
				...process.env,
				PORT: String(this.port),
				HOST: '127.0.0.1',
				REDIS_URL: E2E.redisUrl,
				CC_PREFIX: E2E.prefix,
				API_TOKENS: E2E.apiToken
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		this.#child = child;
		child.stdout?.on('data', (d: Buffer) => (this.#output += d.toString()));
		child.stderr?.on('data', (d: Buffer) => (this.#output += d.toString()));
		const deadline = Date.now() + 30 * SECOND_MS;
		for (;;) {
			if (child.exitCode !== null) throw new Error(`replica exited with ${child.exitCode}:\n${this.#output}`);
			const ready = await fetch(`${this.baseUrl}/readyz`).then(
				(res) => res.ok,
				() => false
			);
			if (ready) return;
			if (Date.now() > deadline) throw new Error(`replica not ready within 30 s:\n${this.#output}`);
			await new Promise((r) => setTimeout(r, 100));
		}
	}

	async stop(): Promise<void> {
		const child = this.#child;
		this.#child = null;
		if (!child || child.exitCode !== null) return;
		const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), 5 * SECOND_MS);
		await exited;
		clearTimeout(timer);
	}
}
