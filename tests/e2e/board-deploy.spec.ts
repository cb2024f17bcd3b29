import { nudge } from './board-api';
import { expect, expectLive, test } from './fixtures';

test('reloads by itself when the server says a new build is deployed', async ({ page, platform }) => {
	const pbx = platform();
	let connections = 0;
	await page.routeWebSocket(/\/ws$/, (ws) => {
		const server = ws.connectToServer();
		const first = ++connections === 1;
		server.onMessage((message) => {
			// The first page's socket hears of another build, as after a deploy; the reloaded page does not.
			if (first && typeof message === 'string' && message.includes('"hello.v1"')) {
				ws.send(message.replace(/"buildId":"[^"]*"/, '"buildId":"a-newer-build"'));
			} else ws.send(message);
		});
	});
	await nudge(pbx);
	await page.goto('/wall/default');
	await expectLive(page);
	await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'old page'));

	// While the reload is under way the old page's context is gone: that reads as "not yet", not a failure.
	const marker = () =>
		page
			.evaluate(() => (window as unknown as { marker?: string }).marker ?? 'reloaded')
			.catch(() => 'navigating');
	await expect.poll(marker, { timeout: 20_000 }).toBe('reloaded');
	await nudge(pbx);
	await expectLive(page);
	expect(connections).toBeGreaterThanOrEqual(2);
});
