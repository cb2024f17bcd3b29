// The product benchmark: Redis events in -> the built server (`node server/index.js`) -> WebSocket screens.
//
// One run: a private redis-server on a free port, the production server on another (its own CC_PREFIX),
// a publisher that plays the telephony platform (answers snapshot.request with the agent population, then
// publishes contract events as JSON-array batches at --rate events/s) and --clients WebSocket screens
// subscribed to board:default. After --warm seconds the measurement window of --duration seconds starts;
// then up to --drain seconds for the last frames. Prints and writes to bench/results/:
//   ingest events/s applied by the server (/api/v1/ingest stats.eventsApplied over the window),
//   per-event publish -> screen latency (first frame whose freshness.asOfMs reaches the event's ts),
//   frame age on arrival (receive - asOfMs), frames and bytes per client per second,
//   server CPU and RSS (/proc), redis / publisher / client CPU, per-core busy time, and the CPU other
//   processes on the machine used meanwhile (shared machines: a noisy window is flagged).
// CPU layout when the machine has 2+ cores: the server alone on CPU 0; redis, publisher and clients on
// CPU 1 (the layout of the baseline harness, so the two are comparable).
//
// Usage: npm run build && node bench/run.js [--clients 100] [--rate 1000] [--duration 30] [--tick 250]
//          [--warm 5] [--drain 5] [--agents 10000] [--samples 100] [--batchMs 10] [--seed N]
//          [--no-pin] [--tag name] [--out file.json] [--keepLogs] [--profile]
// --profile writes a V8 CPU profile of the server (.cpuprofile, kept with the logs) for a closer look.
// Every wait is bounded and the run stops itself; children are stopped by PID on every exit path.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
	createWriteStream,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import {
	BENCH_DIR,
	ROOT,
	canPin,
	coreDelta,
	coreStats,
	cpuSec,
	freePort,
	killAllSync,
	othersCpu,
	othersDelta,
	redisServerArgs,
	rssMB,
	serverNodeFlags,
	sleep,
	spawnNode,
	stopAll
} from './lib/proc.js';
import { eventLatency, frameAge } from './lib/stats.js';

const USAGE = `usage: node bench/run.js [--clients N] [--rate events/s] [--duration s] [--tick ms] [--warm s] [--drain s]
       [--agents N] [--samples N] [--batchMs ms] [--seed N] [--no-pin] [--tag name] [--out file] [--keepLogs]
       [--profile]`;

const opts = parseOptions(process.argv.slice(2));
const SETUP = 'config/centre.example.json';
const VIEW = 'board:default';
// Everything the run does fits in this; past it the run is abandoned and cleaned up.
const DEADLINE_MS = (opts.warm + opts.duration + opts.drain + 90 + opts.clients / 20) * 1000;
const CHILD_MAX_SECS = Math.ceil(DEADLINE_MS / 1000) + 30;

const work = mkdtempSync(path.join(os.tmpdir(), 'cc-bench-'));
let failed = false;

process.on('SIGINT', () => abort('interrupted'));
process.on('SIGTERM', () => abort('terminated'));
process.on('exit', () => killAllSync());
const deadline = setTimeout(
	() => abort(`run exceeded its ${Math.round(DEADLINE_MS / 1000)} s budget`),
	DEADLINE_MS
);
deadline.unref();

try {
	const result = await run();
	const file = writeResult(result);
	printResult(result, file);
	if (result.verdict !== 'keeps up') process.exitCode = 1;
} catch (err) {
	failed = true;
	console.error(`\nbench failed: ${/** @type {Error} */ (err).message ?? err}`);
	console.error(`logs kept in ${work}`);
	process.exitCode = 2;
} finally {
	clearTimeout(deadline);
	await stopAll(4000);
	if (!failed && !opts.keepLogs) rmSync(work, { recursive: true, force: true });
	else if (!failed) console.log(`logs in ${work}`);
}

