// Renders a wallboard receiving 20 updates a second in Chromium and counts dropped frames.
// The built server's simulator publishes (a busy floor at speed), the hub ticks every 50 ms, and the page
// measures the time between animation frames; a gap of n frame periods counts n − 1 dropped frames.
// Usage: npm run build && node bench/wall-frames.js [seconds=20] [boardId=default]
import { launchBrowser, startWallServer } from './wall-harness.js';

const seconds = Number(process.argv[2] ?? 20);
const boardId = process.argv[3] ?? 'default';
const server = await startWallServer({ SIM_AGENTS: '3000', SIM_SPEED: '30', WS_TICK_MS: '50' });
const browser = await launchBrowser();
try {
	const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
	let patches = 0;
	page.on('websocket', (ws) =>
		ws.on('framereceived', (f) => {
			if (typeof f.payload === 'string' && f.payload.startsWith('{"type":"patch.v1"')) patches++;
		})
	);
	await page.goto(`${server.baseUrl}/wall/${boardId}`);
	await page.waitForSelector('[data-testid="board-status"][data-state="live"]', { timeout: 30_000 });
	await page.waitForTimeout(2000);
	const patchesBefore = patches;
	const result = await page.evaluate(async (ms) => {
		const deltas = [];
		let last = performance.now();
		await new Promise((resolve) => {
			const end = last + ms;
			const step = (/** @type {number} */ t) => {
				deltas.push(t - last);
				last = t;
				if (t < end) requestAnimationFrame(step);
				else resolve(undefined);
			};
			requestAnimationFrame(step);
		});
		const sorted = [...deltas].sort((a, b) => a - b);
		const period = sorted[Math.floor(sorted.length / 2)] ?? 16.7;
		const dropped = deltas.reduce((n, d) => n + Math.max(0, Math.round(d / period) - 1), 0);
		const p99 = sorted[Math.floor(sorted.length * 0.99)] ?? 0;
		return { frames: deltas.length, period, dropped, p99, worst: sorted.at(-1) ?? 0 };
	}, seconds * 1000);
	const rate = (patches - patchesBefore) / seconds;
	console.log(
		`${seconds} s at ${rate.toFixed(1)} patches/s: ${result.frames} frames (period ${result.period.toFixed(1)} ms), ` +
			`${result.dropped} dropped (${((100 * result.dropped) / (result.frames + result.dropped)).toFixed(2)} %), ` +
			`p99 frame ${result.p99.toFixed(1)} ms, worst ${result.worst.toFixed(1)} ms`
	);
} finally {
	await browser.close();
	await server.stop();
}
