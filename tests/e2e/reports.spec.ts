import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { E2E } from '../../playwright.config';
import { expect, tag, test } from './fixtures';
import { COMPARE_DAY, REPORT_DAY, REPORT_QUEUE, reportHistoryNdjson } from './reports-seed';

const auth = { authorization: `Bearer ${E2E.apiToken}` };
const REPORT = `/reports?from=${REPORT_DAY.date}&view=q:${REPORT_QUEUE}&size=30&lang=en`;

async function signIn(page: Page, target: string, who = E2E.admin): Promise<void> {
	await page.goto(target);
	await expect(page).toHaveURL(/\/login\?/);
	await page.locator('input[name="username"]').fill(who.username);
	await page.locator('input[name="password"]').fill(who.password);
	await page.locator('button[type="submit"]').click();
	await expect(page).not.toHaveURL(/\/login/);
}

async function numberOf(page: Page, testId: string, attribute = 'data-value'): Promise<number> {
	return Number(await page.getByTestId(testId).getAttribute(attribute));
}

/** Minimal RFC 4180 reading for the export: no field in these rows holds a comma or a quote. */
function parseCsv(text: string): Record<string, string>[] {
	const [header, ...lines] = text
		.replace(/^\uFEFF/, '')
		.trimEnd()
		.split('\r\n');
	const names = header!.split(',');
	return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i]!, v])));
}

