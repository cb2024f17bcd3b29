// Benchmark screens (a child of run.js): holds --n WebSocket connections to the server, each subscribed to
// --view like a wallboard. Every connection reads and counts everything it is sent; only the sampled ones
// (--samples, spread evenly, first and last included) parse frames after start-up and record, per patch
// or snapshot frame, its receive time and its freshness.asOfMs. Receive time is Date.now(): the same wall
// clock the publisher stamps each event's `ts` with (same machine), so receive - ts is a latency.
import WebSocket from 'ws';

process.on('disconnect', () => process.exit(0)); // orchestrator gone: stop

const args = parseArgs(process.argv.slice(2));
const URL_ = String(args.url);
const N = Number(args.n);
const SAMPLES = Math.min(N, Number(args.samples ?? 100));
const VIEW = String(args.view ?? 'board:default');
setTimeout(() => process.exit(3), Number(args.maxSecs ?? 300) * 1000).unref();

/** @type {Set<number>} */
const sampled = new Set();
for (let i = 0; i < SAMPLES; i++) sampled.add(SAMPLES === 1 ? 0 : Math.round((i * (N - 1)) / (SAMPLES - 1)));

/**
 * @typedef {{ recv: number[], asOf: number[], kind: string[], lastSeq: number | null, seqGaps: number,
 *   heartbeats: number, snapshots: number, patches: number, errors: number }} Sample
 */
let framesAll = 0;
let bytesAll = 0;
let closed = 0;
let errors = 0;
let errorFrames = 0;
/** @type {Record<string, number>} */
const closeCodes = {};
/** @type {Sample[]} */
const samples = [];
/** @type {WebSocket[]} */
const sockets = [];

/** @param {number} index @returns {Promise<WebSocket>} */
function open(index) {
	return new Promise((resolve, reject) => {
		const ws = new WebSocket(URL_, { perMessageDeflate: false, skipUTF8Validation: true });
		/** @type {Sample | null} */
		const sample = sampled.has(index)
			? {
					recv: [],
					asOf: [],
					kind: [],
					lastSeq: null,
					seqGaps: 0,
					heartbeats: 0,
					snapshots: 0,
					patches: 0,
					errors: 0
				}
			: null;
		if (sample) samples.push(sample);
		let subscribed = false;
		const timer = setTimeout(() => reject(new Error(`connection ${index}: no snapshot within 20 s`)), 20_000);
		ws.on('open', () => ws.send(JSON.stringify({ type: 'subscribe.v1', view: VIEW })));
		ws.on('message', (/** @type {Buffer} */ data) => {
			const recv = Date.now();
			framesAll++;
			bytesAll += data.length;
			if (!sample && subscribed) return;
			const frame = JSON.parse(data.toString());
			if (frame.type === 'error.v1') {
				errorFrames++;
				if (sample) sample.errors++;
			}
			if (!subscribed) {
				if (frame.type !== 'snapshot.v1') return;
				subscribed = true;
				clearTimeout(timer);
				resolve(ws);
			}
			if (!sample) return;
			if (frame.type === 'heartbeat.v1') {
				sample.heartbeats++;
				return;
			}
			if (frame.type !== 'patch.v1' && frame.type !== 'snapshot.v1') return;
			if (frame.type === 'patch.v1') {
				sample.patches++;
				if (sample.lastSeq !== null && frame.seq !== sample.lastSeq + 1) sample.seqGaps++;
			} else sample.snapshots++;
			sample.lastSeq = frame.seq;
			const asOf = frame.freshness?.asOfMs;
			sample.recv.push(recv);
			sample.asOf.push(typeof asOf === 'number' ? asOf : 0);
			sample.kind.push(frame.type === 'patch.v1' ? 'p' : 's');
		});
		ws.on('error', (err) => {
			errors++;
			clearTimeout(timer);
			reject(err);
		});
		ws.on('close', (code) => {
			closed++;
			closeCodes[code] = (closeCodes[code] ?? 0) + 1;
		});
	});
}

const t0 = Date.now();
try {
	for (let i = 0; i < N; i += 100) {
		const batch = [];
		for (let j = i; j < Math.min(N, i + 100); j++) batch.push(open(j));
		sockets.push(...(await Promise.all(batch)));
	}
	tell({ type: 'connected', n: sockets.length, ms: Date.now() - t0, samples: samples.length });
} catch (err) {
	tell({ type: 'failed', message: String(err.message ?? err), opened: sockets.length });
	setTimeout(() => process.exit(1), 100);
}

/** @type {{ t: number, frames: number, bytes: number, cpu: NodeJS.CpuUsage } | null} */
let mark0 = null;
process.on('message', (/** @type {any} */ m) => {
	if (m?.type === 'mark') {
		const now = { t: Date.now(), frames: framesAll, bytes: bytesAll, cpu: process.cpuUsage() };
		if (!mark0) {
			mark0 = now;
			return;
		}
		const secs = (now.t - mark0.t) / 1000;
		tell({
			type: 'mark',
			secs,
			frames: now.frames - mark0.frames,
			bytes: now.bytes - mark0.bytes,
			cpuPct: ((now.cpu.user - mark0.cpu.user + now.cpu.system - mark0.cpu.system) / 1e6 / secs) * 100
		});
	} else if (m?.type === 'progress') {
		// The oldest picture any sampled screen has: the smallest of their newest asOfMs.
		let minAsOf = Infinity;
		for (const s of samples) minAsOf = Math.min(minAsOf, s.asOf[s.asOf.length - 1] ?? 0);
		tell({ type: 'progress', minAsOf });
	} else if (m?.type === 'report') {
		tell({
			type: 'report',
			n: sockets.length,
			framesAll,
			bytesAll,
			closed,
			closeCodes,
			errors,
			errorFrames,
			rssMB: process.memoryUsage.rss() / 2 ** 20,
			samples
		});
	} else if (m?.type === 'close') {
		for (const ws of sockets) ws.terminate();
		setTimeout(() => process.exit(0), 50);
	}
});

/** @param {object} message */
function tell(message) {
	if (process.connected) process.send?.(message);
}

/** `--name value` pairs. @param {string[]} argv @returns {Record<string, string>} */
function parseArgs(argv) {
	/** @type {Record<string, string>} */
	const out = {};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a?.startsWith('--') && argv[i + 1] !== undefined) out[a.slice(2)] = String(argv[++i]);
	}
	return out;
}
