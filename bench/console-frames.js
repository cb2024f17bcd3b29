// The supervisor console in Chromium with a team of 500 agents and hundreds of updates a second.
// A private redis-server and the built server (Redis mode) on free ports; this script plays the
// platform: it answers the server's snapshot.request with the centre model's floor (every agent in one
// team), then publishes the model's agent and contact events at --rate per second as JSON-array
// batches every 10 ms. A supervisor of that team signs in and opens /console; the page measures, with
// requestAnimationFrame and a 'longtask' PerformanceObserver, frames per second, dropped frames (a gap
// of n frame periods counts n − 1), long frames (> 50 ms), long tasks, the agent rows in the DOM and
// the JS heap: first with the list still (--seconds), then while it scrolls up and down (--scroll).
//
// Needs `npm run build` first. Usage:
//   node bench/console-frames.js [--rate 400] [--seconds 30] [--scroll 15] [--agents 500] [--profile out.cpuprofile]
// --profile writes a V8 CPU profile of the page during the scrolling window (open it in DevTools).
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { CentreModel } from './lib/centre-model.js';
import {
	freePort,
	killAllSync,
	redisServerArgs,
	ROOT,
	serverNodeFlags,
	sleep,
	spawnNode,
	stopAll,
	BENCH_DIR
} from './lib/proc.js';
import { launchBrowser, memory } from './wall-harness.js';

const { values } = parseArgs({
	options: {
		rate: { type: 'string' },
		seconds: { type: 'string' },
		scroll: { type: 'string' },
		agents: { type: 'string' },
		profile: { type: 'string' }
	}
});
const RATE = Number(values.rate ?? 400);
const STILL_SECS = Number(values.seconds ?? 30);
const SCROLL_SECS = Number(values.scroll ?? 15);
const AGENTS = Number(values.agents ?? 500);
const TEAM = 't1-voice-a';
const PREFIX = `benchcon${process.pid}`;
const TOKEN = randomBytes(18).toString('base64url');
const ADMIN = { username: 'bench-admin', password: 'bench-admin-password' };
const SUPERVISOR = { username: 'bench.sup', password: 'bench-sup-password' };
const MAX_SECS = 60 + 2 * (STILL_SECS + SCROLL_SECS);

const guard = path.join(BENCH_DIR, 'lib', 'guard.js');
const work = mkdtempSync(path.join(os.tmpdir(), 'console-frames-'));
const log = (/** @type {string} */ name) => createWriteStream(path.join(work, `${name}.log`));
process.on('exit', killAllSync);

const setup = JSON.parse(readFileSync(path.join(ROOT, 'config/centre.example.json'), 'utf8'));
// Every agent in the one team the supervisor runs, on that team's queues.
const teamSetup = {
	queues: setup.queues,
	teams: setup.teams.filter((/** @type {{teamId: string}} */ t) => t.teamId === TEAM)
};
const model = new CentreModel({ setup: teamSetup, agents: AGENTS, rate: RATE, seed: 20261201 });

