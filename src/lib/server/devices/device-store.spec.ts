import { describe, expect, it } from 'vitest';
import { MemoryKeyValueStore } from '../auth/memory-kv';
import { can } from '../auth/permissions';
import { hashToken } from './codes';
import { PAIRING_RATE, PAIRING_TTL_MS } from './device';
import { deviceActor, DeviceStore, PairingRateLimitedError } from './device-store';

function setup() {
	let now = 1_000_000;
	const clock = () => now;
	const kv = new MemoryKeyValueStore(clock);
	let n = 0;
	const store = new DeviceStore({
		kv,
		prefix: 't',
		clock,
		code: () => `CODE${String(++n).padStart(2, '0')}`,
		secret: () => `secret-${++n}`
	});
	return { store, kv, advance: (ms: number) => (now += ms), now: () => now };
}

describe('DeviceStore', () => {
	it('pairs: code → pending → bound (token once) → device by token', async () => {
		const { store, kv } = setup();
		const { pollId, code } = await store.requestPairing('10.0.0.1');
		expect(await store.pairingStatus(pollId)).toMatchObject({ state: 'pending', code });
		const device = await store.bind(code.toLowerCase(), 'Floor 3 TV', 'b1');
		expect(device).toMatchObject({ name: 'Floor 3 TV', boardId: 'b1', revokedMs: null });
		const status = await store.pairingStatus(pollId);
		expect(status).toMatchObject({ state: 'bound', boardId: 'b1' });
		const token = status!.state === 'bound' ? status!.token : '';
		expect(device!.tokenHash).toBe(hashToken(token));
		// The token is handed out once, and never stored in the clear on the device.
		expect(await store.pairingStatus(pollId)).toBeNull();
		expect(JSON.stringify(await kv.hgetall('t:devices:all'))).not.toContain(token);
		expect((await store.byToken(token))?.id).toBe(device!.id);
		expect(await store.bind(code, 'again', 'b1')).toBeNull();
	});

	it('forgets codes after ten minutes', async () => {
		const { store, advance } = setup();
		const { pollId, code } = await store.requestPairing('10.0.0.1');
		advance(PAIRING_TTL_MS);
		expect(await store.pairingStatus(pollId)).toBeNull();
		expect(await store.bind(code, 'late', 'b1')).toBeNull();
	});

	it('limits pairing requests per address', async () => {
		const { store, advance } = setup();
		for (let i = 0; i < PAIRING_RATE.max; i++) await store.requestPairing('10.0.0.9');
		await expect(store.requestPairing('10.0.0.9')).rejects.toBeInstanceOf(PairingRateLimitedError);
		await expect(store.requestPairing('10.0.0.10')).resolves.toBeTruthy();
		advance(PAIRING_RATE.windowMs);
		await expect(store.requestPairing('10.0.0.9')).resolves.toBeTruthy();
	});

	it('rebinds, then revokes for good', async () => {
		const { store, advance, now } = setup();
		const { pollId, code } = await store.requestPairing('a');
		const device = (await store.bind(code, 'TV', 'b1'))!;
		const status = await store.pairingStatus(pollId);
		const token = status?.state === 'bound' ? status.token : '';
		expect((await store.rebind(device.id, 'b2'))?.boardId).toBe('b2');
		expect((await store.byToken(token))?.boardId).toBe('b2');
		advance(5_000);
		expect((await store.revoke(device.id))?.revokedMs).toBe(now());
		expect(await store.byToken(token)).toBeNull();
		expect(await store.rebind(device.id, 'b1')).toBeNull();
		expect((await store.list()).map((d) => d.revokedMs)).toEqual([now()]);
	});

	it('trades a restore key once for a new token and key; the old token stops working', async () => {
		const { store, kv } = setup();
		const { pollId, code } = await store.requestPairing('a');
		const device = (await store.bind(code, 'TV', 'b1'))!;
		const status = await store.pairingStatus(pollId);
		if (status?.state !== 'bound') throw new Error('not bound');
		expect(status.restoreKey).not.toBe(status.token);
		expect(device.restoreHash).toBe(hashToken(status.restoreKey));
		expect(JSON.stringify(await kv.hgetall('t:devices:all'))).not.toContain(status.restoreKey);

		// The restore key is no credential by itself.
		expect(await store.byToken(status.restoreKey)).toBeNull();
		const restored = (await store.restore(status.restoreKey))!;
		expect(restored.device.id).toBe(device.id);
		expect(restored.token).not.toBe(status.token);
		expect((await store.byToken(restored.token))?.id).toBe(device.id);
		expect(await store.byToken(status.token)).toBeNull();
		// Spent: the same key again is refused, the new one works.
		expect(await store.restore(status.restoreKey)).toBeNull();
		const again = (await store.restore(restored.restoreKey))!;
		expect(again.device.id).toBe(device.id);

		await store.revoke(device.id);
		expect(await store.restore(again.restoreKey)).toBeNull();
		expect(await store.restore('')).toBeNull();
	});

	it('refuses the second of two restores racing with one key', async () => {
		const { store } = setup();
		const { pollId, code } = await store.requestPairing('a');
		await store.bind(code, 'TV', 'b1');
		const status = await store.pairingStatus(pollId);
		const key = status?.state === 'bound' ? status.restoreKey : '';
		const results = await Promise.all([store.restore(key), store.restore(key)]);
		expect(results.filter(Boolean)).toHaveLength(1);
	});

	it('keeps activity apart, so a touch that read the device before a revoke cannot undo it', async () => {
		// The next read of a device record returns what it found, but only once released.
		let gate: Promise<void> | null = null;
		let release = () => {};
		class GatedKv extends MemoryKeyValueStore {
			override async hget(key: string, field: string): Promise<string | null> {
				const value = await super.hget(key, field);
				if (gate && key.endsWith(':all')) {
					const wait = gate;
					gate = null;
					await wait;
				}
				return value;
			}
		}
		const store = new DeviceStore({ kv: new GatedKv(() => 0), prefix: 't', clock: () => 1 });
		const { code } = await store.requestPairing('a');
		const device = (await store.bind(code, 'TV', 'b1'))!;
		gate = new Promise((resolve) => (release = resolve));
		const touching = store.touch(device.id, { seenMs: 5, dataMs: 5 });
		await store.rebind(device.id, 'b2');
		await store.revoke(device.id);
		release();
		await touching;
		expect(await store.get(device.id)).toMatchObject({ boardId: 'b2', revokedMs: 1, lastSeenMs: 5 });
	});

	it('records activity only forwards', async () => {
		const { store } = setup();
		const { code } = await store.requestPairing('a');
		const device = (await store.bind(code, 'TV', 'b1'))!;
		await store.touch(device.id, { seenMs: 50, dataMs: 40 });
		await store.touch(device.id, { seenMs: 10, dataMs: null });
		expect(await store.get(device.id)).toMatchObject({ lastSeenMs: 50, lastDataMs: 40 });
	});

	it('gives a TV read access to its own board only', () => {
		const actor = deviceActor({ id: 'd', boardId: 'b1' });
		expect(can(actor, 'board.read', { board: 'b1' })).toBe(true);
		expect(can(actor, 'board.read', { board: 'b2' })).toBe(false);
		expect(can(actor, 'devices.manage')).toBe(false);
	});
});