async function run() {
	if (!existsSync(path.join(ROOT, 'build', 'index.js')))
		throw new Error('no build/: run `npm run build` first');
	const pin = opts.pin && canPin();
	const taskset = (/** @type {number} */ cpu) => (pin ? ['taskset', '-c', String(cpu)] : []);
	const loadCpu = pin ? 1 : null;
	const guard = path.join(BENCH_DIR, 'lib', 'guard.js');
	const log = (/** @type {string} */ name) => createWriteStream(path.join(work, `${name}.log`));
	const prefix = `bench${process.pid}`;
	const token = randomBytes(18).toString('base64url');
	say(
		`bench: ${opts.clients} clients, ${opts.rate} events/s, ${opts.duration} s window (+${opts.warm} s warm-up), tick ${opts.tick} ms, ${opts.agents} agents${pin ? ', server pinned to CPU 0, load on CPU 1' : ', not pinned'}`
	);

	// 1. redis-server, private, no persistence, pub/sub output unbounded (a slow subscriber is measured, not cut off)
	const redisPort = await freePort();
	const redisGuard = spawnNode(
		'redis-server',
		guard,
		[
			CHILD_MAX_SECS,
			2000,
			...taskset(1),
			...redisServerArgs(redisPort, ['--dir', work, '--client-output-buffer-limit', 'pubsub 0 0 0'])
		],
		{ log: log('redis') }
	);
	const redisPid = Number((await redisGuard.wait('spawned', 5000)).pid);
	await waitForRedis(redisPort);

	// 2. the platform: publisher (answers snapshot.request, then publishes)
	const publisher = spawnNode(
		'publisher',
		path.join(BENCH_DIR, 'publisher.js'),
		[
			'--redisPort',
			redisPort,
			'--prefix',
			prefix,
			'--rate',
			opts.rate,
			'--agents',
			opts.agents,
			'--batchMs',
			opts.batchMs,
			'--seed',
			opts.seed,
			'--setup',
			SETUP,
			'--maxSecs',
			CHILD_MAX_SECS
		],
		{ cpu: loadCpu }
	);
	const pubReady = await publisher.wait('ready', 10_000);

	// 3. the product, as in production
	const port = await freePort();
	const profile = opts.profile ? ['--cpu-prof', '--cpu-prof-dir', path.join(work, 'profile')] : [];
	const serverArgs = [...taskset(0), process.execPath, ...serverNodeFlags(), ...profile, 'server/index.js'];
	const serverGuard = spawnNode('server', guard, [CHILD_MAX_SECS, 3000, ...serverArgs], {
		env: {
			NODE_ENV: 'production',
			PORT: String(port),
			HOST: '127.0.0.1',
			REDIS_URL: `redis://127.0.0.1:${redisPort}`,
			CC_PREFIX: prefix,
			API_TOKENS: token,
			WS_TICK_MS: String(opts.tick),
			CENTRE_SETUP: SETUP
		},
		log: log('server')
	});
	const serverPid = Number((await serverGuard.wait('spawned', 5000)).pid);
	const base = `http://127.0.0.1:${port}`;
	const readyMs = await waitForReady(base, serverGuard, 30_000);
	const snapshot = await publisher.wait('snapshot', 1000).catch(() => null);
	const fatal = await publisher.wait('fatal', 1).catch(() => null);
	if (fatal) throw new Error(String(fatal.message));
	say(
		`server ready in ${readyMs} ms${snapshot ? ` (floor.snapshot: ${snapshot.agents} agents, ${snapshot.contacts} open contacts, ${Math.round(Number(snapshot.bytes) / 1024)} KiB)` : ' (no snapshot requested)'}`
	);

	// 4. the screens
	const clients = spawnNode(
		'clients',
		path.join(BENCH_DIR, 'clients.js'),
		[
			'--url',
			`ws://127.0.0.1:${port}/ws`,
			'--n',
			opts.clients,
			'--samples',
			opts.samples,
			'--view',
			VIEW,
			'--maxSecs',
			CHILD_MAX_SECS
		],
		{ cpu: loadCpu }
	);
	const connected = await Promise.race([
		clients.wait('connected', 30_000 + opts.clients * 30),
		clients.wait('failed', 30_000 + opts.clients * 30).then((m) => {
			throw new Error(`clients failed to connect: ${m.message} (${m.opened} open)`);
		})
	]);
	say(`${connected.n} screens subscribed to ${VIEW} in ${connected.ms} ms; ${connected.samples} sampled`);

	// 5. publish: warm-up, then the window
	const startAtMs = Date.now() + 500;
	const windowStartMs = startAtMs + opts.warm * 1000;
	const windowEndMs = windowStartMs + opts.duration * 1000;
	const endAtMs = windowEndMs + 200;
	publisher.send({ type: 'go', startAtMs, windowStartMs, windowEndMs, endAtMs });
	const pids = { server: serverPid, redis: redisPid, publisher: publisher.pid, clients: clients.pid };
	const mine = new Set([...Object.values(pids), process.pid, redisGuard.pid, serverGuard.pid]);
	while (Date.now() < windowStartMs) await sleep(20);

	const a = await readings(base, token, pids, mine);
	clients.send({ type: 'mark' });
	let rssMax = 0;
	/** @type {Array<{t: number, applied: number, rssMB: number}>} */
	const series = [];
	let nextSample = Date.now();
	while (Date.now() < windowEndMs) {
		rssMax = Math.max(rssMax, rssMB(serverPid) || 0);
		if (Date.now() >= nextSample) {
			nextSample += 1000;
			const ingest = await getIngest(base, token).catch(() => null);
			if (ingest)
				series.push({
					t: Date.now() - windowStartMs,
					applied: ingest.stats.eventsApplied,
					rssMB: rssMB(serverPid)
				});
		}
		await sleep(Math.min(250, Math.max(1, windowEndMs - Date.now())));
	}
	const b = await readings(base, token, pids, mine);
	clients.send({ type: 'mark' });
	const clientMark = await clients.wait('mark', 10_000);
	const published = await publisher.wait('published', 15_000);

	// 6. drain: until every sampled screen shows the last event published (bounded)
	const drainUntil = Date.now() + opts.drain * 1000;
	let minAsOf = 0;
	while (Date.now() < drainUntil) {
		clients.send({ type: 'progress' });
		minAsOf = Number((await clients.wait('progress', 5000)).minAsOf);
		if (minAsOf >= Number(published.lastTs)) break;
		await sleep(100);
	}
	clients.send({ type: 'report' });
	const report = await clients.wait('report', 20_000);
	const final = await getIngest(base, token);
	clients.send({ type: 'close' });

	return summarize({
		pin,
		readyMs,
		snapshot,
		pubReady,
		connected,
		published,
		report,
		clientMark,
		final,
		a,
		b,
		rssMax,
		series,
		windowStartMs,
		windowEndMs,
		caughtUp: minAsOf >= Number(published.lastTs)
	});
}

