import type { Page, TestInfo } from '@playwright/test';
import { nudge } from './board-api';
import { expect, expectLive, signIn, tag, test, wall } from './fixtures';

/**
 * The /admin/boards editor in Chromium: a board made and changed through the form alone (board-edit
 * covers the JSON API), its live preview, a wallboard that follows each save and a rollback without a
 * reload, and validation that names the fields to fix instead of failing.
 */

async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
	const path = testInfo.outputPath(`${name}.png`);
	await page.screenshot({ path, fullPage: true });
	await testInfo.attach(name, { path, contentType: 'image/png' });
}

const editor = (page: Page) => {
	const form = page.getByTestId('board-form');
	return {
		form,
		field: (name: string) => form.locator(`[name="${name}"]`),
		queue: (queueId: string) => form.locator(`input[name="queues"][value="${queueId}"]`),
		/** Saves; returns how the action answered (an enhanced form gets it as JSON: `redirect`, `failure`, `error`). */
		save: async () => {
			const answer = page.waitForResponse(
				(r) => r.request().method() === 'POST' && r.url().includes('/save')
			);
			await page.getByTestId('admin-save').click();
			const response = await answer;
			const body = (await response.json()) as { type: string; status?: number };
			return { type: body.type, status: body.status ?? response.status() };
		},
		preview: page.frameLocator('[data-testid="admin-preview"]'),
		notice: page.getByTestId('admin-notice'),
		issues: page.getByTestId('admin-issues')
	};
};

