import type { CentreSetup } from '../../shared/centre/setup';
import type { Bus } from '../bus/bus';
import type { Logger } from '../util/logger';
import { boardKeys, parseBoardChange, type BoardKeys } from './keys';
import type { BoardDefinition } from './schema';
import { boardFromSetup } from './scope';
import {
	nextVersion,
	parseVersion,
	rollbackVersion,
	sortVersions,
	UnknownBoardVersion,
	type BoardVersion
} from './versions';

/** What the store needs of the bus: hashes and pub/sub, which Redis and the embedded bus both have. */
export type BoardKv = Pick<Bus, 'hgetall' | 'hset' | 'publish' | 'subscribe'>;

export interface BoardStoreOptions {
	kv: BoardKv;
	prefix: string;
	setup: CentreSetup;
	/** The set-up's boards (with the implicit default board), seeded into an empty store. */
	seed: readonly BoardDefinition[];
	logger: Logger;
	clock?: () => number;
}

export type BoardListener = (boardId: string) => void;

/**
 * Boards in Redis (in memory in the embedded mode), every save kept as a version. Until the store has
 * been read, the set-up's boards are served, so a TV gets a board even while Redis is down at start-up.
 *
 * A save writes the version, then the head, then announces on `boards.changed`; every replica (this
 * one too) re-reads the head, so replicas converge on what Redis holds. Two editors saving the same
 * board at the same instant can race (no transactions on this bus); a save that names the version it
 * edited (`baseVersion`) is refused once the board has moved on, which catches the usual case.
 */
export class BoardStore {
	readonly keys: BoardKeys;
	readonly #o: BoardStoreOptions;
	readonly #heads = new Map<string, BoardVersion>();
	readonly #listeners = new Set<BoardListener>();
	#loaded = false;
	#loading: Promise<void> | null = null;

	constructor(options: BoardStoreOptions) {
		this.#o = options;
		this.keys = boardKeys(options.prefix);
		for (const board of options.seed) this.#heads.set(board.boardId, seedVersion(board));
	}

	get loaded(): boolean {
		return this.#loaded;
	}

	/** Subscribes to change notices, loads the stored boards, and seeds an empty store from the set-up. */
	start(): Promise<void> {
		return (this.#loading ??= (async () => {
			await this.#o.kv.subscribe([this.keys.changed], (_channel, message) => {
				const boardId = parseBoardChange(message);
				if (!boardId) return;
				this.#reload(boardId).catch((err: unknown) =>
					this.#o.logger.error('board reload failed', { boardId, error: String(err) })
				);
			});
			const stored = await this.#o.kv.hgetall(this.keys.heads);
			if (Object.keys(stored).length === 0) {
				await this.#seed();
			} else {
				this.#heads.clear();
				for (const [boardId, text] of Object.entries(stored)) this.#load(boardId, text);
			}
			this.#loaded = true;
			for (const boardId of this.#heads.keys()) this.#emit(boardId);
		})());
	}

	/** Called with a board id whenever that board's current version changes on this replica. */
	onChange(listener: BoardListener): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	list(): BoardVersion[] {
		return [...this.#heads.values()].sort((a, b) => a.board.boardId.localeCompare(b.board.boardId));
	}

	get(boardId: string): BoardVersion | null {
		return this.#heads.get(boardId) ?? null;
	}

	async versions(boardId: string): Promise<BoardVersion[]> {
		const stored = await this.#o.kv.hgetall(this.keys.versions(boardId));
		return sortVersions(Object.values(stored).flatMap((text) => parseVersion(text) ?? []));
	}

	/** Saves a new version (already validated). `baseVersion`: the version the editor started from. */
	async save(board: BoardDefinition, savedBy: string, baseVersion?: number): Promise<BoardVersion> {
		const head = await this.#readHead(board.boardId);
		const version = nextVersion(head, board, { savedBy, nowMs: this.#now() }, baseVersion);
		await this.#write(version);
		return version;
	}

	/** Makes an old version current again, as a new version. */
	async rollback(boardId: string, toVersion: number, savedBy: string): Promise<BoardVersion> {
		const head = await this.#readHead(boardId);
		const text = (await this.#o.kv.hgetall(this.keys.versions(boardId)))[String(toVersion)];
		const target = text === undefined ? null : parseVersion(text);
		if (!head || !target) throw new UnknownBoardVersion(boardId, toVersion);
		const version = rollbackVersion(head, target, { savedBy, nowMs: this.#now() });
		await this.#write(version);
		return version;
	}

	#now(): number {
		return (this.#o.clock ?? Date.now)();
	}

	/** The head as Redis has it now, so a save never builds on a copy a missed notice left stale. */
	async #readHead(boardId: string): Promise<BoardVersion | null> {
		const text = (await this.#o.kv.hgetall(this.keys.heads))[boardId];
		return text === undefined
			? this.#loaded
				? null
				: (this.#heads.get(boardId) ?? null)
			: parseVersion(text);
	}

	async #write(version: BoardVersion): Promise<void> {
		const boardId = version.board.boardId;
		const text = JSON.stringify(version);
		// Version first: a head always points at a version that exists.
		await this.#o.kv.hset(this.keys.versions(boardId), String(version.version), text);
		await this.#o.kv.hset(this.keys.heads, boardId, text);
		this.#set(version);
		await this.#o.kv.publish(this.keys.changed, JSON.stringify({ boardId }));
	}

	async #seed(): Promise<void> {
		for (const board of this.#o.seed) {
			const version = seedVersion(board, this.#now());
			const text = JSON.stringify(version);
			await this.#o.kv.hset(this.keys.versions(board.boardId), '1', text);
			await this.#o.kv.hset(this.keys.heads, board.boardId, text);
		}
		this.#o.logger.info('seeded boards from the centre set-up', { boards: this.#o.seed.length });
	}

	async #reload(boardId: string): Promise<void> {
		const text = (await this.#o.kv.hgetall(this.keys.heads))[boardId];
		if (text !== undefined) this.#load(boardId, text);
	}

	#load(boardId: string, text: string): void {
		const version = parseVersion(text);
		if (!version || version.board.boardId !== boardId) {
			this.#o.logger.warn('ignoring unreadable stored board', { boardId });
			return;
		}
		const current = this.#heads.get(boardId);
		// Notices can arrive out of order; an older head never replaces a newer one.
		if (current && this.#loaded && current.version > version.version) return;
		this.#set(version);
	}

	#set(version: BoardVersion): void {
		const boardId = version.board.boardId;
		const before = this.#heads.get(boardId);
		this.#heads.set(boardId, version);
		if (!before || before.version !== version.version || before.savedAtMs !== version.savedAtMs) {
			this.#emit(boardId);
		}
	}

	#emit(boardId: string): void {
		for (const listener of this.#listeners) {
			try {
				listener(boardId);
			} catch (err) {
				this.#o.logger.error('board listener failed', { boardId, error: String(err) });
			}
		}
	}
}

function seedVersion(board: BoardDefinition, nowMs = 0): BoardVersion {
	return { v: 1, version: 1, board, savedAtMs: nowMs, savedBy: 'setup', restoredFrom: null };
}

/** The set-up's boards as stored boards. */
export function seedBoards(boards: readonly Parameters<typeof boardFromSetup>[0][], setup: CentreSetup) {
	return boards.map((b) => boardFromSetup(b, setup));
}
