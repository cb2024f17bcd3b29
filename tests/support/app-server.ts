import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { freePort } from './redis-server';

export const TEST_API_TOKEN = 'test-token-0123456789';

export interface AppHandle {
	baseUrl: string;
	wsUrl: string;
	port: number;
	output: () => string;
	stop(): Promise<void>;
}

export interface StartOptions {
	/** Listen on this port (to restart a server where its screens expect it); default a free one. */
	port?: number;
}

/** Starts the built production server (`node server/index.js`) against a Redis, waiting for /readyz. */
export async function startApp(env: Record<string, string>, options: StartOptions = {}): Promise<AppHandle> {
	if (!existsSync('build/index.js')) throw new Error('build/ is missing: run `npm run build` first');
	return startServer((_port) => ['server/index.js'], env, options);
}

/** Starts `vite dev` on a free port (pages, API and /ws through the dev plugin), waiting for /readyz. */
export async function startDevApp(env: Record<string, string>): Promise<AppHandle> {
	return startServer(
		(port) => [
			'node_modules/vite/bin/vite.js',
			'dev',
			'--port',
			String(port),
			'--strictPort',
			'--host',
			'127.0.0.1'
		],
		env
	);
}

async function startServer(
	args: (port: number) => string[],
	env: Record<string, string>,
	options: StartOptions = {}
): Promise<AppHandle> {
	const port = options.port ?? (await freePort());
	let output = '';
	const child: ChildProcess = spawn(process.execPath, args(port), {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', API_TOKENS: TEST_API_TOKEN, ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout?.on('data', (d) => (output += d.toString()));
	child.stderr?.on('data', (d) => (output += d.toString()));
	const baseUrl = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
		try {
			const res = await fetch(`${baseUrl}/readyz`);
			if (res.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`server not ready within 30 s:\n${output}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		baseUrl,
		wsUrl: `ws://127.0.0.1:${port}/ws`,
		port,
		output: () => output,
		stop: async () => {
			if (child.exitCode !== null) return;
			const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
			await exited;
			clearTimeout(timer);
		}
	};
}

export async function getJson<T = unknown>(app: AppHandle, path: string, token = TEST_API_TOKEN): Promise<T> {
	const res = await fetch(`${app.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
	if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
	return (await res.json()) as T;
}