/** CPU of our processes, per-core busy time, other processes' CPU, ingest stats: at one instant. */
async function readings(
	/** @type {string} */ base,
	/** @type {string} */ token,
	/** @type {Record<string, number>} */ pids,
	/** @type {Set<number>} */ mine
) {
	const ingest = await getIngest(base, token);
	const t = Date.now();
	const cpu = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, cpuSec(pid)]));
	return { t, ingest, cpu, self: process.cpuUsage(), cores: coreStats(), others: othersCpu(mine) };
}

/** @param {any} r */
function summarize(r) {
	const { a, b } = r;
	const secs = (b.t - a.t) / 1000;
	const pct = (/** @type {string} */ k) => ((b.cpu[k] - a.cpu[k]) / secs) * 100;
	const applied = b.ingest.stats.eventsApplied - a.ingest.stats.eventsApplied;
	const cores = coreDelta(a.cores, b.cores);
	const others = othersDelta(a.others, b.others);
	const screens = r.report.samples;
	const latency = eventLatency(r.published.windowTs, r.published.windowCount, screens);
	const age = frameAge(screens, r.windowStartMs, r.windowEndMs);
	const clientSecs = r.clientMark.secs;
	const n = r.report.n;
	const realtime = (/** @type {string} */ k) => b.ingest.realtime[k] - a.ingest.realtime[k];
	let patches = 0;
	let snapshots = 0;
	let seqGaps = 0;
	let heartbeats = 0;
	for (const s of screens) {
		for (let i = 0; i < s.recv.length; i++) {
			if (s.recv[i] < r.windowStartMs || s.recv[i] >= r.windowEndMs) continue;
			if (s.kind[i] === 'p') patches++;
			else snapshots++;
		}
		seqGaps += s.seqGaps;
		heartbeats += s.heartbeats;
	}
	const windowSecs = (r.windowEndMs - r.windowStartMs) / 1000;
	const eventsInWindow = r.published.inWindow;
	const ingestRate = applied / secs;
	const deliveredShare = latency.count / (latency.count + latency.undelivered || 1);
	const rejected = r.final.rejectedTotal;
	const problems = [];
	if (ingestRate < 0.99 * r.published.rate)
		problems.push(`server applied ${ingestRate.toFixed(0)}/s of ${r.published.rate.toFixed(0)}/s published`);
	if (deliveredShare < 0.999)
		problems.push(`${latency.undelivered} in-window events never reached a sampled screen`);
	if (!(latency.p99 < 1000)) problems.push(`p99 ${latency.p99} ms ≥ 1 s`);
	if (r.final.stats.gapsDetected > 0) problems.push(`${r.final.stats.gapsDetected} sequence gaps`);
	if (rejected > 0) problems.push(`${rejected} events rejected (dead letters)`);
	const cpuTotal = os.cpus().length;
	const selfPct = ((b.self.user - a.self.user + b.self.system - a.self.system) / 1e6 / secs) * 100;
	const oursPct = pct('server') + pct('redis') + pct('publisher') + pct('clients') + selfPct;
	// Σ of every core's busy %, in "% of one core" like the per-process figures.
	const busyPct = Object.values(cores).reduce((sum, c) => sum + c.busyPct, 0);
	// Per-process accounting misses processes that start and end inside the window (test runners spawn
	// many): what the cores did beyond our processes is the better measure of other people's load.
	const othersPct = Math.max((others.user / secs) * 100, busyPct - oursPct);
	return {
		benchmark: 'cc-wallboard redis -> server -> websocket',
		date: new Date().toISOString(),
		machine: machine(),
		product: product(),
		config: {
			clients: opts.clients,
			rate: opts.rate,
			durationSecs: opts.duration,
			warmSecs: opts.warm,
			tickMs: opts.tick,
			agents: opts.agents,
			samples: r.connected.samples,
			batchMs: opts.batchMs,
			seed: opts.seed,
			pinned: r.pin,
			layout: r.pin ? 'server on CPU 0; redis, publisher, clients on CPU 1' : 'not pinned',
			view: VIEW,
			setup: SETUP
		},
		startup: { readyMs: r.readyMs, snapshotBytes: r.snapshot?.bytes ?? null, connectMs: r.connected.ms },
		ingest: {
			eventsAppliedPerSec: ingestRate,
			publishedPerSec: r.published.rate,
			publishedInWindow: eventsInWindow,
			messagesPublished: r.published.messages,
			avgBatchEvents: r.published.sent / r.published.messages,
			publisherLateTicks: r.published.lateTicks,
			mix: r.published.mix,
			modelHandleMs: r.published.handleMs,
			rejected,
			rejectedByReason: r.final.rejected,
			anomalies: r.final.floor.anomalies,
			gapsDetected: r.final.stats.gapsDetected,
			recoveries: r.final.stats.recoveries,
			series: r.series
		},
		latencyMs: {
			event: round(latency),
			frameAge: round(age),
			method:
				'event: receive time of the first frame whose freshness.asOfMs >= the event ts (ts = publish wall time, ms); frameAge: receive time - asOfMs per patch frame'
		},
		perClient: {
			framesPerSec: r.clientMark.frames / n / clientSecs,
			bytesPerSec: r.clientMark.bytes / n / clientSecs,
			patchesPerSec: patches / screens.length / windowSecs,
			snapshotsInWindow: snapshots,
			heartbeatsSampled: heartbeats,
			seqGaps
		},
		server: {
			cpuPct: pct('server'),
			rssMaxMB: r.rssMax,
			rssEndMB: r.series.at(-1)?.rssMB ?? null,
			framesSentPerSec: realtime('framesSent') / secs,
			bytesSentPerSec: realtime('bytesSent') / secs,
			slowClientSkips: realtime('slowClientSkips'),
			connections: b.ingest.realtime.connections
		},
		loadGenerator: {
			redisCpuPct: pct('redis'),
			publisherCpuPct: pct('publisher'),
			clientsCpuPct: pct('clients'),
			clientsCpuSelfReportPct: r.clientMark.cpuPct,
			clientsRssMB: r.report.rssMB,
			closed: r.report.closed,
			closeCodes: r.report.closeCodes,
			errorFrames: r.report.errorFrames
		},
		cores: Object.fromEntries(
			Object.entries(cores).map(([k, v]) => [k, { busyPct: v.busyPct, softirqPct: v.softirqPct }])
		),
		benchSelfCpuPct: selfPct,
		othersCpuPct: othersPct,
		othersCpuPerProcessPct: (others.user / secs) * 100,
		kernelThreadsCpuPct: (others.kthreads / secs) * 100,
		cpus: cpuTotal,
		caughtUp: r.caughtUp,
		verdict: problems.length ? 'OVERLOADED' : 'keeps up',
		problems
	};
}

