import { randomUUID } from 'node:crypto';
import type { KeyValueStore } from '../auth/kv-store';
import type { Actor } from '../auth/roles';
import { hashToken, normalizeCode, pairingCode, secretToken } from './codes';
import { PAIRING_RATE, PAIRING_TTL_MS, type Device, type PairingStatus, type RestoredDevice } from './device';

interface PairingRecord {
	code: string;
	createdMs: number;
	/** Set by the admin's bind; handed to the TV on its next poll, then the record is deleted. */
	token?: string;
	restoreKey?: string;
	boardId?: string;
}

/** A restore key is spent by its first use; this long is more than a use can take. */
const RESTORE_SPEND_MS = 60_000;

export class PairingRateLimitedError extends Error {
	constructor(readonly retryAfterMs: number) {
		super('too many pairing requests');
	}
}

export interface DeviceStoreOptions {
	kv: KeyValueStore;
	prefix: string;
	clock?: () => number;
	code?: () => string;
	secret?: () => string;
}

/**
 * Pairing requests and paired TVs over the auth store. A request is reachable two ways: by its short
 * code (what the admin types) and by a long poll id (what only the TV knows), so guessing a code can
 * bind a stranger's TV at worst, never fetch its token. A paired TV holds two secrets: its token (the
 * credential, in an HttpOnly cookie) and a restore key (good only for `restore`, once).
 */
export class DeviceStore {
	readonly #kv: KeyValueStore;
	readonly #p: string;
	readonly #clock: () => number;
	readonly #code: () => string;
	readonly #secret: () => string;

	constructor(o: DeviceStoreOptions) {
		this.#kv = o.kv;
		this.#p = `${o.prefix}:devices`;
		this.#clock = o.clock ?? Date.now;
		this.#code = o.code ?? (() => pairingCode());
		this.#secret = o.secret ?? secretToken;
	}

