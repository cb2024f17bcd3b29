import { randomUUID } from 'node:crypto';
import type { KeyValueStore } from './kv-store';
import { hashPassword, type ScryptParams } from './password';
import type { UserRole } from './roles';
import { normaliseUsername, UserRecord } from './user';

export interface NewUser {
	username: string;
	displayName: string;
	role: UserRole;
	password: string;
	teams?: string[];
	audioEndpoint?: string | null;
}

export type UserChanges = Partial<
	Pick<UserRecord, 'displayName' | 'role' | 'teams' | 'audioEndpoint' | 'disabled'>
>;

export class UsernameTakenError extends Error {
	override name = 'UsernameTakenError';
}

/**
 * Users in two hashes: `<prefix>:auth:users` (id → record JSON) and `<prefix>:auth:usernames`
 * (username → id). The name is claimed first with HSETNX, so two admins creating the same name at
 * once cannot both succeed, even on different replicas.
 */
export class UserStore {
	readonly #kv: KeyValueStore;
	readonly #usersKey: string;
	readonly #namesKey: string;
	readonly #clock: () => number;
	readonly #scrypt: ScryptParams | undefined;

	constructor(options: { kv: KeyValueStore; prefix: string; clock?: () => number; scrypt?: ScryptParams }) {
		this.#kv = options.kv;
		this.#usersKey = `${options.prefix}:auth:users`;
		this.#namesKey = `${options.prefix}:auth:usernames`;
		this.#clock = options.clock ?? Date.now;
		this.#scrypt = options.scrypt;
	}

	async isEmpty(): Promise<boolean> {
		return (await this.#kv.hlen(this.#usersKey)) === 0;
	}

	async list(): Promise<UserRecord[]> {
		const all = await this.#kv.hgetall(this.#usersKey);
		return Object.values(all)
			.map((json) => UserRecord.parse(JSON.parse(json)))
			.sort((a, b) => a.username.localeCompare(b.username));
	}

	async get(id: string): Promise<UserRecord | null> {
		const json = await this.#kv.hget(this.#usersKey, id);
		return json === null ? null : UserRecord.parse(JSON.parse(json));
	}

	async findByUsername(username: string): Promise<UserRecord | null> {
		const id = await this.#kv.hget(this.#namesKey, normaliseUsername(username));
		return id === null ? null : this.get(id);
	}

	async create(user: NewUser): Promise<UserRecord> {
		const now = this.#clock();
		const id = randomUUID();
		const username = normaliseUsername(user.username);
		if (!(await this.#kv.hsetnx(this.#namesKey, username, id))) throw new UsernameTakenError(username);
		const record = UserRecord.parse({
			v: 1,
			id,
			username,
			displayName: user.displayName,
			role: user.role,
			teams: user.teams ?? [],
			audioEndpoint: user.audioEndpoint ?? null,
			disabled: false,
			passwordHash: await hashPassword(user.password, this.#scrypt),
			passwordChangedAtMs: now,
			createdAtMs: now,
			updatedAtMs: now
		});
		await this.#write(record);
		return record;
	}

	async update(id: string, changes: UserChanges): Promise<UserRecord | null> {
		const current = await this.get(id);
		if (!current) return null;
		const next = UserRecord.parse({ ...current, ...changes, updatedAtMs: this.#clock() });
		await this.#write(next);
		return next;
	}

	async setPassword(id: string, password: string): Promise<UserRecord | null> {
		const current = await this.get(id);
		if (!current) return null;
		const now = this.#clock();
		const next: UserRecord = {
			...current,
			passwordHash: await hashPassword(password, this.#scrypt),
			passwordChangedAtMs: now,
			updatedAtMs: now
		};
		await this.#write(next);
		return next;
	}

	#write(record: UserRecord): Promise<void> {
		return this.#kv.hset(this.#usersKey, record.id, JSON.stringify(record));
	}
}
