import { ev, expect, expectLive, tag, test } from './fixtures';
import { nudge, putBoard } from './board-api';

test('a tile changes colour and shape as its figure crosses the board’s thresholds', async ({
	page,
	platform,
	request
}) => {
	// Only this test queues on aftersales-email; the board's own thresholds, not the queue's, colour it.
	const boardId = `thr-${tag()}`;
	await putBoard(request, boardId, {
		queues: ['aftersales-email'],
		pages: [{ tiles: ['waiting', 'longest-wait'] }],
		thresholds: { waiting: { yellow: 1, red: 3 } }
	});
	const pbx = platform();
	const tile = page.getByTestId('tile-waiting');
	const value = page.getByTestId('tile-waiting-value');
	const icon = tile.getByTestId('status-icon');
	const colour = () => value.evaluate((el) => getComputedStyle(el).color);

	await nudge(pbx);
	await page.goto(`/wall/${boardId}`);
	await expectLive(page);
	await expect(value).toHaveText('0');
	await expect(icon).toHaveAttribute('data-status', 'ok');
	const okColour = await colour();

	const contacts = [1, 2, 3].map(() => `c-${tag()}`);
	await pbx.send([pbx.event(ev.queued(contacts[0]!, 'aftersales-email', 'email'))]);
	await expect(value).toHaveText('1');
	await expect(icon).toHaveAttribute('data-status', 'warn');
	const warnColour = await colour();

	await pbx.send(contacts.slice(1).map((c) => pbx.event(ev.queued(c, 'aftersales-email', 'email'))));
	await expect(value).toHaveText('3');
	await expect(icon).toHaveAttribute('data-status', 'bad');
	const badColour = await colour();
	expect(new Set([okColour, warnColour, badColour]).size).toBe(3);

	// Leave the queue as found.
	await pbx.send(contacts.map((c) => pbx.event(ev.abandoned(c))));
	await expect(value).toHaveText('0');
});
