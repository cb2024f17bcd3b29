import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startApp, type AppHandle } from '../support/app-server';
import {
	createUser as createUserAs,
	postForm,
	signIn as signInAs,
	type FormFields,
	type FormOptions
} from '../support/forms';

/**
 * Accounts against the built server and a real Redis: the first admin from the environment, sign-in
 * through the form action, limits, cookie flags, logout, roles, and users surviving a restart.
 */
const prefix = `auth${process.pid}`;
const admin = { username: 'root', password: 'root-password-1' };
let app: AppHandle;

const start = (env: Record<string, string> = {}) =>
	startApp({
		REDIS_URL: inject('redisUrl'),
		CC_PREFIX: prefix,
		...env
	});

beforeAll(async () => {
	app = await start({ ADMIN_USERNAME: admin.username, ADMIN_PASSWORD: admin.password });
}, 40_000);

afterAll(async () => {
	await app?.stop();
});

const post = (path: string, fields: FormFields, cookie?: string, options: FormOptions = {}) =>
	postForm(app, path, fields, { cookie, ...options });

const get = (path: string, cookie?: string) =>
	fetch(`${app.baseUrl}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });

const signIn = (username: string, password: string) => signInAs(app, username, password);
const createUser = (cookie: string, fields: FormFields) => createUserAs(app, cookie, fields);

describe('accounts on the production server', () => {
	it('signs the bootstrapped admin in with an HttpOnly, SameSite=Lax session cookie (not Secure on http)', async () => {
		const res = await post('/login?redirectTo=%2Fadmin%2Fusers', admin);
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/admin/users');
		const cookie = res.headers.getSetCookie().find((c) => c.startsWith('cc_session='))!;
		expect(cookie).toMatch(/; HttpOnly/i);
		expect(cookie).toMatch(/; SameSite=Lax/i);
		expect(cookie).toMatch(/; Path=\//i);
		expect(cookie).not.toMatch(/; Secure/i);
		const page = await get('/admin/users', cookie.split(';')[0]);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('data-username="root"');
	});

	it('marks the cookie Secure when the page came over https through a proxy', async () => {
		// Behind a TLS proxy the operator names the proxy's protocol header; the proxy's word is then taken.
		const proxied = await start({ PROTOCOL_HEADER: 'x-forwarded-proto' });
		try {
			const res = await fetch(`${proxied.baseUrl}/login`, {
				method: 'POST',
				redirect: 'manual',
				headers: {
					'content-type': 'application/x-www-form-urlencoded',
					accept: 'text/html',
					origin: proxied.baseUrl.replace('http:', 'https:'),
					'x-forwarded-proto': 'https'
				},
				body: new URLSearchParams(admin)
			});
			expect(res.status).toBe(303);
			expect(res.headers.getSetCookie().find((c) => c.startsWith('cc_session='))).toMatch(/; Secure/i);
		} finally {
			await proxied.stop();
		}
	}, 40_000);

	it('ignores a forged protocol header when served directly over http', async () => {
		const res = await post('/login', admin, undefined, { proto: 'https' });
		expect(res.status).toBe(303);
		expect(res.headers.getSetCookie().find((c) => c.startsWith('cc_session='))).not.toMatch(/; Secure/i);
	});

	it('refuses a sign-in form posted from another origin', async () => {
		const res = await post('/login', admin, undefined, { origin: 'https://evil.example' });
		expect(res.status).toBe(403);
	});

	it('sends anonymous visitors of the admin pages to the sign-in page and keeps the wallboard public', async () => {
		const res = await get('/admin/users');
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/login?redirectTo=%2Fadmin%2Fusers');
		expect((await get('/wall/default')).status).toBe(200);
		expect((await get('/login?lang=en')).status).toBe(200);
	});

	it('answers a wrong password in the same words as an unknown user', async () => {
		const wrong = await post('/login', { username: admin.username, password: 'not-the-password' });
		const unknown = await post('/login', { username: 'nobody-here', password: 'not-the-password' });
		expect(wrong.status).toBe(400);
		expect(unknown.status).toBe(400);
		const error = (html: string) => /data-testid="login-error">([^<]*)</.exec(html)?.[1];
		expect(error(await wrong.text())).toBe('用户名或密码不正确');
		expect(error(await unknown.text())).toBe('用户名或密码不正确');
		// A correct password clears the account's count again.
		await signIn(admin.username, admin.password);
	});

	it('rate-limits wrong passwords per account with Retry-After, even for the right password', async () => {
		const cookie = await signIn(admin.username, admin.password);
		await createUser(cookie, {
			username: 'locked.out',
			password: 'locked-password-1',
			displayName: 'Locked',
			role: 'manager'
		});
		for (let i = 0; i < 5; i++) {
			expect((await post('/login', { username: 'locked.out', password: `guess-${i}` })).status).toBe(400);
		}
		const res = await post('/login?lang=en', { username: 'locked.out', password: 'locked-password-1' });
		expect(res.status).toBe(429);
		const retryAfter = Number(res.headers.get('retry-after'));
		expect(retryAfter).toBeGreaterThan(800);
		expect(retryAfter).toBeLessThanOrEqual(900);
		expect(await res.text()).toContain('Too many failed sign-ins: try again in 15 min');
	});

	it('ends the session on the server at logout', async () => {
		const cookie = await signIn(admin.username, admin.password);
		const res = await post('/logout', {}, cookie);
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/login');
		// The old cookie value, replayed, opens nothing.
		expect((await get('/admin/users', cookie)).status).toBe(303);
	});

	it('forbids a supervisor the user admin, page and actions alike', async () => {
		const cookie = await signIn(admin.username, admin.password);
		await createUser(cookie, {
			username: 'sup.a',
			password: 'sup-a-password',
			displayName: '主管 A',
			role: 'supervisor',
			teams: ['t1-voice-a'],
			audioEndpoint: 'sip:sup.a@pbx.example'
		});
		const supervisor = await signIn('sup.a', 'sup-a-password');
		expect((await get('/admin/users', supervisor)).status).toBe(403);
		const action = await post(
			'/admin/users?/create',
			{ username: 'sneaky', password: 'sneaky-password', displayName: 'S', role: 'admin' },
			supervisor
		);
		expect(action.status).toBe(403);
	});

	it('shows a field error next to a bad field', async () => {
		const cookie = await signIn(admin.username, admin.password);
		const res = await post(
			'/admin/users?lang=en&/create',
			{ username: 'Bad Name', password: 'long-enough-pw', displayName: 'X', role: 'manager' },
			cookie
		);
		expect(res.status).toBe(400);
		expect(await res.text()).toMatch(/id="create-username-error"[^>]*>Username: lower-case letters/);
	});

	it('keeps a disabled user out, and their open session with them', async () => {
		const cookie = await signIn(admin.username, admin.password);
		await createUser(cookie, {
			username: 'leaver',
			password: 'leaver-password',
			displayName: 'Leaver',
			role: 'manager'
		});
		const leaverSession = await signIn('leaver', 'leaver-password');
		const html = await (await get('/admin/users', cookie)).text();
		const userId = new RegExp(`data-username="leaver"[\\s\\S]*?name="userId" value="([^"]+)"`).exec(
			html
		)?.[1];
		expect(userId).toBeDefined();
		expect(
			(await post('/admin/users?/setDisabled', { userId: userId!, disabled: 'true' }, cookie)).status
		).toBe(200);
		expect((await post('/login', { username: 'leaver', password: 'leaver-password' })).status).toBe(400);
		expect((await get('/login', leaverSession)).status).toBe(200);
	});

	it('keeps users across a restart without bootstrapping again', async () => {
		await app.stop();
		app = await start();
		expect(app.output()).not.toContain('sign in as');
		await signIn('sup.a', 'sup-a-password');
		await signIn(admin.username, admin.password);
	});
});
