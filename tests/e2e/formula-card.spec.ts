import { expect, test, wall } from './fixtures';

test.describe('formula cards', () => {
	test('opens the card behind a tile with its numerator and denominator, and closes on Escape', async ({
		page
	}) => {
		const w = wall(page);
		await page.goto('/wall/default');
		await expect(w.tile('answer-rate')).toBeVisible();

		await page.getByTestId('tile-answer-rate').click();
		const dialog = page.getByTestId('formula-dialog');
		await expect(dialog).toBeVisible();
		await expect(page.getByTestId('formula-card')).toHaveAttribute('data-figure', 'answer-rate');
		await expect(page.getByTestId('formula-card-formula')).not.toBeEmpty();
		await expect(page.getByTestId('formula-card-numerator')).toBeVisible();
		await expect(page.getByTestId('formula-card-denominator')).toBeVisible();
		await expect(page.getByTestId('formula-card-window')).toHaveAttribute('data-window', 'day');

		await page.keyboard.press('Escape');
		await expect(dialog).toBeHidden();
		await expect(page.getByTestId('tile-answer-rate')).toBeFocused();

		// The keyboard opens it too, for desk screens used without a mouse.
		// locator.press focuses the tile first: a live patch may have re-rendered it since Escape.
		await page.getByTestId('tile-answer-rate').press('Enter');
		await expect(dialog).toBeVisible();
	});
});
