import { ev, expect, expectLive, SECOND_MS, tag, test, wall } from './fixtures';

test.use({ viewport: { width: 1920, height: 1080 } });

test('fits a 1920×1080 screen with a busy floor, and saves a screenshot', async ({
	page,
	platform
}, testInfo) => {
	const pbx = platform();
	const w = wall(page);
	const agents = [1, 2, 3, 4, 5, 6].map(() => `ag-${tag()}`);
	await pbx.send(agents.map((a) => pbx.event(ev.login(a, ['presales-voice', 'aftersales-voice']))));
	await pbx.send([
		...agents.slice(0, 4).map((a) => pbx.event(ev.ready(a))),
		pbx.event(ev.notReady(agents[4]!, 'break')),
		pbx.event(ev.notReady(agents[5]!, 'lunch'))
	]);
	await pbx.send(
		[1, 2, 3].map((i) =>
			pbx.event(ev.queued(`c-${tag()}`, 'aftersales-voice'), Date.now() - i * 40 * SECOND_MS)
		)
	);

	await page.goto('/wall/default');
	await expectLive(page);
	for (const id of ['waiting', 'longest-wait', 'answer-rate', 'service-level', 'agents-available']) {
		await expect(page.getByTestId(`tile-${id}`)).toBeInViewport({ ratio: 1 });
	}
	await expect(page.getByTestId('queue-table')).toBeInViewport({ ratio: 1 });
	// Nothing spills past the screen: a wall TV has no scroll bars.
	const overflow = await page.evaluate(() => ({
		x: document.documentElement.scrollWidth - window.innerWidth,
		y: document.documentElement.scrollHeight - window.innerHeight
	}));
	expect(overflow).toEqual({ x: 0, y: 0 });

	const path = testInfo.outputPath('wallboard-1920x1080.png');
	await page.screenshot({ path, fullPage: false });
	await testInfo.attach('wallboard at 1920×1080', { path, contentType: 'image/png' });
	await expect(w.root).toBeVisible();
});
