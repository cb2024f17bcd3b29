import { E2E } from '../../playwright.config';
import { startApp, type AppHandle } from '../support/app-server';
import { freePort } from '../support/redis-server';
import { TestPlatform } from '../support/platform';
import { ev, expect, expectLive, readCount, tag, test, wall } from './fixtures';

/**
 * A TV on the wall outlives a server restart (a deploy, a crash, a reboot of the box) by itself: the
 * board goes offline while nobody answers, comes back on the restarted server without a reload, and
 * shows what happened on the floor while the server was down (the restarted server replays the log).
 * The server here is one of this test's own, on the e2e Redis under a prefix of its own, because the
 * shared one must stay up for the other specs.
 */
test('a wallboard rides out a server restart and catches up without a reload', async ({ page }) => {
	test.setTimeout(120_000);
	const prefix = `e2e-restart-${tag()}`;
	const env = { REDIS_URL: E2E.redisUrl, CC_PREFIX: prefix, WS_TICK_MS: '100' };
	const port = await freePort();
	const pbx = new TestPlatform(E2E.redisUrl, { prefix, source: `pbx-${tag()}`, writeLog: true });
	let app: AppHandle | null = await startApp(env, { port });
	try {
		const w = wall(page);
		const agent = `ag-${tag()}`;
		await page.goto(`${app.baseUrl}/wall/default`);
		await pbx.send([pbx.event(ev.login(agent, ['aftersales-voice']))]);
		await expectLive(page);
		await expect.poll(() => readCount(w.tile('agents-not-ready'))).toBe(1);
		await expect(w.tile('agents-available')).toHaveText('0');
		// Marks this page instance: a reload would lose it.
		await page.evaluate(() => ((window as unknown as { beforeRestart: boolean }).beforeRestart = true));

		await app.stop();
		app = null;
		await expect(w.status).toHaveAttribute('data-state', 'offline');
		await expect(w.overlay).toHaveAttribute('data-state', 'offline');

		// The floor moves on while no server listens: the event is only in the platform's log for now.
		await pbx.send([pbx.event(ev.ready(agent))], { publish: false });
		await page.waitForTimeout(2_000); // a few reconnect attempts against a closed port

		app = await startApp(env, { port });
		// Caught up from the log by the restarted server, with no one touching the TV.
		await expect(w.status).not.toHaveAttribute('data-state', 'offline', { timeout: 30_000 });
		await expect(w.tile('agents-available')).toHaveText('1');
		await expect(w.tile('agents-not-ready')).toHaveText('0');
		// Nothing has arrived live since the restart, so the board says stale rather than live; the next
		// event of a working floor makes it live.
		await pbx.send([pbx.event(ev.login(`ag-${tag()}`, ['aftersales-voice']))]);
		await expectLive(page);
		await expect(w.tile('agents-not-ready')).toHaveText('1');
		expect(await page.evaluate(() => (window as unknown as { beforeRestart?: boolean }).beforeRestart)).toBe(
			true
		);
	} finally {
		await app?.stop();
		await pbx.close();
	}
});
