import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { redisServerArgs } from './redis-args.js';

export interface RedisHandle {
	url: string;
	port: number;
	process: ChildProcess;
	stop(): Promise<void>;
	/** Kills the server (to test reconnects) and starts it again on the same port. */
	restart(downMs?: number): Promise<void>;
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))
			);
		});
	});
}

async function ping(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		socket.setTimeout(500);
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (data) => {
			socket.destroy();
			resolve(data.toString().startsWith('+PONG'));
		});
		socket.on('error', () => resolve(false));
		socket.on('timeout', () => {
			socket.destroy();
			resolve(false);
		});
	});
}

function spawnRedis(port: number): ChildProcess {
	const [command, ...args] = redisServerArgs(port);
	const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
	child.on('error', (err) => {
		console.error(`cannot start redis-server (${err.message}); install it: apt-get install -y redis-server`);
	});
	return child;
}

async function waitForPong(port: number, timeoutMs = 10_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await ping(port)) return;
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error(`redis-server on port ${port} did not answer PING within ${timeoutMs} ms`);
}

async function kill(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	await new Promise<void>((resolve) => {
		child.once('exit', () => resolve());
		child.kill('SIGKILL');
	});
}

export async function startRedis(port?: number): Promise<RedisHandle> {
	const chosen = port ?? (await freePort());
	const handle: RedisHandle = {
		url: `redis://127.0.0.1:${chosen}`,
		port: chosen,
		process: spawnRedis(chosen),
		stop: () => kill(handle.process),
		restart: async (downMs = 500) => {
			await kill(handle.process);
			await new Promise((r) => setTimeout(r, downMs));
			handle.process = spawnRedis(chosen);
			await waitForPong(chosen);
		}
	};
	await waitForPong(chosen);
	return handle;
}
