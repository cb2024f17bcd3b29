import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { ServerFrame } from '../../src/lib/shared/protocol/frames';
import { postForm, signIn as signInAs } from '../support/forms';
import { getJson, startApp, type AppHandle } from '../support/app-server';

/**
 * TV pairing against the built server and a real Redis: a TV asks for a code, an admin binds it, the TV
 * collects its token, reads its own board (and no other) over the socket, and is cut off when revoked.
 */
const prefix = `devices${process.pid}`;
const admin = { username: 'root', password: 'root-password-1' };
let app: AppHandle;
let boardIds: string[];

beforeAll(async () => {
	app = await startApp({
		REDIS_URL: inject('redisUrl'),
		CC_PREFIX: prefix,
		WS_TICK_MS: '100',
		ADMIN_USERNAME: admin.username,
		ADMIN_PASSWORD: admin.password
	});
	const body = await getJson<{ boards: Array<{ board: { boardId: string } }> }>(app, '/api/v1/boards');
	boardIds = body.boards.map((b) => b.board.boardId);
}, 40_000);

afterAll(async () => {
	await app?.stop();
});

const post = (path: string, fields: Record<string, string>, cookie?: string) =>
	postForm(app, path, fields, { cookie });

const postJson = (path: string, body: unknown) =>
	fetch(`${app.baseUrl}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', origin: app.baseUrl },
		body: JSON.stringify(body)
	});

const signIn = (): Promise<string> => signInAs(app, admin.username, admin.password);

/** A socket sending `cookie`, recording its frames and how it closed. */
async function connect(cookie: string) {
	const ws = new WebSocket(app.wsUrl, { headers: { cookie } });
	const frames: ServerFrame[] = [];
	let closeCode: number | null = null;
	ws.on('message', (data) => frames.push(JSON.parse(data.toString()) as ServerFrame));
	ws.on('close', (code) => (closeCode = code));
	await new Promise<void>((resolve, reject) => {
		ws.once('open', () => resolve());
		ws.once('error', reject);
	});
	return { ws, frames, closeCode: () => closeCode };
}

/** The `cc_device=…` pair a response set (fails the test when it set none). */
/** The `cc_device=…` pair a response set (fails the test when it set none). */
function deviceCookieOf(res: Response): string {
	const header = res.headers.getSetCookie().find((c) => c.startsWith('cc_device='));
	expect(header, 'a cc_device cookie').toBeTruthy();
	return header!.split(';')[0]!;
}

describe('TV pairing', () => {
	it('pairs a TV to one board, scopes its token to it, and cuts it off on revoke', async () => {
		expect(boardIds.length).toBeGreaterThan(0);
		const [boardId] = boardIds as [string];
		const session = await signIn();

		// The TV: no login, a code and a secret poll id.
		const pairing = await postJson('/wall/pair', {});
		expect(pairing.status).toBe(200);
		const { code, pollId } = (await pairing.json()) as { code: string; pollId: string };
		expect(code).toMatch(/^[A-Z0-9]{6}$/);
		expect(await (await postJson('/wall/pair/status', { pollId })).json()).toMatchObject({
			state: 'pending'
		});

		// Only admins bind; a wrong code is refused.
		expect((await post('/admin/devices?/bind', { code, name: 'TV', boardId })).status).toBe(401);
		expect(
			(await post('/admin/devices?/bind', { code: 'XXXXXX', name: 'TV', boardId }, session)).status
		).toBe(400);
		expect((await post('/admin/devices?/bind', { code, name: 'Floor TV', boardId }, session)).status).toBe(
			200
		);

		const bound = await postJson('/wall/pair/status', { pollId });
		const status = (await bound.json()) as { state: string; boardId: string };
		expect(status).toMatchObject({ state: 'bound', boardId });
		const cookie = deviceCookieOf(bound);
		const token = decodeURIComponent(cookie.slice('cc_device='.length));
		// Handed out once only.
		expect((await postJson('/wall/pair/status', { pollId })).status).toBe(404);

		// `/wall` sends the TV to its board; its own board's page and cards open, other boards' do not.
		const wall = await fetch(`${app.baseUrl}/wall`, { redirect: 'manual', headers: { cookie } });
		expect(wall.status).toBe(303);
		expect(wall.headers.get('location')).toBe(`/wall/${boardId}`);
		const page = await fetch(`${app.baseUrl}/wall/${boardId}`, { redirect: 'manual', headers: { cookie } });
		expect(page.status).toBe(200);
		const card = await fetch(`${app.baseUrl}/wall/${boardId}/formula/answerRate`, { headers: { cookie } });
		expect(card.status).not.toBe(401);
		expect(card.status).not.toBe(403);
		const other = `${boardId}-other`;
		expect(
			(await fetch(`${app.baseUrl}/wall/${other}/formula/answerRate`, { headers: { cookie } })).status
		).toBe(403);

		// Over the socket: its board's view yes, another board's no.
		const tv = await connect(cookie);
		tv.ws.send(JSON.stringify({ type: 'subscribe.v1', view: `board:${boardId}` }));
		tv.ws.send(JSON.stringify({ type: 'subscribe.v1', view: `board:${other}` }));
		await vi.waitFor(() => {
			expect(tv.frames.some((f) => f.type === 'snapshot.v1' && f.view === `board:${boardId}`)).toBe(true);
			expect(tv.frames.some((f) => f.type === 'error.v1' && f.code === 'forbidden')).toBe(true);
		});

		// The device list shows it online.
		const list = await fetch(`${app.baseUrl}/admin/devices/__data.json`, { headers: { cookie: session } });
		const listText = await list.text();
		expect(listText).toContain('Floor TV');
		expect(listText).not.toContain(token);

		// Revoke: the socket closes with 4401 within seconds and the token is refused from then on.
		const devices = await getDeviceIds(session);
		expect(devices).toHaveLength(1);
		expect((await post('/admin/devices?/revoke', { id: devices[0]! }, session)).status).toBe(200);
		await vi.waitFor(() => expect(tv.closeCode()).toBe(4401), { timeout: 5_000 });
		const after = await fetch(`${app.baseUrl}/wall/${boardId}`, { redirect: 'manual', headers: { cookie } });
		expect(after.status).toBe(303);
		expect(after.headers.get('location')).toBe('/wall');
		expect(
			(await fetch(`${app.baseUrl}/wall/${boardId}/formula/answerRate`, { headers: { cookie } })).status
		).toBe(401);
		// Reconnecting with the revoked token (say it was revoked while the socket was down) is refused
		// with 4401 too, so the TV goes back to pairing instead of showing the board as an anonymous screen.
		const again = await connect(cookie);
		await vi.waitFor(() => expect(again.closeCode()).toBe(4401), { timeout: 5_000 });
		expect(again.frames.some((f) => f.type === 'snapshot.v1')).toBe(false);
	}, 30_000);

	it('moves a rebound TV to its new board: its socket closes with 4403 and /wall sends it on', async () => {
		expect(boardIds.length).toBeGreaterThan(1);
		const [first, second] = boardIds as [string, string];
		const session = await signIn();
		const { code, pollId } = (await (await postJson('/wall/pair', {})).json()) as {
			code: string;
			pollId: string;
		};
		expect(
			(await post('/admin/devices?/bind', { code, name: 'Lobby TV', boardId: first }, session)).status
		).toBe(200);
		const cookie = deviceCookieOf(await postJson('/wall/pair/status', { pollId }));
		const tv = await connect(cookie);
		// The list is newest first: the device just paired.
		const [id] = (await getDeviceIds(session)) as [string];
		expect((await post('/admin/devices?/rebind', { id, boardId: second }, session)).status).toBe(200);
		await vi.waitFor(() => expect(tv.closeCode()).toBe(4403), { timeout: 5_000 });
		const wall = await fetch(`${app.baseUrl}/wall`, { redirect: 'manual', headers: { cookie } });
		expect(wall.headers.get('location')).toBe(`/wall/${second}`);
	});

	it('keeps anonymous boards open, and limits pairing requests per address', async () => {
		const [boardId] = boardIds as [string];
		expect((await fetch(`${app.baseUrl}/wall/${boardId}`, { redirect: 'manual' })).status).toBe(200);
		const statuses: number[] = [];
		for (let i = 0; i < 25; i++) statuses.push((await postJson('/wall/pair', {})).status);
		expect(statuses).toContain(429);
	});
});

async function getDeviceIds(session: string): Promise<string[]> {
	const res = await fetch(`${app.baseUrl}/admin/devices/__data.json`, { headers: { cookie: session } });
	const text = await res.text();
	return [
		...new Set(
			[...text.matchAll(/"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"/g)].map(
				(m) => m[1]!
			)
		)
	];
}

describe('with WALL_REQUIRE_PAIRING=true', () => {
	it('refuses anonymous screens their board page, cards and views', async () => {
		const closed = await startApp({
			REDIS_URL: inject('redisUrl'),
			CC_PREFIX: `${prefix}closed`,
			WALL_REQUIRE_PAIRING: 'true'
		});
		try {
			const [boardId] = boardIds as [string];
			const page = await fetch(`${closed.baseUrl}/wall/${boardId}`, { redirect: 'manual' });
			expect(page.status).toBe(303);
			expect(page.headers.get('location')).toBe('/wall');
			expect((await fetch(`${closed.baseUrl}/wall/${boardId}/formula/answerRate`)).status).toBe(401);
			const ws = new WebSocket(closed.wsUrl);
			const frames: ServerFrame[] = [];
			ws.on('message', (data) => frames.push(JSON.parse(data.toString()) as ServerFrame));
			await new Promise<void>((resolve, reject) => {
				ws.once('open', () => resolve());
				ws.once('error', reject);
			});
			ws.send(JSON.stringify({ type: 'subscribe.v1', view: `board:${boardId}` }));
			await vi.waitFor(() =>
				expect(frames.some((f) => f.type === 'error.v1' && f.code === 'forbidden')).toBe(true)
			);
			expect(frames.some((f) => f.type === 'snapshot.v1')).toBe(false);
			ws.close();
		} finally {
			await closed.stop();
		}
	}, 40_000);
});

/**
 * The device cookie on a server of its own behind a TLS proxy's `x-forwarded-proto` (so one server
 * answers both http and https), with pairing-rate and device counts of its own.
 */
describe('the device cookie', () => {
	let tls: AppHandle;
	let session: string;
	// Without the header the adapter takes a request for https; the proxy always says which it was.
	const plain = { 'x-forwarded-proto': 'http' };
	const https = (handle: AppHandle) => ({
		'x-forwarded-proto': 'https',
		origin: `https://127.0.0.1:${handle.port}`
	});
	const send = (path: string, body: BodyInit, headers: Record<string, string>) =>
		fetch(`${tls.baseUrl}${path}`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: tls.baseUrl, accept: 'text/html', ...plain, ...headers },
			body
		});
	const form = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
		send(path, new URLSearchParams(fields), {
			'content-type': 'application/x-www-form-urlencoded',
			cookie: session,
			...headers
		});
	const sendJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
		send(path, JSON.stringify(body), { 'content-type': 'application/json', ...headers });
	const visit = (path: string, cookie?: string) =>
		fetch(`${tls.baseUrl}${path}`, {
			redirect: 'manual',
			headers: { ...plain, ...(cookie ? { cookie } : {}) }
		});

	/** Pairs a new TV as the admin; returns the poll answer that hands it its cookie. */
	async function pairTv(name: string, boardId: string, headers: Record<string, string> = {}) {
		const pairing = await sendJson('/wall/pair', {}, headers);
		const { code, pollId } = (await pairing.json()) as { code: string; pollId: string };
		expect((await form('/admin/devices?/bind', { code, name, boardId }, headers)).status).toBe(200);
		return sendJson('/wall/pair/status', { pollId }, headers);
	}

	/** A Set-Cookie header's attributes by lower-case name: `{ httponly: '', 'max-age': '…', … }`. */
	function attributesOf(res: Response): Record<string, string> {
		const header = res.headers.getSetCookie().find((c) => c.startsWith('cc_device=')) ?? '';
		return Object.fromEntries(
			header
				.split(';')
				.slice(1)
				.map((part) => {
					const [key = '', ...value] = part.trim().split('=');
					return [key.toLowerCase(), value.join('=')];
				})
		);
	}

	const tokenOf = (cookie: string) => decodeURIComponent(cookie.slice('cc_device='.length));

	beforeAll(async () => {
		tls = await startApp({
			REDIS_URL: inject('redisUrl'),
			CC_PREFIX: `${prefix}cookie`,
			PROTOCOL_HEADER: 'x-forwarded-proto',
			ADMIN_USERNAME: admin.username,
			ADMIN_PASSWORD: admin.password
		});
		const login = await send('/login', new URLSearchParams(admin), {
			'content-type': 'application/x-www-form-urlencoded'
		});
		expect(login.status).toBe(303);
		session = login.headers
			.getSetCookie()
			.find((c) => c.startsWith('cc_session='))!
			.split(';')[0]!;
	}, 40_000);

	afterAll(async () => {
		await tls?.stop();
	});

	it('is HttpOnly, SameSite=Lax, Path=/, ten years long and not Secure over http; the body has no token', async () => {
		const [boardId] = boardIds as [string];
		const bound = await pairTv('Cookie TV', boardId);
		const token = tokenOf(deviceCookieOf(bound));
		const attributes = attributesOf(bound);
		expect(attributes).toHaveProperty('httponly');
		expect(attributes.samesite?.toLowerCase()).toBe('lax');
		expect(attributes.path).toBe('/');
		expect(Number(attributes['max-age'])).toBeGreaterThanOrEqual(5 * 365 * 24 * 3600);
		expect(attributes).not.toHaveProperty('secure');
		const text = await bound.text();
		expect(text).not.toContain(token);
		expect(JSON.parse(text)).toEqual({ state: 'bound', boardId, restoreKey: expect.any(String) });

		// Every board page load sets it again, HttpOnly: the cookie stays current for years.
		const page = await visit(`/wall/${boardId}`, `cc_device=${encodeURIComponent(token)}`);
		expect(page.status).toBe(200);
		expect(tokenOf(deviceCookieOf(page))).toBe(token);
		expect(attributesOf(page)).toHaveProperty('httponly');
	});

	it('is Secure when the request came over https', async () => {
		const [boardId] = boardIds as [string];
		const bound = await pairTv('TLS TV', boardId, https(tls));
		expect(attributesOf(bound)).toHaveProperty('secure');
		expect(attributesOf(bound)).toHaveProperty('httponly');
		const page = await visit(`/wall/${boardId}`, deviceCookieOf(bound));
		expect(attributesOf(page)).not.toHaveProperty('secure');
	});

	it('is restored once for the restore key, which opens nothing itself; a revoked TV cannot restore', async () => {
		const [boardId] = boardIds as [string];
		const bound = await pairTv('Kiosk TV', boardId);
		const oldCookie = deviceCookieOf(bound);
		const { restoreKey } = (await bound.json()) as { restoreKey: string };

		// The key is no credential: as a cookie it is a dead token.
		const keyAsCookie = `cc_device=${encodeURIComponent(restoreKey)}`;
		expect((await visit('/wall', keyAsCookie)).status).toBe(200);
		expect((await visit(`/wall/${boardId}/formula/answerRate`, keyAsCookie)).status).toBe(401);

		// The browser dropped the cookie: the key buys a new one and a new key, once.
		const restored = await sendJson('/wall/restore', { restoreKey });
		expect(restored.status).toBe(200);
		const newCookie = deviceCookieOf(restored);
		expect(attributesOf(restored)).toHaveProperty('httponly');
		const body = (await restored.json()) as { boardId: string; restoreKey: string };
		expect(body).toEqual({ boardId, restoreKey: expect.any(String) });
		expect(body.restoreKey).not.toBe(restoreKey);
		expect(JSON.stringify(body)).not.toContain(tokenOf(newCookie));
		expect((await visit('/wall', newCookie)).headers.get('location')).toBe(`/wall/${boardId}`);
		// Whoever still holds the old token is cut off, and the spent key is refused.
		const old = await visit('/wall', oldCookie);
		expect(old.status).toBe(200);
		expect(attributesOf(old)['max-age']).toBe('0');
		expect((await sendJson('/wall/restore', { restoreKey })).status).toBe(404);
		expect((await sendJson('/wall/restore', {})).status).toBe(404);

		// Revoked: neither its cookie nor its newest key brings the board back.
		// The list is newest first: its first device id is this TV's.
		const list = await (await visit('/admin/devices/__data.json', session)).text();
		expect(list).toContain('Kiosk TV');
		const id = /"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"/.exec(list)?.[1];
		expect(id).toBeTruthy();
		expect((await form('/admin/devices?/revoke', { id: id! })).status).toBe(200);
		expect((await sendJson('/wall/restore', { restoreKey: body.restoreKey })).status).toBe(404);
		const after = await visit(`/wall/${boardId}`, newCookie);
		expect(after.status).toBe(303);
		expect(after.headers.get('location')).toBe('/wall');
	});
});