/** @param {Record<string, number>} stats */
function round(stats) {
	return Object.fromEntries(
		Object.entries(stats).map(([k, v]) => [k, Number.isFinite(v) ? Math.round(v * 10) / 10 : v])
	);
}

function machine() {
	const version = (/** @type {string} */ cmd, /** @type {string[]} */ args) => {
		try {
			return execFileSync(cmd, args, { encoding: 'utf8' }).trim();
		} catch {
			return null;
		}
	};
	let osName = os.type();
	try {
		osName = /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? osName;
	} catch {
		// not Linux
	}
	return {
		cpus: os.cpus().length,
		cpuModel: os.cpus()[0]?.model ?? null,
		memGB: Math.round(os.totalmem() / 2 ** 30),
		os: osName,
		kernel: os.release(),
		node: process.version,
		redis: version('redis-server', ['--version'])?.match(/v=(\S+)/)?.[1] ?? null,
		loadAvg: os.loadavg()
	};
}

/** Which code was measured: the commit, whether the tree had local changes, and when build/ was made. */
function product() {
	const git = (/** @type {string[]} */ args) => {
		try {
			return execFileSync('git', args, {
				cwd: ROOT,
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'ignore']
			}).trim();
		} catch {
			return null;
		}
	};
	const status = git(['status', '--porcelain', '--untracked-files=no']);
	return {
		commit: git(['rev-parse', '--short', 'HEAD']),
		dirty: status === null ? null : status.length > 0,
		builtAt: statSync(path.join(ROOT, 'build', 'index.js')).mtime.toISOString()
	};
}

