import { E2E } from '../../playwright.config';
import { expect, test } from './fixtures';

test.describe('staffing calculator', () => {
	test('opens on the worked example and recomputes as the load changes, with the API’s numbers', async ({
		page,
		request
	}) => {
		await page.goto('/staffing/calc');
		// 100 contacts per 30 min at 3 min AHT is 10 Erlangs; 80 % in 20 s with occupancy ≤ 85 % needs 14
		// agents, 20 scheduled at 30 % shrinkage.
		await expect(page.getByTestId('calc-result-traffic')).toHaveAttribute('data-value', '10');
		await expect(page.getByTestId('calc-result-required')).toHaveAttribute('data-value', '14');
		await expect(page.getByTestId('calc-result-scheduled')).toHaveAttribute('data-value', '20');
		await expect(page.getByTestId('calc-chart-line')).toBeVisible();

		await page.getByTestId('calc-input-arrivals').fill('200');
		await expect(page.getByTestId('calc-result-traffic')).toHaveAttribute('data-value', '20');
		const required = Number(await page.getByTestId('calc-result-required').getAttribute('data-value'));
		expect(required).toBeGreaterThan(14);

		const query = new URL(page.url()).search;
		const api = await request.get(`/api/v1/staffing/calc${query}`, {
			headers: { authorization: `Bearer ${E2E.apiToken}` }
		});
		expect(api.ok()).toBe(true);
		expect(((await api.json()) as { requiredAgents: number }).requiredAgents).toBe(required);
	});

	test('says which field is wrong instead of failing', async ({ page }) => {
		await page.goto('/staffing/calc?arrivals=-5&ahtSec=180&thresholdSec=20&targetServiceLevel=0.8');
		await expect(page.getByTestId('calc-error-arrivals')).toBeVisible();
		await expect(page.getByTestId('calc-results-pending')).toBeVisible();
		await expect(page.getByTestId('calc-result-required')).toHaveCount(0);
	});
});
