import { ev, expect, expectLive, readCount, SECOND_MS, SocketLink, tag, test, wall } from './fixtures';

// How the board decides it may call its figures current (src/lib/client/connection-state.ts):
// offline when the socket is down or no frame came for 5 s; recovering while the server reports a gap
// (freshness.gapOpen) or the client awaits a snapshot; stale when the server has received no event for
// 10 s by its own clock; live otherwise. Heartbeats every 2 s carry the server's freshness.

test.describe('freshness', () => {
	test('shows the stale state when the event stream stops, and clears it on the next event', async ({
		page,
		platform
	}) => {
		const pbx = platform();
		const w = wall(page);
		const agent = `ag-${tag()}`;
		await page.goto('/wall/default');
		await pbx.send([pbx.event(ev.login(agent, ['orders-voice']))]);
		await expectLive(page);

		// Nothing more is published: after 10 s without an event the server's heartbeats say so.
		await expect(w.status).toHaveAttribute('data-state', 'stale', { timeout: 20 * SECOND_MS });
		await expect(w.overlay).toHaveAttribute('data-state', 'stale');
		await expect(w.overlayLabel).toHaveText('数据已过期');
		// The age shown is the stream's, not the last heartbeat's.
		await expect
			.poll(async () => Number(await w.updated.getAttribute('data-age-sec')))
			.toBeGreaterThanOrEqual(10);
		// The last known figures stay on the wall under the overlay.
		await expect(w.tile('agents-not-ready')).toBeVisible();

		const available = await readCount(w.tile('agents-available'));
		await pbx.send([pbx.event(ev.ready(agent))]);
		await expectLive(page);
		await expect(w.tile('agents-available')).toHaveText(String(available + 1));
		await expect.poll(async () => Number(await w.updated.getAttribute('data-age-sec'))).toBeLessThan(10);
	});

	test('shows the gap state until the requested snapshot arrives, then applies it', async ({
		page,
		platform,
		commands
	}) => {
		// No log entries: the missing events cannot be read back, so the server must ask for a snapshot.
		const pbx = platform({ writeLog: false });
		const w = wall(page);
		const [g1, g2] = [`ag-${tag()}`, `ag-${tag()}`];
		await page.goto('/wall/default');
		await pbx.send([pbx.event(ev.login(g1, ['presales-chat']))]);
		await expectLive(page);
		const available = await readCount(w.tile('agents-available'));

		// seq jumps by 5: four events were "lost" on the way.
		pbx.seq += 4;
		await pbx.send([pbx.event(ev.ready(g1))]);

		await expect.poll(() => commands.count('snapshot.request')).toBeGreaterThanOrEqual(1);
		expect(commands.received.find((c) => c.type === 'snapshot.request')?.issuedBy).toBe('wallboard');
		await expect(w.status).toHaveAttribute('data-state', 'recovering');
		await expect(w.overlay).toHaveAttribute('data-state', 'recovering');
		await expect(w.overlayLabel).toHaveText('正在恢复');
		// The event after the gap is held back until the picture is whole again.
		await expect(w.tile('agents-available')).toHaveText(String(available));

		// The platform answers with the whole floor: two ready agents and one chat waiting.
		const now = Date.now();
		await pbx.send([
			pbx.event({
				type: 'floor.snapshot' as const,
				asOf: now,
				agents: [g1, g2].map((agentId) => ({
					agentId,
					name: agentId,
					teamId: 'e2e-team',
					queues: ['presales-chat'],
					state: 'ready' as const,
					reason: null,
					since: now - 60 * SECOND_MS
				})),
				contacts: [
					{
						contactId: `c-${tag()}`,
						queueId: 'presales-chat',
						channel: 'chat' as const,
						status: 'queued' as const,
						since: now - 20 * SECOND_MS,
						queuedAt: now - 20 * SECOND_MS
					}
				]
			})
		]);

		await expectLive(page);
		// A snapshot replaces the live picture: exactly what it lists.
		await expect(w.tile('agents-available')).toHaveText('2');
		await expect(w.tile('agents-not-ready')).toHaveText('0');
		await expect(w.tile('waiting')).toHaveText('1');
		await expect(w.cell('presales-chat', 'waiting')).toHaveText('1');
	});

	test('shows offline when the link goes silent, and live again once frames flow', async ({
		page,
		platform
	}) => {
		const pbx = platform();
		const link = new SocketLink();
		await link.attach(page);
		const w = wall(page);
		await page.goto('/wall/default');
		await pbx.send([pbx.event(ev.login(`ag-${tag()}`, ['aftersales-voice']))]);
		await expectLive(page);

		// A half-open link: the socket stays open but no frame (not even a heartbeat) arrives.
		link.silence();
		await expect(w.status).toHaveAttribute('data-state', 'offline', { timeout: 15 * SECOND_MS });
		await expect(w.overlay).toHaveAttribute('data-state', 'offline');
		await expect(w.overlayLabel).toHaveText('连接中断');
		await expect(w.tile('agents-not-ready')).toBeVisible();

		link.restore();
		await pbx.send([pbx.event(ev.login(`ag-${tag()}`, ['aftersales-voice']))]);
		await expectLive(page);
	});

	test('shows offline at once when the connection drops, then reconnects and catches up', async ({
		page,
		platform
	}) => {
		const pbx = platform();
		const link = new SocketLink();
		await link.attach(page);
		const w = wall(page);
		const agent = `ag-${tag()}`;
		await page.goto('/wall/default');
		await pbx.send([pbx.event(ev.login(agent, ['aftersales-email']))]);
		await expectLive(page);
		const available = await readCount(w.tile('agents-available'));
		expect(link.attempts).toBe(1);

		await link.cut();
		await expect(w.status).toHaveAttribute('data-state', 'offline');
		await expect(w.overlay).toHaveAttribute('data-state', 'offline');

		// The floor moves on while the board cannot hear it.
		await pbx.send([pbx.event(ev.ready(agent))]);
		// It keeps retrying by itself (nobody presses reload on a wall TV).
		await expect.poll(() => link.refused).toBeGreaterThanOrEqual(1);
		await expect(w.status).toHaveAttribute('data-state', 'offline');
		await expect(w.tile('agents-available')).toHaveText(String(available));

		link.restore();
		await expectLive(page);
		await expect(w.tile('agents-available')).toHaveText(String(available + 1));
	});
});
