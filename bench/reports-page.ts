// The report page at its heaviest: a month of 15-min history for 20 queues (with channel and centre
// roll-ups) in a real redis-server, the built server in front of it, and Chromium opening the month for
// the centre and for one queue. Prints, per case, the best and median of the runs: the time from asking
// for the page to the charts and the table being drawn (server load, transfer, hydration, d3 geometry,
// SVG and table), and the part of it the browser spent after the response arrived.
//
// Needs `npm run build` first. Usage: npx tsx bench/reports-page.ts [--runs 5] [--queues 20] [--days 31]
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { emptyCounters } from '../src/lib/shared/metrics/counters';
import type { IntervalRow } from '../src/lib/server/history/interval-row';
import { isoInZone, localDateOf } from '../src/lib/server/history/local-time';
import { RedisHistoryStore } from '../src/lib/server/history/redis-store';
import { serverNodeFlags } from './lib/proc.js';
import { freePort, startRedis } from '../tests/support/redis-server';

const { values } = parseArgs({
	options: { runs: { type: 'string' }, queues: { type: 'string' }, days: { type: 'string' } }
});
const runs = Number(values.runs ?? 5);
const queueCount = Number(values.queues ?? 20);
const days = Number(values.days ?? 31);
const TZ = 'Asia/Shanghai';
const FIRST_DAY = '2026-03-01';
const ADMIN = { username: 'bench-admin', password: 'bench-admin-password' };

/** A plausible day shape, so the charts draw bars, gaps and missed marks as a real month would. */
function row(
	startMs: number,
	scope: IntervalRow['scope'],
	queueId: string | null,
	weight: number
): IntervalRow {
	const hour = Number(isoInZone(startMs, TZ).slice(11, 13));
	const offered = Math.round(
		weight * (hour >= 8 && hour < 22 ? 20 + 15 * Math.sin(((hour - 8) / 14) * Math.PI) : 2)
	);
	const abandoned = Math.round(offered * (hour === 10 ? 0.12 : 0.03));
	const answered = offered - abandoned;
	const within = Math.round(answered * (hour === 10 ? 0.6 : 0.85));
	const staffed = Math.max(1, offered / 4);
	const required = Math.ceil(offered / (hour === 10 ? 3 : 4.2));
	return {
		start: isoInZone(startMs, TZ),
		startMs,
		size: 15,
		scope,
		queueId,
		channel: scope === 'centre' ? null : 'voice',
		offered,
		answered,
		abandoned,
		shortAbandoned: 0,
		flowedOut: 0,
		answeredWithin: within,
		abandonedWithin: 0,
		handled: answered,
		answerRate: offered ? answered / offered : null,
		abandonRate: offered ? abandoned / offered : null,
		serviceLevel: offered ? within / offered : null,
		asaSec: 14,
		maxWaitSec: 90,
		attSec: 240,
		ahtSec: 280,
		acwShare: 0.1,
		repeatRate: 0.15,
		csat: 0.88,
		surveys: 3,
		arrivalsPerHour: offered * 4,
		staffedAvg: staffed,
		productiveAvg: staffed * 0.9,
		occupancy: 0.82,
		slThresholdSec: 20,
		slFormula: 'abandons_negative',
		targetServiceLevel: 0.8,
		patienceSec: 120,
		requiredErlangC: required + 1,
		requiredErlangA: required,
		scheduledErlangC: Math.ceil((required + 1) / 0.7),
		scheduledErlangA: Math.ceil(required / 0.7),
		gap: staffed - required,
		closed: true,
		counters: {
			...emptyCounters(),
			answered,
			abandoned,
			handled: answered,
			answeredWithin: within,
			sumTalkSec: answered * 280
		}
	};
}

function stats(samples: number[]): string {
	const sorted = [...samples].sort((a, b) => a - b);
	return `best ${sorted[0]!.toFixed(0)} ms, median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms`;
}

