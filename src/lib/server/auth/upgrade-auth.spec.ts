import { describe, expect, it } from 'vitest';
import { testAuth } from './test-auth';
import { identifyUpgrade, readCookie } from './upgrade-auth';

const host = 'wall.example:3000';

async function signedIn() {
	const t = testAuth();
	await t.auth.users.create({
		username: 'sup',
		displayName: 'Sup',
		role: 'supervisor',
		password: 'sup-password-1',
		teams: ['team-a']
	});
	const result = await t.auth.login({ username: 'sup', password: 'sup-password-1', address: 'a' });
	if (!result.ok) throw new Error('sign-in failed');
	return { ...t, sessionId: result.sessionId };
}

describe('identifyUpgrade', () => {
	it('identifies the account behind the session cookie on a same-origin upgrade', async () => {
		const { auth, sessionId } = await signedIn();
		const identity = await identifyUpgrade(
			auth,
			{ headers: { host, origin: `http://${host}`, cookie: `theme=dark; cc_session=${sessionId}` } },
			[]
		);
		expect(identity).toMatchObject({
			ok: true,
			user: { username: 'sup' },
			actor: { kind: 'user', role: 'supervisor', teams: ['team-a'] }
		});
	});

	it('refuses a foreign origin before looking at the cookie', async () => {
		const { auth, sessionId } = await signedIn();
		const identity = await identifyUpgrade(
			auth,
			{ headers: { host, origin: 'https://evil.example', cookie: `cc_session=${sessionId}` } },
			[]
		);
		expect(identity).toEqual({ ok: false, status: 403, reason: 'origin not allowed' });
	});

	it('accepts a configured origin and an anonymous client', async () => {
		const { auth } = await signedIn();
		const identity = await identifyUpgrade(auth, { headers: { host, origin: 'https://tv.example' } }, [
			'https://tv.example'
		]);
		expect(identity).toEqual({ ok: true, user: null, actor: null });
	});
});

describe('readCookie', () => {
	it.each([
		['a=1; cc_session=abc; b=2', 'abc'],
		['cc_session=a%2Bb', 'a+b'],
		['xcc_session=abc', undefined],
		[undefined, undefined]
	])('reads %j as %j', (header, expected) => {
		expect(readCookie(header, 'cc_session')).toBe(expected);
	});
});
