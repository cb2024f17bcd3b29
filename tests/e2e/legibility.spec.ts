import { ev, expect, expectLive, tag, test } from './fixtures';
import { putBoard } from './board-api';
import { layoutProblems } from './layout-checks';

const SIZES = [
	{ width: 1280, height: 720 },
	{ width: 1920, height: 1080 },
	{ width: 3840, height: 2160 }
];
const LANGS = ['zh-CN', 'en'] as const;

/** Eight figure tiles and no table: the board the ~6 % figure-height rule is about. */
const EIGHT_TILES = [
	'waiting',
	'longest-wait',
	'answer-rate',
	'answer-rate-15',
	'service-level',
	'abandoned',
	'agents-available',
	'csat'
];
const CHARTS = [
	'trend-answer-rate',
	'trend-waiting',
	'waiting',
	'vip-waiting',
	'repeat-rate',
	'aht',
	'alerts'
];

test.describe('legibility', () => {
	test.beforeAll(async ({ request }) => {
		await putBoard(request, 'legible-eight', { pages: [{ tiles: EIGHT_TILES }] });
		await putBoard(request, 'legible-charts', { pages: [{ tiles: CHARTS }], theme: 'light' });
	});

	test.beforeEach(async ({ platform }) => {
		// A queue seen only in events, with a long id for a name: the table must fit it, not cut it.
		const pbx = platform();
		await pbx.send([
			pbx.event(ev.queued(`c-${tag()}`, 'aftersales-returns-exchanges-and-warranty-claims-east-region'))
		]);
	});

	for (const size of SIZES) {
		for (const lang of LANGS) {
			for (const board of ['default', 'legible-eight', 'legible-charts']) {
				test(`${board} fills ${size.width}×${size.height} in ${lang} with nothing cut off or off screen`, async ({
					page
				}, testInfo) => {
					await page.setViewportSize(size);
					await page.goto(`/wall/${board}?lang=${lang}`);
					await expectLive(page);
					await page.evaluate(() => document.fonts.ready);
					expect(await layoutProblems(page)).toEqual([]);
					const path = testInfo.outputPath(`${board}-${size.width}x${size.height}-${lang}.png`);
					await page.screenshot({ path });
					await testInfo.attach(`${board} ${size.width}×${size.height} ${lang}`, {
						path,
						contentType: 'image/png'
					});
				});
			}
		}
	}

	test('draws the key figure of each of eight tiles at least 6 % of a 1080p screen tall', async ({
		page
	}) => {
		await page.setViewportSize({ width: 1920, height: 1080 });
		await page.goto('/wall/legible-eight?lang=en');
		await expectLive(page);
		for (const id of EIGHT_TILES) {
			const fontPx = await page
				.getByTestId(`tile-${id}-value`)
				.evaluate((el) => parseFloat(getComputedStyle(el.parentElement!).fontSize));
			expect(fontPx, id).toBeGreaterThanOrEqual(0.06 * 1080);
		}
	});
});