/** @type {import('@playwright/test').Browser | null} */
let browser = null;
let finished = false;
try {
	// 1. redis-server, private and without persistence.
	const redisPort = await freePort();
	const redisGuard = spawnNode('redis-server', guard, [MAX_SECS, 2000, ...redisServerArgs(redisPort)], {
		log: log('redis')
	});
	await redisGuard.wait('spawned', 5000);
	const redisOptions = { host: '127.0.0.1', port: redisPort, maxRetriesPerRequest: 3 };
	const pub = await connect(redisOptions);
	const sub = await connect(redisOptions);

	// 2. The platform answers the server's snapshot request with the model's floor.
	let snapshotSent = false;
	sub.on('message', (_channel, message) => {
		try {
			if (JSON.parse(message)?.type === 'snapshot.request') publishSnapshot();
		} catch {
			// not a command
		}
	});
	await sub.subscribe(`${PREFIX}:command`);
	const publishSnapshot = () => {
		snapshotSent = true;
		const { event } = model.snapshot(Date.now());
		void pub.publish(`${PREFIX}:agent`, JSON.stringify(event));
	};

	// 3. The built server, as in production.
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	const server = spawnNode(
		'server',
		guard,
		[MAX_SECS, 5000, process.execPath, ...serverNodeFlags(), 'server/index.js'],
		{
			env: {
				NODE_ENV: 'production',
				PORT: String(port),
				HOST: '127.0.0.1',
				REDIS_URL: `redis://127.0.0.1:${redisPort}`,
				CC_PREFIX: PREFIX,
				API_TOKENS: TOKEN,
				ADMIN_USERNAME: ADMIN.username,
				ADMIN_PASSWORD: ADMIN.password
			},
			log: log('server')
		}
	);
	await waitReady(base, server);
	if (!snapshotSent) publishSnapshot();

	// 4. A supervisor of the team, created by the admin.
	const admin = await signIn(base, ADMIN);
	const created = await form(
		base,
		'/admin/users?/create',
		{
			username: SUPERVISOR.username,
			password: SUPERVISOR.password,
			displayName: '主管 Bench',
			role: 'supervisor',
			teams: TEAM,
			audioEndpoint: 'sip:8012@pbx1'
		},
		admin
	);
	if (created.status !== 200) throw new Error(`creating the supervisor answered ${created.status}`);

	// 5. The platform publishes from now on, until the end.
	const publisher = startPublishing(pub);

	browser = await launchBrowser();
	const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
	const frames = { patches: 0, bytes: 0, rows: 0 };
	page.on('websocket', (ws) =>
		ws.on('framereceived', (f) => {
			if (typeof f.payload !== 'string' || !f.payload.startsWith('{"type":"team.patch.v1"')) return;
			frames.patches++;
			frames.bytes += Buffer.byteLength(f.payload);
			frames.rows += JSON.parse(f.payload).data.agents?.length ?? 0;
		})
	);
	await page.goto(`${base}/login?redirectTo=%2Fconsole`);
	await page.locator('input[name="username"]').fill(SUPERVISOR.username);
	await page.locator('input[name="password"]').fill(SUPERVISOR.password);
	await Promise.all([page.waitForURL(/\/console$/), page.locator('form button[type="submit"]').click()]);
	await page.waitForSelector(`[data-testid="agent-count"][data-total="${AGENTS}"]`, { timeout: 30_000 });
	await page.waitForSelector('[data-testid="connection-status"][data-status="live"]');
	await page.waitForTimeout(3000);

	// The side panel (radar, alerts) is not virtualized: its size is printed with the DOM figures.
	const panel = () =>
		page.evaluate(() => ({
			radar: document.querySelectorAll('[data-testid="radar-item"]').length,
			alerts: document.querySelectorAll('[data-testid="console-alert"]').length
		}));
	const panelStart = await panel();
	const heapStart = await memory(page);
	const still = await phase(page, frames, base, STILL_SECS, false);
	const heapMid = await memory(page);
	const profiler = values.profile ? await page.context().newCDPSession(page) : null;
	await profiler?.send('Profiler.enable');
	await profiler?.send('Profiler.start');
	const scrolling = await phase(page, frames, base, SCROLL_SECS, true);
	if (profiler && values.profile) {
		const { profile } = await profiler.send('Profiler.stop');
		writeFileSync(values.profile, JSON.stringify(profile));
		await profiler.detach();
	}
	// Back at the top, where the start was measured: the same rows in view, so nodes compare like for like.
	await page.getByTestId('agent-viewport').evaluate((el) => (el.scrollTop = 0));
	await page.waitForTimeout(1000);
	const heapEnd = await memory(page);
	const panelEnd = await panel();
	const published = publisher.stop();

	console.log(
		`console, ${AGENTS} agents in one team, 1920×1080, headless Chromium without GPU; ` +
			`published ${published.events} events in ${published.secs.toFixed(1)} s (${(published.events / published.secs).toFixed(0)}/s)`
	);
	for (const [name, r] of [
		['still', still],
		['scrolling', scrolling]
	]) {
		const m = /** @type {Awaited<ReturnType<typeof phase>>} */ (r);
		console.log(
			`${String(name).padEnd(9)} ${m.secs} s: server applied ${m.appliedPerSec.toFixed(0)} events/s; ` +
				`${m.patchesPerSec.toFixed(1)} patches/s (${m.rowsPerPatch.toFixed(0)} rows, ${m.kbPerPatch.toFixed(1)} kB each); ` +
				`${m.fps.toFixed(1)} fps (period ${m.period.toFixed(1)} ms), ${m.dropped} dropped (${m.droppedPct.toFixed(2)} %), ` +
				`${m.longFrames} frames > 50 ms, p99 ${m.p99.toFixed(1)} ms, worst ${m.worst.toFixed(1)} ms; ` +
				`${m.longTasks} long tasks (${m.longTaskMs.toFixed(0)} ms, longest ${m.longestTask.toFixed(0)} ms); ` +
				`main thread busy ${m.taskPct.toFixed(1)} % (script ${m.scriptPct.toFixed(1)} %, ${m.scriptMsPerPatch.toFixed(1)} ms a patch; style + layout ${m.renderPct.toFixed(1)} %); ` +
				`agent rows in the DOM ${m.rowsMin}-${m.rowsMax}${name === 'scrolling' ? `, scrolled ${m.scrolledPx} px` : ''}`
		);
	}
	console.log(
		`JS heap after GC: start ${heapStart.heapMB.toFixed(1)} MB, after still ${heapMid.heapMB.toFixed(1)} MB, end ${heapEnd.heapMB.toFixed(1)} MB; ` +
			`DOM nodes ${heapStart.nodes} → ${heapMid.nodes} → ${heapEnd.nodes}; listeners ${heapStart.listeners} → ${heapMid.listeners} → ${heapEnd.listeners}; ` +
			`side panel: radar items ${panelStart.radar} → ${panelEnd.radar}, alerts ${panelStart.alerts} → ${panelEnd.alerts}`
	);
	pub.disconnect();
	sub.disconnect();
	finished = true;
} finally {
	await browser?.close();
	await stopAll();
	// The servers' logs are kept only when something went wrong.
	if (finished) rmSync(work, { recursive: true, force: true });
	else console.error(`logs: ${work}`);
}

