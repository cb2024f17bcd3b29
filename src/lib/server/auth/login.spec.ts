import { describe, expect, it } from 'vitest';
import { testAuth } from './test-auth';

const address = '10.1.2.3';

async function withAlice() {
	const t = testAuth();
	const alice = await t.auth.users.create({
		username: 'Alice',
		displayName: '王丽',
		role: 'supervisor',
		password: 'alice-password-1',
		teams: ['team-orders']
	});
	return { ...t, alice };
}

describe('signing in', () => {
	it('opens a session for the right password, whatever the username’s case', async () => {
		const { auth, alice } = await withAlice();
		const result = await auth.login({ username: ' ALICE ', password: 'alice-password-1', address });
		expect(result).toMatchObject({ ok: true, user: { id: alice.id } });
		if (!result.ok) return;
		expect(await auth.userOf({ sessionId: result.sessionId, header: () => null })).toMatchObject({
			username: 'alice'
		});
	});

	it('gives one answer for an unknown name, a wrong password and a disabled account', async () => {
		const { auth, alice } = await withAlice();
		const unknown = await auth.login({ username: 'nobody', password: 'alice-password-1', address });
		const wrong = await auth.login({ username: 'alice', password: 'not-her-password', address });
		await auth.users.update(alice.id, { disabled: true });
		const disabled = await auth.login({ username: 'alice', password: 'alice-password-1', address });
		expect([unknown, wrong, disabled]).toEqual([
			{ ok: false, reason: 'invalid' },
			{ ok: false, reason: 'invalid' },
			{ ok: false, reason: 'invalid' }
		]);
	});

	it('refuses even the right password once the account is locked, then lets it in after the window', async () => {
		const { auth, advance } = await withAlice();
		for (let i = 0; i < 5; i++) await auth.login({ username: 'alice', password: 'guess', address });
		const locked = await auth.login({ username: 'alice', password: 'alice-password-1', address });
		expect(locked).toEqual({ ok: false, reason: 'rate_limited', retryAfterSec: 900 });
		advance(15 * 60_000);
		expect((await auth.login({ username: 'alice', password: 'alice-password-1', address })).ok).toBe(true);
	});

	it('locks an unknown name exactly like a real one', async () => {
		const { auth } = await withAlice();
		for (let i = 0; i < 5; i++) await auth.login({ username: 'ghost', password: 'guess', address });
		expect(await auth.login({ username: 'ghost', password: 'guess', address })).toMatchObject({
			reason: 'rate_limited'
		});
	});
});

describe('an existing session', () => {
	it('ends when the account is disabled', async () => {
		const { auth, alice } = await withAlice();
		const result = await auth.login({ username: 'alice', password: 'alice-password-1', address });
		if (!result.ok) throw new Error('sign-in failed');
		await auth.users.update(alice.id, { disabled: true });
		expect(await auth.userOf({ sessionId: result.sessionId, header: () => null })).toBeNull();
	});

	it('ends when the password is reset', async () => {
		const { auth, alice, advance } = await withAlice();
		const result = await auth.login({ username: 'alice', password: 'alice-password-1', address });
		if (!result.ok) throw new Error('sign-in failed');
		advance(1000);
		await auth.users.setPassword(alice.id, 'a-brand-new-password');
		expect(await auth.userOf({ sessionId: result.sessionId, header: () => null })).toBeNull();
		expect((await auth.login({ username: 'alice', password: 'a-brand-new-password', address })).ok).toBe(
			true
		);
	});

	it('ends at logout', async () => {
		const { auth } = await withAlice();
		const result = await auth.login({ username: 'alice', password: 'alice-password-1', address });
		if (!result.ok) throw new Error('sign-in failed');
		await auth.logout(result.sessionId);
		expect(await auth.userOf({ sessionId: result.sessionId, header: () => null })).toBeNull();
	});
});

describe('the trusted header', () => {
	it('maps the upstream user to the local account of that name', async () => {
		const t = testAuth({ trustedHeader: 'X-Forwarded-User' });
		await t.auth.users.create({
			username: 'bob',
			displayName: 'Bob',
			role: 'manager',
			password: 'bob-password-1'
		});
		const header = (value: string | null) => (name: string) => (name === 'x-forwarded-user' ? value : null);
		expect(await t.auth.userOf({ sessionId: undefined, header: header('Bob') })).toMatchObject({
			username: 'bob'
		});
		expect(await t.auth.userOf({ sessionId: undefined, header: header('mallory') })).toBeNull();
	});

	it('is ignored unless the mode is configured', async () => {
		const t = testAuth();
		await t.auth.users.create({
			username: 'bob',
			displayName: 'Bob',
			role: 'admin',
			password: 'bob-password-1'
		});
		expect(await t.auth.userOf({ sessionId: undefined, header: () => 'bob' })).toBeNull();
	});
});