test.describe('board editor', () => {
	test.use({ viewport: { width: 1600, height: 1000 } });

	test('a board made and edited in the form previews live, reaches an open wallboard, and rolls back', async ({
		page: admin,
		browser,
		platform
	}, testInfo) => {
		const id = tag();
		const boardId = `ed-${id}`;
		const pbx = platform();
		await nudge(pbx);
		const e = editor(admin);

		// Create: name, queue, one page of tiles, English, dark.
		await signIn(admin, '/admin/boards?lang=en');
		await admin.getByTestId('admin-new-board').click();
		await expect(admin).toHaveURL(/\/admin\/boards\?new&lang=en$/);
		await e.field('boardId').fill(boardId);
		await e.field('titleZh').fill(`编辑 ${id}`);
		await e.field('titleEn').fill(`Editor ${id}`);
		await e.queue('orders-voice').check();
		await e.field('pages').fill('waiting, answer-rate, agents-available');
		await e.field('language').selectOption('en');
		await e.field('theme').selectOption('dark');
		expect(await e.save()).toEqual({ type: 'redirect', status: 303 });
		await expect(admin).toHaveURL(new RegExp(`board=${boardId}&saved=1&lang=en$`));
		await expect(e.notice).toHaveText('Saved version 1');
		await expect(admin.getByTestId(`admin-board-${boardId}`)).toHaveText(`Editor ${id}`);
		await expect(e.queue('orders-voice')).toBeChecked();
		await expect(e.preview.getByTestId('tile-answer-rate')).toBeVisible();

		// A TV (no account) showing the board.
		const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
		try {
			const tv = await context.newPage();
			const w = wall(tv);
			await tv.goto(`/wall/${boardId}`);
			await expectLive(tv);
			await expect(tv.getByTestId('board-title')).toHaveText(`Editor ${id}`);
			await expect(w.root).toHaveAttribute('data-board-version', '1');
			await expect(tv.getByTestId('tile-waiting')).toBeVisible();
			await tv.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));

			// Edit: two pages rotating every 10 s, light, Chinese. The preview follows before any save…
			await e.field('titleZh').fill(`编辑后 ${id}`);
			await e.field('pages').fill('csat, aht\nwaiting, queue-table');
			await e.field('rotationSec').fill('10');
			await e.field('theme').selectOption('light');
			await e.field('language').selectOption('zh-CN');
			await expect(e.preview.getByTestId('wallboard')).toHaveAttribute('data-theme', 'light');
			await expect(e.preview.getByTestId('board-page')).toBeVisible();
			await expect(e.preview.locator('[data-testid^="tile-"][data-testid$="-value"]').first()).toBeVisible();
			await expect(e.preview.locator('html')).toHaveAttribute('lang', 'zh-CN');
			// …and the TV does not: nothing is saved yet.
			await expect(w.root).toHaveAttribute('data-theme', 'dark');
			await expect(tv.getByTestId('tile-csat')).toHaveCount(0);
			await shoot(admin, testInfo, 'board-editor-draft');

			expect(await e.save()).toEqual({ type: 'redirect', status: 303 });
			await expect(e.notice).toHaveText('Saved version 2');
			// The TV picks the change up within seconds, without a reload.
			await expect(w.root).toHaveAttribute('data-board-version', '2');
			await expect(w.root).toHaveAttribute('data-theme', 'light');
			await expect(tv.getByTestId('board-title')).toHaveText(`编辑后 ${id}`);
			await expect(tv.locator('html')).toHaveAttribute('lang', 'zh-CN');
			await expect(tv.getByTestId('board-page')).toBeVisible();
			await expect(tv.getByTestId('tile-csat').or(tv.getByTestId('queue-table'))).toBeVisible();
			await nudge(pbx);
			await expectLive(tv);
			await shoot(tv, testInfo, 'board-editor-tv-v2');

			// Roll back to version 1 from the list of versions: the TV follows.
			const versions = admin.getByTestId('admin-version');
			await expect(versions).toHaveCount(2);
			await admin.getByTestId('admin-rollback-1').click();
			await expect(e.notice).toHaveText('Restored version 1 as version 3');
			await expect(versions).toHaveCount(3);
			await expect(versions.first()).toContainText('restores v1');
			await expect(e.field('pages')).toHaveValue('waiting, answer-rate, agents-available');
			await expect(w.root).toHaveAttribute('data-board-version', '3');
			await expect(w.root).toHaveAttribute('data-theme', 'dark');
			await expect(tv.getByTestId('board-title')).toHaveText(`Editor ${id}`);
			await expect(tv.getByTestId('tile-answer-rate')).toBeVisible();
			await expect(tv.getByTestId('tile-csat')).toHaveCount(0);
			await expect(tv.getByTestId('board-page')).toHaveCount(0);
			expect(await tv.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
		} finally {
			await context.close();
		}
	});

	test('says what to fix in the editor’s language: Chinese by default', async ({ page }) => {
		const e = editor(page);
		await signIn(page, '/admin/boards?new');
		await e.field('boardId').fill('Bad Id!');
		await e.field('titleZh').fill('坏');
		await e.field('pages').fill('waiting, hologram');
		await e.field('rotationSec').fill('fast');
		await e.field('thresholds').fill('{answerRate: red}');
		expect(await e.save()).toEqual({ type: 'failure', status: 400 });
		await expect(e.issues).toContainText('未保存');
		await expect(e.issues).toContainText('看板 ID 须为 1-32 个小写字母、数字或连字符');
		await expect(e.issues).toContainText('第 1 页第 2 个磁贴: 没有磁贴 "hologram"');
		await expect(e.issues).toContainText('填 5 到 3600 之间的整秒数');
		await expect(e.issues).toContainText('须为 JSON');
		await expect(e.issues).not.toContainText('unknown tile');
	});

	test('refuses bad input with a message per field, keeps what was typed, and never fails with a 500', async ({
		page
	}, testInfo) => {
		const id = tag();
		const e = editor(page);
		await signIn(page, '/admin/boards?new&lang=en');
		await e.field('boardId').fill('Bad Id!');
		await e.field('titleZh').fill(`坏 ${id}`);
		await e.field('pages').fill('waiting, hologram');
		await e.field('rotationSec').fill('fast');
		await e.field('thresholds').fill('{answerRate: red}');

		expect(await e.save()).toEqual({ type: 'failure', status: 400 });
		await expect(e.issues).toBeVisible();
		await expect(e.issues).toContainText('Not saved');
		await expect(e.issues).toContainText('Board id: board ids are 1-32 lowercase letters, digits and dashes');
		await expect(e.issues).toContainText('Page 1, tile 2: unknown tile "hologram"');
		await expect(e.issues).toContainText('Rotation: whole seconds between 5 and 3600');
		await expect(e.issues).toContainText('Threshold overrides: must be JSON');
		await expect(e.field('boardId')).toHaveAttribute('aria-invalid', 'true');
		await expect(e.field('pages')).toHaveAttribute('aria-invalid', 'true');
		// What was typed is still there to correct.
		await expect(e.field('boardId')).toHaveValue('Bad Id!');
		await expect(e.field('pages')).toHaveValue('waiting, hologram');
		await expect(e.field('rotationSec')).toHaveValue('fast');
		await shoot(page, testInfo, 'board-editor-errors');

		// Corrected, it saves.
		const boardId = `bad-${id}`;
		await e.field('boardId').fill(boardId);
		await e.field('pages').fill('waiting');
		await e.field('rotationSec').fill('');
		await e.field('thresholds').fill('{"answerRate":{"yellow":0.93,"red":0.9}}');
		expect(await e.save()).toEqual({ type: 'redirect', status: 303 });
		await expect(e.notice).toHaveText('Saved version 1');
		await expect(e.issues).toHaveCount(0);

		// A new board may not take an id in use: refused with a message, the existing board untouched.
		await page.getByTestId('admin-new-board').click();
		await e.field('boardId').fill(boardId);
		await e.field('titleZh').fill('重名');
		await e.field('pages').fill('csat');
		expect(await e.save()).toEqual({ type: 'failure', status: 409 });
		await expect(e.issues).toContainText(`Board id: a board "${boardId}" exists already`);
		await page.getByTestId(`admin-board-${boardId}`).click();
		await expect(e.field('pages')).toHaveValue('waiting');
		await expect(page.getByTestId('admin-version')).toHaveCount(1);
	});
});