/**
 * One measurement window in the page: rAF deltas, long tasks, rows in the DOM; optionally scrolling the
 * agent list by 12 px a frame, turning at either end.
 * @param {import('@playwright/test').Page} page
 * @param {{patches: number, bytes: number, rows: number}} frames
 * @param {string} base
 * @param {number} secs
 * @param {boolean} scroll
 */
async function phase(page, frames, base, secs, scroll) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Performance.enable');
	const busy0 = await mainThread(cdp);
	const before = { ...frames, applied: await applied(base) };
	const m = await page.evaluate(
		async ({ ms, scroll }) => {
			const viewport = /** @type {HTMLElement} */ (document.querySelector('[data-testid="agent-viewport"]'));
			viewport.scrollTop = 0;
			const tasks = /** @type {number[]} */ ([]);
			const observer = new PerformanceObserver((list) => {
				for (const entry of list.getEntries()) tasks.push(entry.duration);
			});
			observer.observe({ type: 'longtask', buffered: false });
			const deltas = /** @type {number[]} */ ([]);
			let rowsMin = Infinity;
			let rowsMax = 0;
			let scrolledPx = 0;
			let direction = 1;
			let last = performance.now();
			await new Promise((resolve) => {
				const end = last + ms;
				const step = (/** @type {number} */ t) => {
					deltas.push(t - last);
					last = t;
					if (deltas.length % 10 === 0) {
						const rows = document.querySelectorAll('[data-testid="agent-row"]').length;
						rowsMin = Math.min(rowsMin, rows);
						rowsMax = Math.max(rowsMax, rows);
					}
					if (scroll) {
						const max = viewport.scrollHeight - viewport.clientHeight;
						if (viewport.scrollTop >= max - 1) direction = -1;
						else if (viewport.scrollTop <= 0) direction = 1;
						viewport.scrollTop += 12 * direction;
						scrolledPx += 12;
					}
					if (t < end) requestAnimationFrame(step);
					else resolve(undefined);
				};
				requestAnimationFrame(step);
			});
			observer.disconnect();
			const sorted = [...deltas].sort((a, b) => a - b);
			const period = sorted[Math.floor(sorted.length / 2)] ?? 16.7;
			const dropped = deltas.reduce((n, d) => n + Math.max(0, Math.round(d / period) - 1), 0);
			return {
				frames: deltas.length,
				period,
				dropped,
				longFrames: deltas.filter((d) => d > 50).length,
				p99: sorted[Math.floor(sorted.length * 0.99)] ?? 0,
				worst: sorted.at(-1) ?? 0,
				longTasks: tasks.length,
				longTaskMs: tasks.reduce((s, d) => s + d, 0),
				longestTask: Math.max(0, ...tasks),
				rowsMin: rowsMin === Infinity ? 0 : rowsMin,
				rowsMax,
				scrolledPx
			};
		},
		{ ms: secs * 1000, scroll }
	);
	const patches = frames.patches - before.patches;
	const busy1 = await mainThread(cdp);
	await cdp.detach();
	return {
		...m,
		taskPct: (100 * (busy1.task - busy0.task)) / secs,
		scriptPct: (100 * (busy1.script - busy0.script)) / secs,
		renderPct: (100 * (busy1.render - busy0.render)) / secs,
		scriptMsPerPatch: patches ? (1000 * (busy1.script - busy0.script)) / patches : 0,
		secs,
		fps: m.frames / secs,
		droppedPct: (100 * m.dropped) / (m.frames + m.dropped),
		appliedPerSec: ((await applied(base)) - before.applied) / secs,
		patchesPerSec: patches / secs,
		rowsPerPatch: patches ? (frames.rows - before.rows) / patches : 0,
		kbPerPatch: patches ? (frames.bytes - before.bytes) / patches / 1000 : 0
	};
}

