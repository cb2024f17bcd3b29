import { ev, expect, expectLive, readCount, tag, test, wall } from './fixtures';

test.describe('language', () => {
	test('renders the wallboard in Chinese by default', async ({ page }) => {
		const w = wall(page);
		await page.goto('/wall/default');
		await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
		await expect(w.root).toHaveAttribute('lang', 'zh-CN');
		await expect(w.tileLabel('waiting')).toHaveText('排队数');
		await expect(w.tileLabel('agents-available')).toHaveText('空闲坐席');
		await expect(page.getByTestId('board-title')).toHaveText('全中心实时看板');
		await expect(w.row('presales-voice').getByTestId('queue-presales-voice-name')).toHaveText('售前咨询');
		await expect(page.getByTestId('lang-toggle')).toHaveText('English');
	});

	test('switches to English with the toggle and back, without reopening the socket', async ({
		page,
		platform
	}) => {
		const pbx = platform();
		const w = wall(page);
		let sockets = 0;
		page.on('websocket', () => sockets++);
		const agent = `ag-${tag()}`;
		await page.goto('/wall/default');
		await pbx.send([pbx.event(ev.login(agent, ['presales-voice']))]);
		await expectLive(page);

		await page.getByTestId('lang-toggle').click();
		await expect(page).toHaveURL(/[?&]lang=en\b/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(w.tileLabel('waiting')).toHaveText('Waiting');
		await expect(page.getByTestId('board-title')).toHaveText('Whole centre');
		await expect(w.row('presales-voice').getByTestId('queue-presales-voice-name')).toHaveText('Pre-sales');
		await expect(w.status).toHaveText('Live');

		// Still the same socket, still live: a figure published now shows up.
		const available = await readCount(w.tile('agents-available'));
		await pbx.send([pbx.event(ev.ready(agent))]);
		await expect(w.tile('agents-available')).toHaveText(String(available + 1));
		expect(sockets).toBe(1);

		await page.getByTestId('lang-toggle').click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
		await expect(w.tileLabel('waiting')).toHaveText('排队数');
		expect(sockets).toBe(1);
	});

	test.describe('server render (no JavaScript)', () => {
		test.use({ javaScriptEnabled: false });

		test('renders English for ?lang=en (in any spelling) and Chinese without it', async ({ page }) => {
			const w = wall(page);
			await page.goto('/wall/default?lang=en');
			await expect(page.locator('html')).toHaveAttribute('lang', 'en');
			await expect(w.tileLabel('waiting')).toHaveText('Waiting');
			await expect(w.tileLabel('answer-rate')).toHaveText('Answer rate (today)');

			// Typed by hand into a TV's address bar: the document language follows the page's choice.
			await page.goto('/wall/default?lang=EN-us');
			await expect(page.locator('html')).toHaveAttribute('lang', 'en');
			await expect(w.tileLabel('waiting')).toHaveText('Waiting');

			await page.goto('/wall/default');
			await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
			await expect(w.tileLabel('waiting')).toHaveText('排队数');
		});
	});
});
