// Benchmark publisher (a child of run.js): plays the telephony platform. Answers the server's
// `snapshot.request` with a `floor.snapshot` of the whole agent population, then, when told to go,
// publishes the centre model's events at a fixed rate as JSON-array batches, one message per channel every
// --batchMs, each event's `ts` being the wall time of its batch. Reports every in-window batch as
// [ts, count] so run.js can work out per-event publish -> screen latency.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import { CentreModel } from './lib/centre-model.js';
import { ROOT } from './lib/proc.js';

process.on('disconnect', () => process.exit(0)); // orchestrator gone: stop

const args = parseArgs(process.argv.slice(2));
const REDIS_PORT = Number(args.redisPort);
const PREFIX = String(args.prefix);
const RATE = Number(args.rate);
const AGENTS = Number(args.agents);
const BATCH_MS = Number(args.batchMs ?? 10);
const MAX_BATCH = 2_000;
setTimeout(() => process.exit(3), Number(args.maxSecs ?? 300) * 1000).unref();

const setup = JSON.parse(readFileSync(path.join(ROOT, String(args.setup)), 'utf8'));
const model = new CentreModel({ setup, agents: AGENTS, rate: RATE, seed: Number(args.seed ?? 20261111) });
const channels = { agent: `${PREFIX}:agent`, contact: `${PREFIX}:contact` };

const options = { host: '127.0.0.1', port: REDIS_PORT, lazyConnect: true, maxRetriesPerRequest: 3 };
const pub = new Redis(options);
const sub = new Redis(options);
await pub.connect();
await sub.connect();

let snapshotRequests = 0;
let snapshotBytes = 0;
sub.on('message', (_channel, message) => {
	let command;
	try {
		command = JSON.parse(message);
	} catch {
		return;
	}
	if (command?.type !== 'snapshot.request') return;
	snapshotRequests++;
	publishSnapshot();
});

/** The contract caps a message at 4 MiB; a floor.snapshot larger than that would be dead-lettered. */
function publishSnapshot() {
	const { channel, event } = model.snapshot(Date.now());
	const text = JSON.stringify(event);
	snapshotBytes = Buffer.byteLength(text);
	if (snapshotBytes > 4 * 1024 * 1024) {
		tell({
			type: 'fatal',
			message: `floor.snapshot of ${snapshotBytes} bytes exceeds 4 MiB: use fewer --agents`
		});
		return;
	}
	void pub.publish(channels[channel], text);
	tell({ type: 'snapshot', bytes: snapshotBytes, agents: AGENTS, contacts: event.contacts.length });
}
await sub.subscribe(`${PREFIX}:command`);
tell({ type: 'ready', pid: process.pid, handleMs: model.handleMs });

process.on('message', (/** @type {any} */ m) => {
	if (m?.type !== 'go') return;
	// A server that found the platform's log asks for no snapshot: the floor is introduced unasked.
	if (!model.seeded) publishSnapshot();
	void run(m.startAtMs, m.windowStartMs, m.windowEndMs, m.endAtMs);
});

/**
 * @param {number} startAtMs @param {number} windowStartMs @param {number} windowEndMs @param {number} endAtMs
 */
async function run(startAtMs, windowStartMs, windowEndMs, endAtMs) {
	while (Date.now() < startAtMs) await new Promise((r) => setTimeout(r, 1));
	const t0 = Date.now();
	const totalMs = endAtMs - t0;
	const total = Math.floor((totalMs / 1000) * RATE);
	const cpu0 = process.cpuUsage();
	let sent = 0;
	let inWindow = 0;
	let messages = 0;
	let bytes = 0;
	let lateTicks = 0;
	let maxBatch = 0;
	let lastTick = t0;
	let lastTs = 0;
	/** @type {number[]} */
	const windowTs = [];
	/** @type {number[]} */
	const windowCount = [];
	await new Promise((resolve) => {
		const timer = setInterval(() => {
			const now = Date.now();
			if (now - lastTick > 2 * BATCH_MS + 5) lateTicks++;
			lastTick = now;
			const due = Math.min(total, Math.floor(((Math.min(now, endAtMs) - t0) / 1000) * RATE)) - sent;
			if (due > 0) {
				if (due > maxBatch) maxBatch = due;
				/** @type {{agent: string[], contact: string[]}} */
				const batch = { agent: [], contact: [] };
				for (let i = 0; i < due; i++) {
					const { channel, event } = model.next(now);
					batch[channel].push(JSON.stringify(event));
				}
				const pipeline = pub.pipeline();
				for (const key of ['contact', 'agent']) {
					const items = batch[key];
					for (let i = 0; i < items.length; i += MAX_BATCH) {
						const text = `[${items.slice(i, i + MAX_BATCH).join(',')}]`;
						pipeline.publish(channels[key], text);
						messages++;
						bytes += Buffer.byteLength(text);
					}
				}
				void pipeline.exec();
				sent += due;
				lastTs = now;
				if (now >= windowStartMs && now < windowEndMs) {
					inWindow += due;
					windowTs.push(now);
					windowCount.push(due);
				}
			}
			if (now >= endAtMs || sent >= total) {
				clearInterval(timer);
				resolve(undefined);
			}
		}, BATCH_MS);
	});
	await pub.ping(); // every publish acknowledged by redis
	const secs = (Date.now() - t0) / 1000;
	const cpu = process.cpuUsage(cpu0);
	tell({
		type: 'published',
		sent,
		inWindow,
		messages,
		bytes,
		secs,
		rate: sent / secs,
		cpuPct: ((cpu.user + cpu.system) / 1e6 / secs) * 100,
		lateTicks,
		maxBatch,
		lastTs,
		windowTs,
		windowCount,
		mix: model.counts,
		handleMs: model.handleMs,
		snapshotRequests,
		snapshotBytes
	});
}

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
