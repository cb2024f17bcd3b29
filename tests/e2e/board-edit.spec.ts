import { expect, expectLive, tag, test, wall } from './fixtures';
import { E2E } from '../../playwright.config';
import { nudge, putBoard } from './board-api';

test.describe('board edits', () => {
	test('an edit saved through the API reaches an open wallboard without a reload', async ({
		page,
		request,
		platform
	}) => {
		await nudge(platform());
		const boardId = `edit-${tag()}`;
		await putBoard(request, boardId, {
			title: { 'zh-CN': '编辑前', en: 'Before' },
			pages: [{ tiles: ['waiting', 'queue-table'] }]
		});
		const w = wall(page);
		await page.goto(`/wall/${boardId}?lang=en`);
		await expectLive(page);
		await expect(page.getByTestId('tile-waiting')).toBeVisible();
		await expect(page.getByTestId('tile-csat')).toHaveCount(0);
		// Survives only as long as the page is not reloaded.
		await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));

		const { version } = await putBoard(request, boardId, {
			title: { 'zh-CN': '编辑后', en: 'After' },
			pages: [{ tiles: ['csat', 'trend-answer-rate'] }],
			theme: 'light'
		});

		await expect(page.getByTestId('board-title')).toHaveText('After');
		await expect(page.getByTestId('tile-csat')).toBeVisible();
		await expect(page.getByTestId('tile-trend-answer-rate')).toBeVisible();
		await expect(page.getByTestId('queue-table')).toHaveCount(0);
		await expect(w.root).toHaveAttribute('data-theme', 'light');
		await expect(w.root).toHaveAttribute('data-board-version', String(version));
		expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
	});

	test('a rollback restores the earlier layout on the open wallboard', async ({ page, request }) => {
		const boardId = `roll-${tag()}`;
		await putBoard(request, boardId, { pages: [{ tiles: ['asa'] }] });
		await putBoard(request, boardId, { pages: [{ tiles: ['aht'] }] });
		await page.goto(`/wall/${boardId}`);
		await expect(page.getByTestId('tile-aht')).toBeVisible();

		const res = await request.post(`/api/v1/boards/${boardId}/rollback`, {
			headers: { authorization: `Bearer ${E2E.apiToken}` },
			data: { version: 1 }
		});
		expect(res.status()).toBe(200);
		expect(await res.json()).toMatchObject({ version: 3, restoredFrom: 1 });
		await expect(page.getByTestId('tile-asa')).toBeVisible();
		await expect(page.getByTestId('tile-aht')).toHaveCount(0);
	});

	test('the API refuses a board with an unknown tile and says which one', async ({ request }) => {
		const res = await request.put(`/api/v1/boards/bad-${tag()}`, {
			headers: { authorization: `Bearer ${E2E.apiToken}` },
			data: { title: { 'zh-CN': 'x' }, ownerTeamId: 'sq-campus', pages: [{ tiles: ['waiting', 'hologram'] }] }
		});
		expect(res.status()).toBe(400);
		expect(await res.json()).toMatchObject({ parameter: 'pages.0.tiles.1' });
		const anonymous = await request.get('/api/v1/boards/default');
		expect(anonymous.status()).toBe(401);
	});
});
