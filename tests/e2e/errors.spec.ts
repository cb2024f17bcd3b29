import { expect, test } from './fixtures';

test.describe('unknown board', () => {
	test('shows a not-found page in Chinese, not a server error', async ({ page }) => {
		const response = await page.goto('/wall/no-such-board');
		expect(response?.status()).toBe(404);
		const error = page.getByTestId('wall-error');
		await expect(error).toBeVisible();
		await expect(error).toHaveAttribute('data-status', '404');
		await expect(error.getByRole('heading', { level: 1 })).toHaveText('无法显示此看板');
		await expect(page.getByTestId('wall-error-detail')).toHaveText('看板“no-such-board”不存在或已被删除');
		// It retries by itself: nobody stands at a wall TV to press reload.
		await expect(page.getByTestId('wall-error-retry')).toHaveText(/^\d+ 秒后自动重试$/);
		await expect(page.getByTestId('wallboard')).toHaveCount(0);
	});

	test('shows the not-found page in English with ?lang=en', async ({ page }) => {
		const response = await page.goto('/wall/no-such-board?lang=en');
		expect(response?.status()).toBe(404);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByTestId('wall-error').getByRole('heading', { level: 1 })).toHaveText(
			'This board cannot be shown'
		);
		await expect(page.getByTestId('wall-error-detail')).toHaveText('There is no board "no-such-board"');
		await expect(page.getByRole('link', { name: 'All boards' })).toHaveAttribute('href', '/');
	});
});
