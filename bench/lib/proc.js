// Process helpers for the benchmark: free ports, /proc readings (CPU, RSS, per-core busy time, CPU used by
// processes that are not ours), and child processes that are always stopped by their own PID.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A bench's private redis-server starts as the test harness's does. */
export { redisServerArgs } from '../../tests/support/redis-args.js';

export const BENCH_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const ROOT = path.dirname(BENCH_DIR);

/**
 * The Node flags the production server runs with: those of `npm start` in package.json, read from there
 * so a bench of the server runs it exactly as `npm start` does.
 */
export function serverNodeFlags() {
	const { scripts } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	const words = String(scripts.start).split(/\s+/);
	return words.slice(words.indexOf('node') + 1, words.indexOf('server/index.js'));
}

/** Ports never to use: shared services on this kind of machine. */
const RESERVED_PORTS = new Set([6379, 6392, 6395, 4179]);

export const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A TCP port that is free on 127.0.0.1 right now (asked from the kernel, reserved ones skipped). */
export async function freePort() {
	for (let attempt = 0; attempt < 20; attempt++) {
		const port = await new Promise((resolve, reject) => {
			const server = net.createServer();
			server.unref();
			server.on('error', reject);
			server.listen(0, '127.0.0.1', () => {
				const address = server.address();
				const found = typeof address === 'object' && address ? address.port : 0;
				server.close(() => resolve(found));
			});
		});
		if (port && !RESERVED_PORTS.has(port)) return port;
	}
	throw new Error('no free port found');
}

const CLK_TCK = 100;

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat; NaN when it is gone. */
export function cpuSec(/** @type {number} */ pid) {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
	} catch {
		return NaN;
	}
}

/** Resident set size in MiB, from VmRSS in /proc/<pid>/status; NaN when it is gone. */
export function rssMB(/** @type {number} */ pid) {
	try {
		const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) / 1024 : NaN;
	} catch {
		return NaN;
	}
}

/**
 * Per-core jiffies from /proc/stat. Per-process CPU misses softirq time (loopback TCP work is often
 * charged to whichever core handles it), so core-level busy time is recorded as well.
 * @returns {Record<string, {busy: number, softirq: number, total: number}>}
 */
export function coreStats() {
	/** @type {Record<string, {busy: number, softirq: number, total: number}>} */
	const out = {};
	for (const line of readFileSync('/proc/stat', 'utf8').split('\n')) {
		const match = /^(cpu\d+)\s+(.*)$/.exec(line);
		if (!match || !match[1] || !match[2]) continue;
		const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = match[2]
			.split(/\s+/)
			.map(Number);
		const total = user + nice + system + idle + iowait + irq + softirq + steal;
		out[match[1]] = { busy: total - idle - iowait, softirq: softirq + irq, total };
	}
	return out;
}

/** Busy and softirq percentages per core between two coreStats() readings. */
export function coreDelta(
	/** @type {ReturnType<typeof coreStats>} */ a,
	/** @type {ReturnType<typeof coreStats>} */ b
) {
	/** @type {Record<string, {busyPct: number, softirqPct: number}>} */
	const out = {};
	for (const [core, end] of Object.entries(b)) {
		const start = a[core];
		if (!start) continue;
		const total = end.total - start.total || 1;
		out[core] = {
			busyPct: ((end.busy - start.busy) / total) * 100,
			softirqPct: ((end.softirq - start.softirq) / total) * 100
		};
	}
	return out;
}

/**
 * CPU seconds of every process on the machine that is not in `mine` (other people's tests, editors),
 * kernel threads apart. Two readings give how busy the machine was with other work during a window.
 * @param {Set<number>} mine
 */