async function waitForRedis(/** @type {number} */ port) {
	const until = Date.now() + 10_000;
	for (;;) {
		const client = new Redis({
			host: '127.0.0.1',
			port,
			lazyConnect: true,
			maxRetriesPerRequest: 0,
			retryStrategy: () => null
		});
		client.on('error', () => undefined);
		try {
			await client.connect();
			await client.ping();
			client.disconnect();
			return;
		} catch {
			client.disconnect();
			if (Date.now() > until) throw new Error(`redis-server did not come up on port ${port}`);
			await sleep(100);
		}
	}
}

async function waitForReady(
	/** @type {string} */ base,
	/** @type {import('./lib/proc.js').Child} */ server,
	/** @type {number} */ timeoutMs
) {
	const t0 = Date.now();
	while (Date.now() - t0 < timeoutMs) {
		if (!server.isRunning()) throw new Error(`server exited during start-up (see ${work}/server.log)`);
		try {
			const res = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(2000) });
			if (res.status === 200) return Date.now() - t0;
		} catch {
			// not listening yet
		}
		await sleep(100);
	}
	throw new Error(`server not ready within ${timeoutMs} ms (see ${work}/server.log)`);
}

/** @returns {Promise<any>} */
async function getIngest(/** @type {string} */ base, /** @type {string} */ token) {
	const res = await fetch(`${base}/api/v1/ingest`, {
		headers: { authorization: `Bearer ${token}` },
		signal: AbortSignal.timeout(5000)
	});
	if (!res.ok) throw new Error(`GET /api/v1/ingest: ${res.status}`);
	return res.json();
}

/** @param {any} r @returns {string} */
function writeResult(r) {
	const dir = path.join(BENCH_DIR, 'results');
	mkdirSync(dir, { recursive: true });
	const stamp = r.date.replace(/[:.]/g, '-');
	const file =
		opts.out ?? path.join(dir, `${opts.tag}-c${opts.clients}-r${opts.rate}-t${opts.tick}-${stamp}.json`);
	writeFileSync(file, JSON.stringify(r, null, 1));
	return file;
}

