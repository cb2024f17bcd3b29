import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin, type ViteDevServer, type PreviewServer } from 'vite';

/** Process-wide key of the live runtime; the only thing the upgrade glue knows of it. */
const RUNTIME_KEY = Symbol.for('cc-wallboard.runtime');

/**
 * Forwards WebSocket upgrades on /ws to the realtime hub, so pages, API and socket share one port in
 * `vite dev` as in production. The hub is loaded through Vite's SSR loader so it is the same module
 * graph as Kit's routes; other upgrade paths are left alone because Vite's HMR socket shares the server.
 */
function realtimeUpgrade(): Plugin {
	const attach = (server: ViteDevServer | PreviewServer, load: () => Promise<UpgradeModule>) => {
		server.httpServer?.on('upgrade', (req, socket, head) => {
			if (!req.url?.startsWith('/ws')) return;
			load()
				.then((mod) => mod.handleUpgrade(req, socket, head))
				.catch((err: unknown) => {
					console.error('[realtime] upgrade failed', err);
					socket.destroy();
				});
		});
	};
	return {
		name: 'cc-realtime-upgrade',
		configureServer(server) {
			attach(
				server,
				() => server.ssrLoadModule('/src/lib/server/runtime/upgrade.ts') as Promise<UpgradeModule>
			);
		},
		configurePreviewServer(server) {
			// `vite preview` runs the built server in this process: the runtime registers itself globally.
			attach(server, async () => {
				const runtime = (globalThis as Record<symbol, UpgradeModule | undefined>)[RUNTIME_KEY];
				if (!runtime) throw new Error('runtime not started yet');
				return runtime;
			});
		}
	};
}

interface UpgradeModule {
	handleUpgrade(
		req: import('node:http').IncomingMessage,
		socket: import('node:stream').Duplex,
		head: Buffer
	): void;
}

export default defineConfig(async () => ({
	plugins: [
		await sveltekit({
			adapter: adapter({ out: 'build' })
		}),
		realtimeUpgrade()
	],
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.spec.ts']
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					environment: 'node',
					include: ['tests/integration/**/*.test.ts'],
					globalSetup: ['tests/integration/redis-global-setup.ts'],
					testTimeout: 30_000,
					hookTimeout: 30_000,
					fileParallelism: false
				}
			}
		]
	}
}));
