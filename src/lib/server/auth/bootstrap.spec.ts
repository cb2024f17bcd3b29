import { describe, expect, it } from 'vitest';
import { testAuth } from './test-auth';

describe('bootstrapping the first admin', () => {
	it('creates the admin from the variables on an empty store', async () => {
		const { auth, logger } = testAuth();
		const outcome = await auth.bootstrap({
			username: 'root',
			password: 'root-password-1',
			mode: 'redis',
			logger
		});
		expect(outcome).toBe('created');
		expect(await auth.users.findByUsername('root')).toMatchObject({ role: 'admin', disabled: false });
		expect((await auth.login({ username: 'root', password: 'root-password-1', address: 'a' })).ok).toBe(true);
	});

	it('leaves an existing store alone, so a restart never resets a changed password', async () => {
		const { auth, logger } = testAuth();
		await auth.bootstrap({ username: 'root', password: 'root-password-1', mode: 'redis', logger });
		const root = await auth.users.findByUsername('root');
		await auth.users.setPassword(root!.id, 'changed-password-2');
		expect(
			await auth.bootstrap({ username: 'root', password: 'root-password-1', mode: 'redis', logger })
		).toBe('exists');
		expect((await auth.login({ username: 'root', password: 'changed-password-2', address: 'a' })).ok).toBe(
			true
		);
	});

	it('makes up and prints a password for `admin` in the embedded mode', async () => {
		const { auth } = testAuth();
		const lines: string[] = [];
		const logger = { info: (m: string) => lines.push(m), warn: () => {}, error: () => {} };
		expect(await auth.bootstrap({ username: undefined, password: undefined, mode: 'embedded', logger })).toBe(
			'generated'
		);
		const password = /password: (\S+)/.exec(lines.join('\n'))?.[1] ?? '';
		expect(password.length).toBeGreaterThanOrEqual(16);
		expect((await auth.login({ username: 'admin', password, address: 'a' })).ok).toBe(true);
	});

	it('creates nobody with Redis and no password, and says what to set', async () => {
		const { auth } = testAuth();
		const warnings: string[] = [];
		const logger = { info: () => {}, warn: (m: string) => warnings.push(m), error: () => {} };
		expect(await auth.bootstrap({ username: undefined, password: undefined, mode: 'redis', logger })).toBe(
			'none'
		);
		expect(await auth.users.isEmpty()).toBe(true);
		expect(warnings.join()).toContain('ADMIN_PASSWORD');
	});
});