test.describe('report page', () => {
	// Once per run: re-importing the same file changes nothing, so a retry sees the same history.
	test.beforeAll(async ({ playwright }) => {
		const api = await playwright.request.newContext({ baseURL: E2E.baseUrl });
		const imported = await api.post('/api/v1/import', { headers: auth, data: reportHistoryNdjson() });
		expect(imported.ok()).toBe(true);
		expect(((await imported.json()) as { problemCount: number }).problemCount).toBe(0);
		await api.dispose();
	});

	test('sends anonymous visitors to sign in and back to the report, in English or zh-CN by default', async ({
		page
	}) => {
		await signIn(page, REPORT);
		await expect(page).toHaveURL(new RegExp(`/reports\\?from=${REPORT_DAY.date}`));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Staffing review');
		await page.goto(REPORT.replace('&lang=en', ''));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('坐席配置复盘');
	});

	test('lets a manager read the report and refuses a supervisor', async ({ page, browser }) => {
		const password = 'report-test-password';
		const manager = { username: `mgr-${tag()}`, password };
		const supervisor = { username: `sup-${tag()}`, password };
		await signIn(page, '/admin/users');
		const form = page.getByTestId('create-user');
		for (const [who, role] of [
			[manager, 'manager'],
			[supervisor, 'supervisor']
		] as const) {
			await form.locator('input[name="username"]').fill(who.username);
			await form.locator('input[name="password"]').fill(who.password);
			await form.locator('input[name="displayName"]').fill(who.username);
			await form.locator('select[name="role"]').selectOption(role);
			if (role === 'supervisor') await form.locator('input[name="teams"]').first().check();
			await form.locator('button[type="submit"]').click();
			await expect(page.locator(`[data-testid="user-row"][data-username="${who.username}"]`)).toBeVisible();
		}

		const managerContext = await browser.newContext({ baseURL: E2E.baseUrl });
		const managerPage = await managerContext.newPage();
		await signIn(managerPage, REPORT, manager);
		await expect(managerPage.getByTestId('report-summary-offered')).toBeVisible();
		await managerContext.close();

		const supervisorContext = await browser.newContext({ baseURL: E2E.baseUrl });
		const supervisorPage = await supervisorContext.newPage();
		await signIn(supervisorPage, REPORT, supervisor);
		const refused = await supervisorPage.goto(REPORT);
		expect(refused?.status()).toBe(403);
		expect(
			(await supervisorPage.request.get(`/reports/export?from=${REPORT_DAY.date}&format=csv`)).status()
		).toBe(403);
		await supervisorContext.close();
	});

	test('draws the day on shared axes with a table whose totals are the summary’s and the API’s', async ({
		page,
		request
	}) => {
		await signIn(page, REPORT);
		for (const chart of ['volume', 'rates', 'staffing', 'occupancy']) {
			await expect(page.getByTestId(`report-chart-${chart}`)).toBeVisible();
		}
		await expect(page.getByTestId('report-line-ar')).toHaveAttribute('d', /^M/);
		await expect(page.getByTestId('report-line-staffed')).toHaveAttribute('d', /^M/);
		// The rush from 10:00 outran six agents: intervals missed the target and the floor was short.
		expect(await numberOf(page, 'report-missed', 'data-count')).toBeGreaterThan(0);
		expect(await numberOf(page, 'report-gap-short', 'data-count')).toBeGreaterThan(0);
		await expect(page.getByTestId('report-gap-short')).toHaveAttribute('d', /^M/);
		await expect(page.getByTestId('report-worst').locator('li').first()).toContainText('10:');

		const offered = await numberOf(page, 'report-summary-offered');
		expect(offered).toBeGreaterThan(100);
		expect(await numberOf(page, 'report-total-offered')).toBe(offered);
		const cells = await page
			.locator('[data-testid="report-row"] td[data-col="offered"]')
			.evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-value'))));
		expect(cells.reduce((a, b) => a + b, 0)).toBe(offered);

		const api = await request.get(`/api/v1/reports/summary?date=${REPORT_DAY.date}&size=30`, {
			headers: auth
		});
		const body = (await api.json()) as {
			scopes: { queueId: string | null; scope: string; offered: number }[];
		};
		const queue = body.scopes.find((s) => s.scope === 'queue' && s.queueId === REPORT_QUEUE);
		expect(queue?.offered).toBe(offered);
	});

	test('sorts the table by a column, worst answer rate last when descending', async ({ page }) => {
		await signIn(page, REPORT);
		await page.getByTestId('report-sort-answerRate').click();
		await expect(page.getByTestId('report-table')).toHaveAttribute('data-sort', 'answerRate:desc');
		const rates = await page
			.locator('[data-testid="report-row"] td[data-col="answerRate"]')
			.evaluateAll((tds) =>
				tds.map((td) => td.getAttribute('data-value')).filter((v) => v !== null && v !== '')
			);
		const values = rates.map(Number);
		expect(values).toEqual([...values].sort((a, b) => b - a));
		await page.getByTestId('report-sort-answerRate').click();
		await expect(page.getByTestId('report-table')).toHaveAttribute('data-sort', 'answerRate:asc');
	});

	test('predicts a higher service level with five more agents in the rush, as the what-if API does', async ({
		page,
		request
	}) => {
		await signIn(page, REPORT);
		await page.getByTestId('report-what-if-delta').fill('5');
		await page.getByTestId('report-what-if-from').fill('10:00');
		await page.getByTestId('report-what-if-to').fill('11:00');
		await page.getByTestId('report-what-if-submit').click();
		await expect(page.getByTestId('report-predicted-sl')).toHaveAttribute('d', /^M/);

		const api = await request.get(
			`/api/v1/reports/what-if?date=${REPORT_DAY.date}&queue=${REPORT_QUEUE}&size=30&delta=%2B5&from=10:00&to=11:00`,
			{ headers: auth }
		);
		const rows = (
			(await api.json()) as {
				rows: {
					startMs: number;
					changed: boolean;
					modelServiceLevel: number;
					predictedServiceLevel: number;
				}[];
			}
		).rows;
		const rush = rows.find((r) => r.changed)!;
		expect(rush.predictedServiceLevel).toBeGreaterThan(rush.modelServiceLevel);
		const cell = page.locator(
			`[data-testid="report-row"][data-start="${rush.startMs}"] td[data-col="predictedServiceLevel"]`
		);
		expect(Number(await cell.getAttribute('data-value'))).toBeCloseTo(rush.predictedServiceLevel, 9);
		await expect(page.locator('[data-testid="report-row"].changed')).toHaveCount(
			rows.filter((r) => r.changed).length
		);
	});

	test('draws a week-before day on the same axes', async ({ page }) => {
		await signIn(page, REPORT);
		await page.getByTestId('report-compare-last-week').click();
		await expect(page).toHaveURL(new RegExp(`compare=${COMPARE_DAY.date}`));
		await expect(page.getByTestId('report-compare-ar')).toHaveAttribute('d', /^M/);
		await expect(page.getByTestId('report-volume-compare')).toHaveAttribute('d', /^M/);
		await expect(page.getByTestId('report-summary-compare')).toBeVisible();
	});

	test('downloads a CSV that parses to the same totals as the page', async ({ page }) => {
		await signIn(page, REPORT);
		const offered = await numberOf(page, 'report-summary-offered');
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByTestId('report-export-csv').click()
		]);
		const text = await readFile((await download.path())!, 'utf8');
		expect(text.startsWith('\uFEFF')).toBe(true);
		const rows = parseCsv(text);
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.every((r) => r.queueId === REPORT_QUEUE)).toBe(true);
		expect(rows.reduce((sum, r) => sum + Number(r.offered), 0)).toBe(offered);
	});
});
