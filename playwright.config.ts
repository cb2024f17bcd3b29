import { defineConfig } from '@playwright/test';

// Fixed ports (overridable): this file is evaluated again in every worker, so random ports would differ.
const redisPort = Number(process.env.E2E_REDIS_PORT ?? 6395);
const appPort = Number(process.env.E2E_APP_PORT ?? 4179);
export const E2E = {
	redisUrl: `redis://127.0.0.1:${redisPort}`,
	baseUrl: `http://127.0.0.1:${appPort}`,
	prefix: 'e2e',
	apiToken: 'e2e-token-0123456789',
	/** The first admin, created at start-up while no user exists (docs/auth.md "Bootstrap"). */
	admin: { username: 'e2e-admin', password: 'e2e-admin-password-0123' }
};

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	outputDir: 'test-results',
	use: {
		baseURL: E2E.baseUrl,
		browserName: 'chromium',
		launchOptions: {
			// The registry's browser download is unreachable; Debian's chromium is what we drive.
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	webServer: [
		{
			command: `redis-server --port ${redisPort} --bind 127.0.0.1 --save "" --appendonly no --loglevel warning`,
			port: redisPort,
			reuseExistingServer: false,
			gracefulShutdown: { signal: 'SIGTERM', timeout: 2_000 }
		},
		{
			command: 'node server/index.js',
			url: `${E2E.baseUrl}/readyz`,
			reuseExistingServer: false,
			timeout: 60_000,
			env: {
				PORT: String(appPort),
				HOST: '127.0.0.1',
				REDIS_URL: E2E.redisUrl,
				CC_PREFIX: E2E.prefix,
				API_TOKENS: E2E.apiToken,
				ADMIN_USERNAME: E2E.admin.username,
				ADMIN_PASSWORD: E2E.admin.password,
				// The tests' floor is bursty, so pin "stale" at 10 s of silence instead of letting it adapt.
				STALE_MAX_SEC: '10'
			},
			gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 }
		}
	]
});