/** @param {any} r @param {string} file */
function printResult(r, file) {
	const f = (/** @type {number} */ x, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
	const e = r.latencyMs.event;
	const age = r.latencyMs.frameAge;
	const rows = [
		[
			'ingest applied',
			`${f(r.ingest.eventsAppliedPerSec)} events/s (published ${f(r.ingest.publishedPerSec)}/s)`
		],
		['publish -> screen, per event', `p50 ${f(e.p50)}  p95 ${f(e.p95)}  p99 ${f(e.p99)}  max ${f(e.max)} ms`],
		['frame age on arrival', `p50 ${f(age.p50)}  p95 ${f(age.p95)}  p99 ${f(age.p99)} ms`],
		[
			'per client',
			`${f(r.perClient.framesPerSec, 2)} frames/s, ${f(r.perClient.bytesPerSec / 1024, 1)} KiB/s`
		],
		['server', `CPU ${f(r.server.cpuPct)} % of a core, RSS max ${f(r.server.rssMaxMB)} MB`],
		[
			'load side',
			`redis ${f(r.loadGenerator.redisCpuPct)} %, publisher ${f(r.loadGenerator.publisherCpuPct)} %, clients ${f(r.loadGenerator.clientsCpuPct)} %`
		],
		[
			'cores busy',
			Object.entries(r.cores)
				.map(([k, v]) => `${k} ${f(/** @type {any} */ (v).busyPct)} %`)
				.join(', ')
		],
		[
			'other processes',
			`${f(r.othersCpuPct)} % of a core${r.othersCpuPct > 10 ? '  (noisy: figures disturbed)' : ''}`
		],
		[
			'checks',
			`rejected ${r.ingest.rejected}, gaps ${r.ingest.gapsDetected}, anomalies ${Object.values(r.ingest.anomalies).reduce((s, x) => s + Number(x), 0)}, slow-client skips ${r.server.slowClientSkips}, seq gaps ${r.perClient.seqGaps}`
		],
		['verdict', r.verdict + (r.problems.length ? `: ${r.problems.join('; ')}` : '')]
	];
	const width = Math.max(...rows.map(([k]) => String(k).length));
	console.log('');
	for (const [k, v] of rows) console.log(`${String(k).padEnd(width)}  ${v}`);
	console.log(`\nwrote ${path.relative(process.cwd(), file)}`);
}

function say(/** @type {string} */ text) {
	console.log(text);
}

function abort(/** @type {string} */ why) {
	console.error(`\nbench aborted: ${why}; stopping processes (logs in ${work})`);
	void stopAll(2000).finally(() => process.exit(130));
}

/** @param {string[]} argv */
function parseOptions(argv) {
	/** @type {Record<string, string | boolean>} */
	const raw = {};
	for (let i = 0; i < argv.length; i++) {
		const a = String(argv[i]);
		if (a === '--help' || a === '-h') {
			console.log(USAGE);
			process.exit(0);
		}
		if (a === '--no-pin' || a === '--keepLogs' || a === '--profile') raw[a.slice(2)] = true;
		else if (a.startsWith('--') && argv[i + 1] !== undefined) raw[a.slice(2)] = String(argv[++i]);
		else {
			console.error(`unknown argument ${a}\n${USAGE}`);
			process.exit(2);
		}
	}
	const num = (
		/** @type {string} */ name,
		/** @type {number} */ def,
		/** @type {number} */ min,
		/** @type {number} */ max
	) => {
		const v = raw[name] === undefined ? def : Number(raw[name]);
		if (!Number.isFinite(v) || v < min || v > max) {
			console.error(`--${name} must be a number in ${min}..${max}\n${USAGE}`);
			process.exit(2);
		}
		return v;
	};
	const known = [
		'clients',
		'rate',
		'duration',
		'tick',
		'warm',
		'drain',
		'agents',
		'samples',
		'batchMs',
		'seed',
		'no-pin',
		'tag',
		'out',
		'keepLogs',
		'profile'
	];
	for (const k of Object.keys(raw)) {
		if (!known.includes(k)) {
			console.error(`unknown option --${k}\n${USAGE}`);
			process.exit(2);
		}
	}
	return {
		clients: Math.round(num('clients', 100, 1, 5000)),
		rate: num('rate', 1000, 1, 100_000),
		duration: num('duration', 30, 1, 300),
		tick: Math.round(num('tick', 250, 50, 5000)),
		warm: num('warm', 5, 0, 60),
		drain: num('drain', 5, 0, 30),
		agents: Math.round(num('agents', 10_000, 10, 12_000)),
		samples: Math.round(num('samples', 100, 1, 1000)),
		batchMs: Math.round(num('batchMs', 10, 1, 1000)),
		seed: Math.round(num('seed', 20261111, 0, 2 ** 31)),
		pin: !raw['no-pin'],
		tag: typeof raw.tag === 'string' ? raw.tag.replace(/[^A-Za-z0-9_.-]/g, '_') : 'bench',
		out: typeof raw.out === 'string' ? path.resolve(raw.out) : null,
		keepLogs: Boolean(raw.keepLogs || raw.profile),
		profile: Boolean(raw.profile)
	};
}