async function waitReady(url: string): Promise<void> {
	for (let i = 0; i < 300; i++) {
		const ok = await fetch(`${url}/readyz`).then(
			(r) => r.ok,
			() => false
		);
		if (ok) return;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error('server did not become ready');
}

/** Asks for the page and waits until the charts and the table are in the DOM. */
async function openReport(
	page: Page,
	url: string,
	rowsExpected: number
): Promise<{ total: number; server: number; browser: number }> {
	const t0 = performance.now();
	await page.goto(url, { waitUntil: 'load' });
	await page.getByTestId('report-line-staffed').waitFor({ state: 'attached' });
	await page.waitForFunction(
		(n) => document.querySelectorAll('[data-testid="report-row"]').length === n,
		Math.min(rowsExpected, 200)
	);
	// Two frames: the browser has laid out and painted what the DOM holds.
	await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
	const total = performance.now() - t0;
	const timing = await page.evaluate(() => {
		const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
		return { server: nav.responseEnd - nav.requestStart, browser: performance.now() - nav.responseEnd };
	});
	return { total, ...timing };
}

async function main(): Promise<void> {
	const redis = await startRedis();
	const prefix = 'bench-reports';
	const store = new RedisHistoryStore({ url: redis.url, prefix, retentionMs: 400 * 86_400_000 });
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	let server: ReturnType<typeof spawn> | null = null;
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu']
	});
	try {
		const fromMs = Date.parse(`${FIRST_DAY}T00:00:00+08:00`);
		const rows: IntervalRow[] = [];
		for (let ms = fromMs; ms < fromMs + days * 86_400_000; ms += 900_000) {
			for (let q = 0; q < queueCount; q++) rows.push(row(ms, 'queue', `bench-q${q}`, 1));
			rows.push(row(ms, 'channel', null, queueCount), row(ms, 'centre', null, queueCount));
		}
		for (let k = 0; k < rows.length; k += 10_000) await store.write(rows.slice(k, k + 10_000), 'replace');
		const intervals = days * 96;
		console.log(`history: ${rows.length} rows (${days} days × 96 intervals × ${queueCount + 2})`);

		server = spawn(process.execPath, [...serverNodeFlags(), 'server/index.js'], {
			env: {
				...process.env,
				NODE_ENV: 'production',
				PORT: String(port),
				HOST: '127.0.0.1',
				REDIS_URL: redis.url,
				CC_PREFIX: prefix,
				TZ_CENTRE: TZ,
				ADMIN_USERNAME: ADMIN.username,
				ADMIN_PASSWORD: ADMIN.password
			},
			stdio: 'ignore'
		});
		await waitReady(base);

		const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
		await page.goto(`${base}/login`);
		await page.locator('input[name="username"]').fill(ADMIN.username);
		await page.locator('input[name="password"]').fill(ADMIN.password);
		await Promise.all([
			page.waitForURL((u) => !u.pathname.startsWith('/login')),
			page.locator('button[type="submit"]').click()
		]);

		const to = localDateOf(fromMs + (days - 1) * 86_400_000, TZ);
		const cases = [
			{ name: `month, centre (${intervals} intervals)`, view: 'centre' },
			{ name: `month, one queue (${intervals} intervals)`, view: 'q:bench-q3' },
			{ name: 'one day, one queue (96 intervals)', view: 'q:bench-q3', oneDay: true }
		];
		for (const c of cases) {
			const url = `${base}/reports?from=${FIRST_DAY}&to=${c.oneDay ? FIRST_DAY : to}&size=15&view=${c.view}`;
			await openReport(page, url, c.oneDay ? 96 : intervals); // warm-up: JIT, fonts, caches
			const total: number[] = [];
			const server: number[] = [];
			const inBrowser: number[] = [];
			for (let r = 0; r < runs; r++) {
				const m = await openReport(page, url, c.oneDay ? 96 : intervals);
				total.push(m.total);
				server.push(m.server);
				inBrowser.push(m.browser);
			}
			console.log(`${c.name}: load+draw ${stats(total)}`);
			console.log(`  request → last byte ${stats(server)}; browser after it ${stats(inBrowser)}`);
		}
	} finally {
		await browser.close();
		server?.kill('SIGTERM');
		await store.close();
		await redis.stop();
	}
}

void main();