export function othersCpu(mine) {
	/** @type {Map<number, number>} */
	const user = new Map();
	let kthreads = 0;
	for (const name of readdirSync('/proc')) {
		const pid = Number(name);
		if (!Number.isInteger(pid) || mine.has(pid)) continue;
		try {
			const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			const cpu = (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
			if (pid === 2 || fields[1] === '2') kthreads += cpu;
			else user.set(pid, cpu);
		} catch {
			// exited meanwhile
		}
	}
	return { user, kthreads };
}

/** CPU seconds other processes used between two othersCpu() readings (processes started meanwhile count whole). */
export function othersDelta(
	/** @type {ReturnType<typeof othersCpu>} */ a,
	/** @type {ReturnType<typeof othersCpu>} */ b
) {
	let user = 0;
	for (const [pid, cpu] of b.user) user += cpu - (a.user.get(pid) ?? 0);
	return { user, kthreads: b.kthreads - a.kthreads };
}

/** Whether `taskset` can pin processes (2+ cores and the tool present). */
export function canPin() {
	if (os.availableParallelism() < 2) return false;
	try {
		readFileSync('/usr/bin/taskset');
		return true;
	} catch {
		return false;
	}
}

/**
 * @typedef {{ type: string } & Record<string, unknown>} Message
 * @typedef {{
 *   pid: number,
 *   name: string,
 *   exited: Promise<{code: number | null, signal: string | null}>,
 *   isRunning(): boolean,
 *   send(message: object): void,
 *   wait(type: string, timeoutMs: number): Promise<Message>,
 *   stop(graceMs?: number): Promise<unknown>
 * }} Child
 */

/** Every child started here, so one call stops them all on any exit path. */
const children = new Set();

/**
 * Starts a Node script with an IPC channel, optionally pinned to one CPU. The script is expected to exit
 * when the channel closes (the orchestrator died), so nothing outlives the benchmark.
 * @param {string} name
 * @param {string} script absolute path
 * @param {Array<string | number>} args
 * @param {{ cpu?: number | null, env?: Record<string, string>, cwd?: string, log?: import('node:fs').WriteStream | null }} [options]
 * @returns {Child}
 */
export function spawnNode(name, script, args, options = {}) {
	const { cpu = null, env = {}, cwd = ROOT, log = null } = options;
	const nodeArgs = [script, ...args.map(String)];
	const [command, argv] =
		cpu === null
			? [process.execPath, nodeArgs]
			: ['taskset', ['-c', String(cpu), process.execPath, ...nodeArgs]];
	const child = spawn(command, argv, {
		cwd,
		env: { ...process.env, ...env },
		stdio: ['ignore', log ? 'pipe' : 'inherit', log ? 'pipe' : 'inherit', 'ipc']
	});
	if (log) {
		child.stdout?.pipe(log, { end: false });
		child.stderr?.pipe(log, { end: false });
	}
	/** @type {Message[]} */
	const inbox = [];
	/** @type {Array<{type: string, resolve: (m: Message) => void, reject: (e: Error) => void, timer: NodeJS.Timeout}>} */
	const waiters = [];
	child.on('message', (/** @type {Message} */ message) => {
		const index = waiters.findIndex((w) => w.type === message.type);
		if (index < 0) {
			inbox.push(message);
			return;
		}
		const [waiter] = waiters.splice(index, 1);
		if (!waiter) return;
		clearTimeout(waiter.timer);
		waiter.resolve(message);
	});
	const exited = new Promise((resolve) =>
		child.on('exit', (code, signal) => {
			children.delete(handle);
			for (const waiter of waiters.splice(0)) {
				clearTimeout(waiter.timer);
				waiter.reject(
					new Error(`${name} exited (code ${code}, signal ${signal}) while waiting for ${waiter.type}`)
				);
			}
			resolve({ code, signal });
		})
	);
	child.on('error', () => undefined);
	const isRunning = () => child.exitCode === null && child.signalCode === null;
	/** @type {Child} */
	const handle = {
		pid: child.pid ?? -1,
		name,
		exited,
		isRunning,
		send(message) {
			if (child.connected) child.send(message);
		},
		wait(type, timeoutMs) {
			const index = inbox.findIndex((m) => m.type === type);
			if (index >= 0) return Promise.resolve(/** @type {Message} */ (inbox.splice(index, 1)[0]));
			if (!isRunning()) return Promise.reject(new Error(`${name} is not running (waiting for ${type})`));
			return new Promise((resolve, reject) => {
				const timer = setTimeout(() => {
					const at = waiters.findIndex((w) => w.resolve === resolve);
					if (at >= 0) waiters.splice(at, 1);
					reject(new Error(`timed out after ${timeoutMs} ms waiting for ${type} from ${name}`));
				}, timeoutMs);
				waiters.push({ type, resolve, reject, timer });
			});
		},
		async stop(graceMs = 3000) {
			if (!isRunning()) return exited;
			child.kill('SIGTERM');
			const timer = setTimeout(() => {
				if (isRunning()) child.kill('SIGKILL');
			}, graceMs);
			const result = await exited;
			clearTimeout(timer);
			return result;
		}
	};
	children.add(handle);
	return handle;
}

/** Stops every child still running (each by its own PID), newest first. */
export async function stopAll(graceMs = 3000) {
	const running = [...children].reverse();
	for (const child of running) await child.stop(graceMs);
}

/**
 * Last resort on a synchronous exit path: SIGTERM whatever is left, by PID. (Not SIGKILL: a guard must
 * live long enough to stop the process it guards.)
 */
export function killAllSync() {
	for (const child of children) {
		try {
			process.kill(child.pid, 'SIGTERM');
		} catch {
			// already gone
		}
	}
}
