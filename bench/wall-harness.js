// Shared by the wallboard benches: the built server in the embedded mode (its simulator is the
// publisher), on a free port, stopped by its own PID; and Chromium driven by Playwright.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { freePort, ROOT, serverNodeFlags, sleep } from './lib/proc.js';

/**
 * Starts `node server/index.js` with the simulator publishing; resolves once /readyz answers.
 * @param {Record<string, string>} env
 */
export async function startWallServer(env = {}) {
	if (!existsSync(path.join(ROOT, 'build/index.js'))) throw new Error('run `npm run build` first');
	const port = await freePort();
	const { REDIS_URL: _ignored, ...inherited } = process.env;
	const child = spawn(process.execPath, [...serverNodeFlags(), 'server/index.js'], {
		cwd: ROOT,
		env: {
			...inherited,
			PORT: String(port),
			HOST: '127.0.0.1',
			API_TOKENS: 'bench-token-0123456789',
			...env
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const baseUrl = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 300; i++) {
		if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
		try {
			if ((await fetch(`${baseUrl}/readyz`)).ok) break;
		} catch {
			// not listening yet
		}
		await sleep(100);
	}
	return {
		baseUrl,
		async stop() {
			if (child.exitCode !== null) return;
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
			await exited;
			clearTimeout(timer);
		}
	};
}

export async function launchBrowser() {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking']
	});
}

/** JS heap in use and DOM nodes, after a forced garbage collection, through the DevTools protocol. */
export async function memory(/** @type {import('@playwright/test').Page} */ page) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('HeapProfiler.collectGarbage');
	await cdp.send('Performance.enable');
	const { metrics } = await cdp.send('Performance.getMetrics');
	const get = (/** @type {string} */ name) => metrics.find((m) => m.name === name)?.value ?? NaN;
	await cdp.detach();
	return {
		heapMB: get('JSHeapUsedSize') / 1024 / 1024,
		nodes: get('Nodes'),
		listeners: get('JSEventListeners')
	};
}