/** The model's events at RATE per second, one batch per channel every 10 ms, until stopped. */
function startPublishing(/** @type {Redis} */ pub) {
	const t0 = Date.now();
	let sent = 0;
	const timer = setInterval(() => {
		const now = Date.now();
		const due = Math.floor(((now - t0) / 1000) * RATE) - sent;
		if (due <= 0) return;
		/** @type {Record<string, string[]>} */
		const batch = { agent: [], contact: [] };
		for (let i = 0; i < due; i++) {
			const { channel, event } = model.next(now);
			batch[channel]?.push(JSON.stringify(event));
		}
		const pipeline = pub.pipeline();
		for (const key of ['contact', 'agent']) {
			const items = batch[key] ?? [];
			if (items.length > 0) pipeline.publish(`${PREFIX}:${key}`, `[${items.join(',')}]`);
		}
		void pipeline.exec();
		sent += due;
	}, 10);
	return {
		stop() {
			clearInterval(timer);
			return { events: sent, secs: (Date.now() - t0) / 1000 };
		}
	};
}

/** Seconds the page's main thread spent in tasks, in script, and in style + layout, so far. */
async function mainThread(/** @type {import('@playwright/test').CDPSession} */ cdp) {
	const { metrics } = await cdp.send('Performance.getMetrics');
	const get = (/** @type {string} */ name) => metrics.find((x) => x.name === name)?.value ?? 0;
	return {
		task: get('TaskDuration'),
		script: get('ScriptDuration'),
		render: get('RecalcStyleDuration') + get('LayoutDuration')
	};
}

async function applied(/** @type {string} */ base) {
	const res = await fetch(`${base}/api/v1/ingest`, { headers: { authorization: `Bearer ${TOKEN}` } });
	if (!res.ok) throw new Error(`GET /api/v1/ingest: ${res.status}`);
	return /** @type {{stats: {eventsApplied: number}}} */ (await res.json()).stats.eventsApplied;
}

/** @param {import('ioredis').RedisOptions} options */
async function connect(options) {
	for (let i = 0; i < 100; i++) {
		const client = new Redis({ ...options, lazyConnect: true, retryStrategy: () => null });
		client.on('error', () => undefined);
		try {
			await client.connect();
			return client;
		} catch {
			client.disconnect();
			await sleep(100);
		}
	}
	throw new Error('redis-server did not come up');
}

async function waitReady(/** @type {string} */ base, /** @type {import('./lib/proc.js').Child} */ server) {
	for (let i = 0; i < 600; i++) {
		if (!server.isRunning()) throw new Error(`the server exited during start-up (see ${work}/server.log)`);
		const ok = await fetch(`${base}/readyz`).then(
			(r) => r.ok,
			() => false
		);
		if (ok) return;
		await sleep(100);
	}
	throw new Error('the server did not become ready');
}

/**
 * @param {string} base @param {string} route @param {Record<string, string>} fields @param {string} [cookie]
 */
function form(base, route, fields, cookie) {
	return fetch(`${base}${route}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html',
			origin: base,
			...(cookie ? { cookie } : {})
		},
		body: new URLSearchParams(fields)
	});
}

async function signIn(/** @type {string} */ base, /** @type {{username: string, password: string}} */ who) {
	const res = await form(base, '/login', who);
	const cookie = res.headers
		.getSetCookie()
		.find((c) => c.startsWith('cc_session='))
		?.split(';')[0];
	if (res.status !== 303 || !cookie) throw new Error(`signing in ${who.username} answered ${res.status}`);
	return cookie;
}
