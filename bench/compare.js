// Product vs baseline, side by side in one session: for each configuration (clients:events/s) runs the
// product benchmark (bench/run.js) and the baseline harness's coalescing relay (run-fanout.mjs,
// `coalesce` strategy, same client count, event rate, tick and window), alternating which goes first on
// each repeat, then prints product ÷ baseline ratios and writes them to bench/results/.
//
// The baseline is a bare Redis -> Node -> ws relay that forwards the raw events of each tick to every
// client; the product sends each screen the change to its view. Same CPU layout in both (the process under
// test alone on CPU 0; redis, publisher and clients on CPU 1).
//
// Usage: node bench/compare.js [--baseline /tmp/bench-baseline] [--configs 100:1000,1000:2000,1000:5000]
//          [--duration 20] [--tick 250] [--repeats 1] [--tag compare]
// The baseline folder is a writable copy of the bench-baseline harness with its `npm ci` done. Its
// redis-server (127.0.0.1:6392, ./redis-start.sh) is started if not running and then stopped again.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { BENCH_DIR, ROOT } from './lib/proc.js';

const args = parseArgs(process.argv.slice(2));
const BASELINE = path.resolve(String(args.baseline ?? '/tmp/bench-baseline'));
const CONFIGS = String(args.configs ?? '100:1000,1000:2000,1000:5000')
	.split(',')
	.map((c) => c.split(':').map(Number))
	.map(([clients, rate]) => ({ clients: Number(clients), rate: Number(rate) }));
const DURATION = Number(args.duration ?? 20);
const TICK = Number(args.tick ?? 250);
const REPEATS = Number(args.repeats ?? 1);
const TAG = String(args.tag ?? 'compare').replace(/[^A-Za-z0-9_.-]/g, '_');
const BASELINE_WARM = 3;
const BASELINE_DRAIN = 4;
const RUN_TIMEOUT_MS = (DURATION + 150) * 1000;

for (const c of CONFIGS) {
	if (!(c.clients >= 1 && c.clients <= 5000 && c.rate >= 1 && c.rate <= 100_000)) {
		fail(`bad --configs entry ${c.clients}:${c.rate} (clients 1..5000, rate 1..100000)`);
	}
}
if (!(DURATION >= 5 && DURATION <= 40)) fail('--duration must be 5..40 s (the baseline caps a run at 60 s)');
if (!(REPEATS >= 1 && REPEATS <= 5)) fail('--repeats must be 1..5');
if (!existsSync(path.join(BASELINE, 'run-fanout.mjs'))) {
	fail(
		`no baseline harness in ${BASELINE}: copy bench-baseline there (it must be writable) and run npm ci in it`
	);
}
if (!existsSync(path.join(BASELINE, 'node_modules'))) fail(`run \`npm ci\` in ${BASELINE} first`);

/** @type {import('node:child_process').ChildProcess | null} */
let current = null;
let startedRedis = false;
const stopCurrent = () => {
	if (current && current.exitCode === null && current.pid) {
		try {
			process.kill(current.pid, 'SIGTERM');
		} catch {
			// gone
		}
	}
};
process.on('SIGINT', () => {
	stopCurrent();
	cleanup();
	process.exit(130);
});
process.on('SIGTERM', () => {
	stopCurrent();
	cleanup();
	process.exit(143);
});

const results = [];
try {
	await ensureBaselineRedis();
	for (let rep = 1; rep <= REPEATS; rep++) {
		for (const config of CONFIGS) {
			const order = rep % 2 === 1 ? ['product', 'baseline'] : ['baseline', 'product'];
			/** @type {Record<string, any>} */
			const pair = { ...config, rep };
			for (const which of order) {
				pair[which] = which === 'product' ? await runProduct(config, rep) : await runBaseline(config);
			}
			results.push(pair);
		}
	}
} finally {
	cleanup();
}

