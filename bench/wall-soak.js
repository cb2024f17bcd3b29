// Keeps a wallboard open under load for a long spell and prints JS heap and DOM node counts at the
// start and the end (after a forced GC), to show the page holds steady memory over hours on a TV.
// Runs on demand, not in the test suite.
// Usage: npm run build && node bench/wall-soak.js [minutes=10] [boardId=default]
import { launchBrowser, memory, startWallServer } from './wall-harness.js';
import { sleep } from './lib/proc.js';

const minutes = Number(process.argv[2] ?? 10);
const boardId = process.argv[3] ?? 'default';
const server = await startWallServer({ SIM_AGENTS: '3000', SIM_SPEED: '30', WS_TICK_MS: '250' });
const browser = await launchBrowser();
try {
	const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
	await page.goto(`${server.baseUrl}/wall/${boardId}`);
	await page.waitForSelector('[data-testid="board-status"][data-state="live"]', { timeout: 30_000 });
	await sleep(5000);
	const start = await memory(page);
	const line = (/** @type {string} */ label, /** @type {Awaited<ReturnType<typeof memory>>} */ m) =>
		console.log(`${label}: heap ${m.heapMB.toFixed(1)} MB, ${m.nodes} DOM nodes, ${m.listeners} listeners`);
	line('start', start);
	const endAt = Date.now() + minutes * 60_000;
	while (Date.now() < endAt) {
		await sleep(Math.min(60_000, endAt - Date.now()));
		const state = await page.getAttribute('[data-testid="board-status"]', 'data-state');
		const m = await memory(page);
		console.log(
			`  +${Math.round((Date.now() - endAt) / 60_000 + minutes)} min: ${state}, heap ${m.heapMB.toFixed(1)} MB, ${m.nodes} nodes`
		);
	}
	const end = await memory(page);
	line('end', end);
	console.log(
		`change: heap ${(end.heapMB - start.heapMB).toFixed(1)} MB, DOM nodes ${end.nodes - start.nodes}`
	);
} finally {
	await browser.close();
	await server.stop();
}
