// Keeps a process (redis-server, the product server) from outliving the benchmark: runs it, reports its
// PID over IPC, and stops it by that PID when asked (SIGTERM), when the orchestrator goes away (the IPC
// channel closes, even if the orchestrator was killed) or when --maxSecs have passed.
// Usage (from proc.js spawnNode): guard.js <maxSecs> <graceMs> <command> [args...]
import { spawn } from 'node:child_process';

const [maxSecsArg, graceArg, command, ...args] = process.argv.slice(2);
const maxSecs = Number(maxSecsArg);
const graceMs = Number(graceArg);
if (!command || !(maxSecs > 0) || !(graceMs > 0)) {
	console.error('usage: guard.js <maxSecs> <graceMs> <command> [args...]');
	process.exit(2);
}

const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
let stopping = false;

/** @param {object} message */
const tell = (message) => {
	if (process.connected) process.send?.(message);
};

function stop(/** @type {string} */ why) {
	if (stopping) return;
	stopping = true;
	if (child.exitCode !== null || child.signalCode !== null) process.exit(0);
	if (why !== 'asked') console.error(`[guard] stopping ${command} (pid ${child.pid}): ${why}`);
	child.kill('SIGTERM');
	setTimeout(() => {
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
	}, graceMs).unref();
}

child.on('error', (err) => {
	tell({ type: 'error', message: String(err.message) });
	process.exit(1);
});
child.on('spawn', () => tell({ type: 'spawned', pid: child.pid }));
child.on('exit', (code, signal) => {
	tell({ type: 'exit', code, signal });
	// Let the message go out before leaving.
	setTimeout(() => process.exit(0), 50);
});

process.on('SIGTERM', () => stop('asked'));
process.on('SIGINT', () => stop('asked'));
process.on('disconnect', () => stop('orchestrator gone'));
setTimeout(() => stop(`lifetime of ${maxSecs} s reached`), maxSecs * 1000).unref();