const table = ratioTable(results);
console.log(`\n${table}`);
const dir = path.join(BENCH_DIR, 'results');
mkdirSync(dir, { recursive: true });
const file = path.join(dir, `${TAG}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(
	file,
	JSON.stringify(
		{ date: new Date().toISOString(), tick: TICK, duration: DURATION, configs: CONFIGS, results, table },
		null,
		1
	)
);
console.log(`\nwrote ${path.relative(process.cwd(), file)}`);

/** @param {{clients: number, rate: number}} c @param {number} rep */
async function runProduct(c, rep) {
	const out = path.join(
		BENCH_DIR,
		'results',
		`${TAG}-product-c${c.clients}-r${c.rate}-t${TICK}-rep${rep}.json`
	);
	const argv = [
		'bench/run.js',
		'--clients',
		c.clients,
		'--rate',
		c.rate,
		'--duration',
		DURATION,
		'--tick',
		TICK
	];
	console.log(`\n== product  ${c.clients} clients, ${c.rate} events/s, tick ${TICK} ms`);
	const { code } = await runChild(process.execPath, [...argv.map(String), '--tag', TAG, '--out', out], ROOT);
	if (code !== 0 && code !== 1) return { error: `bench/run.js exited with ${code}` };
	return JSON.parse(readFileSync(out, 'utf8'));
}

/** @param {{clients: number, rate: number}} c */
async function runBaseline(c) {
	console.log(`\n== baseline ${c.clients} clients, ${c.rate} events/s, coalesce tick ${TICK} ms`);
	const argv = [
		'run-fanout.mjs',
		'--repeats',
		'1',
		'--warm',
		BASELINE_WARM,
		'--measure',
		DURATION,
		'--drain',
		BASELINE_DRAIN,
		'--tick',
		TICK,
		'--retries',
		'0',
		'--tag',
		`${TAG}-c${c.clients}-r${c.rate}`,
		'--configs',
		`coalesce:${c.clients}:${c.rate}`
	].map(String);
	const { code, stdout } = await runChild(process.execPath, argv, BASELINE);
	const wrote = /wrote (\S+\.json)/.exec(stdout)?.[1];
	if (code !== 0 || !wrote) return { error: `run-fanout.mjs exited with ${code}` };
	const run = JSON.parse(readFileSync(path.join(BASELINE, wrote), 'utf8')).results[0];
	return { ...run, file: wrote };
}

/**
 * Runs a child to completion (bounded), echoing its output.
 * @param {string} command @param {string[]} argv @param {string} cwd
 * @returns {Promise<{code: number | null, stdout: string}>}
 */
function runChild(command, argv, cwd) {
	return new Promise((resolve) => {
		const child = spawn(command, argv, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
		current = child;
		let stdout = '';
		child.stdout.on('data', (d) => {
			stdout += d;
			process.stdout.write(d);
		});
		const timer = setTimeout(() => {
			console.error(`${argv[0]} took longer than ${RUN_TIMEOUT_MS / 1000} s: stopping it`);
			child.kill('SIGTERM');
			setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 5000).unref();
		}, RUN_TIMEOUT_MS);
		child.on('exit', (code) => {
			clearTimeout(timer);
			current = null;
			resolve({ code, stdout });
		});
	});
}

/** The baseline's relay, publisher and client expect redis on 127.0.0.1:6392, started by its script. */
async function ensureBaselineRedis() {
	const pidFile = path.join(BASELINE, 'redis.pid');
	if (existsSync(pidFile)) {
		const pid = Number(readFileSync(pidFile, 'utf8').trim());
		try {
			process.kill(pid, 0);
			return; // already running (someone's own start): leave it as found
		} catch {
			// stale pid file: the start script replaces it
		}
	}
	if (await portInUse(6392)) fail('127.0.0.1:6392 is in use by something else: the baseline needs it');
	const r = spawnSync(path.join(BASELINE, 'redis-start.sh'), { cwd: BASELINE, stdio: 'inherit' });
	if (r.status !== 0) fail('the baseline redis did not start');
	startedRedis = true;
}

function cleanup() {
	if (!startedRedis) return;
	startedRedis = false;
	spawnSync(path.join(BASELINE, 'redis-stop.sh'), { cwd: BASELINE, stdio: 'inherit' });
}

/** @param {number} port */
function portInUse(port) {
	return new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

/** Markdown table of product vs baseline figures and their ratio, one block per configuration and repeat. */
function ratioTable(/** @type {any[]} */ pairs) {
	const f = (/** @type {number} */ x) =>
		!Number.isFinite(x)
			? 'n/a'
			: Math.abs(x) >= 100
				? x.toFixed(0)
				: Math.abs(x) >= 10
					? x.toFixed(1)
					: x.toFixed(2);
	const ratio = (/** @type {number} */ p, /** @type {number} */ b) =>
		Number.isFinite(p) && Number.isFinite(b) && b !== 0 ? `${f(p / b)}×` : 'n/a';
	const lines = [
		`Product ÷ baseline, tick ${TICK} ms, ${DURATION} s windows. Baseline: coalesce relay, raw events of each tick to every client; product: per-view changes.`,
		'',
		'| clients | events/s | rep | metric | product | baseline | product ÷ baseline |',
		'| --- | --- | --- | --- | --- | --- | --- |'
	];
	for (const pair of pairs) {
		const p = pair.product;
		const b = pair.baseline;
		const head = `| ${pair.clients} | ${pair.rate.toLocaleString('en-US')} | ${pair.rep} |`;
		if (!p || p.error || !b || b.error) {
			lines.push(`${head} error | ${p?.error ?? ''} | ${b?.error ?? ''} | |`);
			continue;
		}
		const bSecs = BASELINE_WARM + DURATION + 0.2;
		const bFramesPerClient = b.relay ? b.relay.framesBroadcast / bSecs : NaN;
		const bBytesPerClient = (b.clientMBps * 2 ** 20) / b.n;
		const rows = [
			['events/s delivered', p.ingest.eventsAppliedPerSec, b.pubRate * Math.min(1, b.delivered)],
			['latency p50 ms', p.latencyMs.event.p50, b.p50],
			['latency p90 ms', p.latencyMs.event.p90, b.p90],
			['latency p99 ms', p.latencyMs.event.p99, b.p99],
			['server CPU % of a core', p.server.cpuPct, b.relayCpu],
			['server RSS max MB', p.server.rssMaxMB, b.relayRssMaxMB],
			['KiB per client per s', p.perClient.bytesPerSec / 1024, bBytesPerClient / 1024],
			['frames per client per s', p.perClient.framesPerSec, bFramesPerClient],
			['other processes % of a core', p.othersCpuPct, baselineOthers(b)]
		];
		for (const [name, pv, bv] of rows) {
			lines.push(
				`${head} ${name} | ${f(Number(pv))} | ${f(Number(bv))} | ${ratio(Number(pv), Number(bv))} |`
			);
		}
		lines.push(`${head} verdict | ${p.verdict} | ${b.verdict} | |`);
	}
	return lines.join('\n');
}

/**
 * CPU the baseline run's machine spent beyond the baseline's own four processes, from its per-core busy
 * figures (the product's run.js computes the same; per-process accounting misses short-lived processes).
 * @param {any} b
 */
function baselineOthers(b) {
	const ours = b.relayCpu + b.clientCpu + b.pubCpu + b.redisCpu;
	return Math.max(b.foreignPct, b.core0Busy + b.core1Busy - ours);
}

/** @param {string} message @returns {never} */
function fail(message) {
	console.error(message);
	cleanup();
	process.exit(2);
}

/** `--name value` pairs. @param {string[]} argv @returns {Record<string, string>} */
function parseArgs(argv) {
	/** @type {Record<string, string>} */
	const out = {};
	for (let i = 0; i < argv.length; i++) {
		const a = String(argv[i]);
		if (a === '--help' || a === '-h') {
			console.log(
				'usage: node bench/compare.js [--baseline dir] [--configs clients:rate,...] [--duration s] [--tick ms] [--repeats n] [--tag name]'
			);
			process.exit(0);
		}
		if (a.startsWith('--') && argv[i + 1] !== undefined) out[a.slice(2)] = String(argv[++i]);
		else fail(`unknown argument ${a}`);
	}
	return out;
}