	/** A new code for a TV at `address`; throws PairingRateLimitedError past the per-address limit. */
	async requestPairing(address: string): Promise<{ pollId: string; code: string; expiresAtMs: number }> {
		const rate = await this.#kv.increment(`${this.#p}:rate:${address}`, PAIRING_RATE.windowMs);
		if (rate.count > PAIRING_RATE.max) throw new PairingRateLimitedError(rate.ttlMs);
		const now = this.#clock();
		let code = this.#code();
		// Codes are short, so a live one may be drawn again: draw until free (collisions are rare).
		for (let i = 0; i < 5 && (await this.#kv.get(`${this.#p}:code:${code}`)); i++) code = this.#code();
		const pollId = this.#secret();
		const record: PairingRecord = { code, createdMs: now };
		await this.#kv.set(`${this.#p}:code:${code}`, pollId, PAIRING_TTL_MS);
		await this.#kv.set(`${this.#p}:poll:${pollId}`, JSON.stringify(record), PAIRING_TTL_MS);
		return { pollId, code, expiresAtMs: now + PAIRING_TTL_MS };
	}

	/** The TV's poll: pending, bound (the token, once), or null when expired or unknown. */
	async pairingStatus(pollId: string): Promise<PairingStatus | null> {
		const raw = await this.#kv.get(`${this.#p}:poll:${pollId}`);
		if (!raw) return null;
		const record = JSON.parse(raw) as PairingRecord;
		if (record.token && record.restoreKey && record.boardId) {
			await this.#kv.del(`${this.#p}:poll:${pollId}`);
			return { state: 'bound', token: record.token, restoreKey: record.restoreKey, boardId: record.boardId };
		}
		return { state: 'pending', code: record.code, expiresAtMs: record.createdMs + PAIRING_TTL_MS };
	}

	/** The admin's bind: creates the device for a live code; null when the code is unknown or expired. */
	async bind(codeInput: string, name: string, boardId: string): Promise<Device | null> {
		const code = normalizeCode(codeInput);
		const pollId = await this.#kv.get(`${this.#p}:code:${code}`);
		const raw = pollId ? await this.#kv.get(`${this.#p}:poll:${pollId}`) : null;
		if (!pollId || !raw) return null;
		const record = JSON.parse(raw) as PairingRecord;
		if (record.token) return null;
		const token = this.#secret();
		const restoreKey = this.#secret();
		const device: Device = {
			id: randomUUID(),
			name,
			boardId,
			tokenHash: hashToken(token),
			restoreHash: hashToken(restoreKey),
			createdMs: this.#clock(),
			revokedMs: null,
			lastSeenMs: null,
			lastDataMs: null
		};
		await this.#save(device);
		await this.#kv.hset(`${this.#p}:tokens`, device.tokenHash, device.id);
		await this.#kv.hset(`${this.#p}:restores`, device.restoreHash!, device.id);
		await this.#kv.del(`${this.#p}:code:${code}`);
		const remaining = record.createdMs + PAIRING_TTL_MS - this.#clock();
		const bound: PairingRecord = { ...record, token, restoreKey, boardId };
		await this.#kv.set(`${this.#p}:poll:${pollId}`, JSON.stringify(bound), Math.max(remaining, 1));
		return device;
	}

	/**
	 * A TV whose browser dropped its cookie trades its restore key for a new token and a new restore key.
	 * The key works once (a second use, even a concurrent one, is refused), and the old token stops
	 * working: a key taken from the TV's storage and used elsewhere cuts the real TV off, which then shows
	 * a pairing code, so the theft is seen rather than silent. Null for unknown, spent or revoked keys.
	 */
	async restore(restoreKey: string | undefined | null): Promise<RestoredDevice | null> {
		if (!restoreKey) return null;
		const restoreHash = hashToken(restoreKey);
		const id = await this.#kv.hget(`${this.#p}:restores`, restoreHash);
		// The index, not the record's copy, says which key is current: it is what `restore` and `revoke` change.
		const device = id ? await this.get(id) : null;
		if (!device || device.revokedMs !== null) return null;
		const spent = await this.#kv.increment(`${this.#p}:restore-spent:${restoreHash}`, RESTORE_SPEND_MS);
		if (spent.count > 1) return null;
		const token = this.#secret();
		const nextKey = this.#secret();
		const next: Device = { ...device, tokenHash: hashToken(token), restoreHash: hashToken(nextKey) };
		await this.#save(next);
		await this.#kv.hset(`${this.#p}:tokens`, next.tokenHash, next.id);
		await this.#kv.hset(`${this.#p}:restores`, next.restoreHash!, next.id);
		await this.#kv.hdel(`${this.#p}:tokens`, device.tokenHash);
		await this.#kv.hdel(`${this.#p}:restores`, restoreHash);
		return { device: next, token, restoreKey: nextKey };
	}

	/** The live device behind a token; null for unknown or revoked ones. */
	async byToken(token: string | undefined | null): Promise<Device | null> {
		if (!token) return null;
		const id = await this.#kv.hget(`${this.#p}:tokens`, hashToken(token));
		const device = id ? await this.get(id) : null;
		return device && device.revokedMs === null ? device : null;
	}

	async get(id: string): Promise<Device | null> {
		const [raw, activity] = await Promise.all([
			this.#kv.hget(`${this.#p}:all`, id),
			this.#kv.hget(`${this.#p}:activity`, id)
		]);
		return raw ? withActivity(JSON.parse(raw) as Device, activity) : null;
	}

	/** Every device, revoked ones included (the list shows them), newest first. */
	async list(): Promise<Device[]> {
		const [all, activity] = await Promise.all([
			this.#kv.hgetall(`${this.#p}:all`),
			this.#kv.hgetall(`${this.#p}:activity`)
		]);
		return Object.entries(all)
			.map(([id, raw]) => withActivity(JSON.parse(raw) as Device, activity[id] ?? null))
			.sort((a, b) => b.createdMs - a.createdMs);
	}

	async rebind(id: string, boardId: string, name?: string): Promise<Device | null> {
		const device = await this.get(id);
		if (!device || device.revokedMs !== null) return null;
		const next = { ...device, boardId, ...(name ? { name } : {}) };
		await this.#save(next);
		return next;
	}

	/** Revoked for good: the token stops working at once; re-pairing gives a new device and token. */
	async revoke(id: string): Promise<Device | null> {
		const device = await this.get(id);
		if (!device) return null;
		await this.#kv.hdel(`${this.#p}:tokens`, device.tokenHash);
		if (device.restoreHash) await this.#kv.hdel(`${this.#p}:restores`, device.restoreHash);
		if (device.revokedMs !== null) return device;
		const next = { ...device, revokedMs: this.#clock() };
		await this.#save(next);
		return next;
	}

	/**
	 * Records activity; only moves times forward, so replicas reporting out of order do no harm. Kept
	 * apart from the record: every replica touches its TVs every few seconds, and rewriting the whole
	 * record from a copy read a moment earlier could undo a revoke, rebind or restore made meanwhile.
	 */
	async touch(id: string, at: { seenMs?: number | null; dataMs?: number | null }): Promise<void> {
		const device = await this.get(id);
		if (!device) return;
		const next: Activity = {
			lastSeenMs: later(device.lastSeenMs, at.seenMs),
			lastDataMs: later(device.lastDataMs, at.dataMs)
		};
		if (next.lastSeenMs !== device.lastSeenMs || next.lastDataMs !== device.lastDataMs)
			await this.#kv.hset(`${this.#p}:activity`, id, JSON.stringify(next));
	}

	#save(device: Device): Promise<void> {
		return this.#kv.hset(`${this.#p}:all`, device.id, JSON.stringify(device));
	}
}

type Activity = Pick<Device, 'lastSeenMs' | 'lastDataMs'>;

function later(a: number | null, b: number | null | undefined): number | null {
	return b === null || b === undefined ? a : a === null ? b : Math.max(a, b);
}

/** The record with its activity; records written before activity moved out may carry times too. */
function withActivity(device: Device, raw: string | null): Device {
	if (!raw) return device;
	const activity = JSON.parse(raw) as Activity;
	return {
		...device,
		lastSeenMs: later(device.lastSeenMs, activity.lastSeenMs),
		lastDataMs: later(device.lastDataMs, activity.lastDataMs)
	};
}

/** How permissions see a paired TV: it reads its one board. */
export function deviceActor(device: Pick<Device, 'id' | 'boardId'>): Actor {
	return { kind: 'device', role: 'wallboard', deviceId: device.id, boards: [device.boardId] };
}
