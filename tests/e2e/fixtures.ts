import { randomUUID } from 'node:crypto';
import { test as base, expect, type Locator, type Page, type WebSocketRoute } from '@playwright/test';
import { Redis } from 'ioredis';
import { E2E } from '../../playwright.config';
import { TestPlatform } from '../support/platform';

export { expect };

/** A short random tag that keeps sources, agents and contacts of one test apart from every other test's. */
export function tag(): string {
	return randomUUID().slice(0, 8);
}

export const SECOND_MS = 1000;

/** Event bodies of the contract, for TestPlatform.event(). */
export const ev = {
	login: (agentId: string, queues: string[], teamId = 'e2e-team') => ({
		type: 'agent.login' as const,
		agentId,
		name: agentId,
		teamId,
		queues
	}),
	ready: (agentId: string) => ({ type: 'agent.state' as const, agentId, state: 'ready' as const }),
	notReady: (agentId: string, reason: string) => ({
		type: 'agent.state' as const,
		agentId,
		state: 'not_ready' as const,
		reason
	}),
	queued: (contactId: string, queueId: string, channel: 'voice' | 'chat' | 'email' = 'voice') => ({
		type: 'contact.queued' as const,
		contactId,
		queueId,
		channel
	}),
	answered: (contactId: string, agentId: string) => ({
		type: 'contact.answered' as const,
		contactId,
		agentId
	}),
	abandoned: (contactId: string) => ({ type: 'contact.abandoned' as const, contactId })
};

/** What the server published on the command channel (it asks the platform for snapshots there). */
export class CommandLog {
	readonly received: Array<{ type: string; issuedBy?: string }> = [];
	readonly #redis: Redis;

	private constructor(redis: Redis) {
		this.#redis = redis;
	}

	static async listen(): Promise<CommandLog> {
		const log = new CommandLog(new Redis(E2E.redisUrl, { maxRetriesPerRequest: null }));
		log.#redis.on('message', (_channel: string, message: string) => {
			try {
				log.received.push(JSON.parse(message) as { type: string; issuedBy?: string });
			} catch {
				log.received.push({ type: '(not JSON)' });
			}
		});
		await log.#redis.subscribe(`${E2E.prefix}:command`);
		return log;
	}

	count(type: string): number {
		return this.received.filter((c) => c.type === type).length;
	}

	close(): void {
		this.#redis.disconnect();
	}
}

/**
 * Stands between the page and the real /ws endpoint, forwarding every frame both ways, so a test can
 * take the link away as a network would: `silence()` (a half-open link: the socket stays open, nothing
 * arrives), `cut()` (the connection drops and new ones are refused) and `restore()`.
 */
export class SocketLink {
	/** WebSocket connections the page attempted, and how many of them were refused while cut. */
	attempts = 0;
	refused = 0;
	#up = true;
	#forwarding = true;
	#open: Array<{ page: WebSocketRoute; server: WebSocketRoute }> = [];

	async attach(page: Page): Promise<void> {
		await page.routeWebSocket(/\/ws$/, (ws) => this.#route(ws));
	}

	#route(ws: WebSocketRoute): void {
		this.attempts++;
		if (!this.#up) {
			this.refused++;
			void ws.close({ code: 1006, reason: 'unreachable' });
			return;
		}
		const server = ws.connectToServer();
		server.onMessage((message) => {
			if (this.#forwarding) ws.send(message);
		});
		this.#open.push({ page: ws, server });
	}

	silence(): void {
		this.#forwarding = false;
	}

	async cut(): Promise<void> {
		this.#up = false;
		this.#forwarding = false;
		const open = this.#open;
		this.#open = [];
		for (const { page, server } of open) {
			await server.close().catch(() => undefined);
			await page.close({ code: 1006, reason: 'unreachable' }).catch(() => undefined);
		}
	}

	restore(): void {
		this.#up = true;
		this.#forwarding = true;
	}
}

export const test = base.extend<{
	/** A platform stand-in with a source of its own; closed after the test. */
	platform: (options?: { writeLog?: boolean }) => TestPlatform;
	commands: CommandLog;
}>({
	// eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
	platform: async ({}, use, testInfo) => {
		const made: TestPlatform[] = [];
		await use((options = {}) => {
			const platform = new TestPlatform(E2E.redisUrl, {
				prefix: E2E.prefix,
				source: `e2e-${testInfo.workerIndex}-${tag()}`,
				writeLog: options.writeLog ?? true
			});
			made.push(platform);
			return platform;
		});
		for (const platform of made) await platform.close();
	},
	// eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
	commands: async ({}, use) => {
		const log = await CommandLog.listen();
		await use(log);
		log.close();
	}
});

/** The wallboard's stable hooks. */
export function wall(page: Page) {
	return {
		root: page.getByTestId('wallboard'),
		status: page.getByTestId('board-status'),
		overlay: page.getByTestId('board-overlay'),
		overlayLabel: page.getByTestId('board-overlay-label'),
		updated: page.getByTestId('board-updated'),
		tile: (id: string) => page.getByTestId(`tile-${id}-value`),
		tileLabel: (id: string) => page.getByTestId(`tile-${id}`).getByRole('heading'),
		row: (queueId: string) => page.getByTestId(`queue-row-${queueId}`),
		cell: (queueId: string, column: string) => page.getByTestId(`queue-${queueId}-${column}`)
	};
}

/** Reads a rendered count ("1,234" → 1234). */
export async function readCount(locator: Locator): Promise<number> {
	const text = (await locator.textContent()) ?? '';
	const value = Number(text.replace(/[,\s]/g, ''));
	if (text.trim() === '' || !Number.isInteger(value)) throw new Error(`not a count: "${text}"`);
	return value;
}

/** Waits until the board says its figures are live, with no overlay over them. */
export async function expectLive(page: Page, timeout?: number): Promise<void> {
	const w = wall(page);
	await expect(w.status).toHaveAttribute('data-state', 'live', { timeout });
	await expect(w.overlay).toHaveCount(0);
}

/** Signs in through the login form (as the bootstrapped admin unless told), landing on `to`. */
export async function signIn(
	page: Page,
	to: string,
	who: { username: string; password: string } = E2E.admin
): Promise<void> {
	await page.goto(`/login?redirectTo=${encodeURIComponent(to)}`);
	await page.locator('input[name="username"]').fill(who.username);
	await page.locator('input[name="password"]').fill(who.password);
	await page.locator('form button[type="submit"]').click();
	await expect(page).toHaveURL(new RegExp(`${to.replace(/[?]/g, '\\?')}$`));
}
