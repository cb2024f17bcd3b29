import { AlertSetup } from '../../shared/centre/alert-setup';
import type { CentreSetup, NotReadyLimitsSec } from '../../shared/centre/setup';
import type { Bus } from '../bus/bus';
import type { Floor } from '../live/floor';
import type { Logger } from '../util/logger';
import { applyToFloor, settingsFromSetup } from './apply';
import { ALERTS_FIELD, NOT_READY_FIELD, parseChange, settingsKeys, type SettingsKeys } from './keys';
import { NotReadyLimitsBody, QueueSettings } from './schema';

export type SettingsSource = 'setup' | 'api';

export interface QueueSettingsEntry {
	queueId: string;
	settings: QueueSettings;
	source: SettingsSource;
	/** When the API last changed it (server clock), null while the set-up's values apply. */
	updatedAtMs: number | null;
}

export interface NotReadyLimitsEntry {
	notReadyLimitsSec: NotReadyLimitsSec;
	source: SettingsSource;
	updatedAtMs: number | null;
}

export interface AlertSettingsEntry {
	settings: AlertSetup;
	source: SettingsSource;
	updatedAtMs: number | null;
}

/** What the alerts read from the settings: their own, and the centre's not-ready limits. */
export type AlertInputsListener = (inputs: {
	alerts: AlertSetup;
	notReadyLimitsSec: NotReadyLimitsSec;
}) => void;

export interface SettingsStoreOptions {
	bus: Bus;
	prefix: string;
	setup: CentreSetup;
	floor: Floor;
	logger: Logger;
	clock?: () => number;
}

interface Stored<T> {
	v: 1;
	value: T;
	updatedAtMs: number;
}

/**
 * Run-time settings: the set-up file's values, overridden by what the API stored in Redis (or in memory
 * in the embedded mode). A change is written, applied to this replica's floor at once, and announced on
 * `settings.changed`; every replica (this one too, harmlessly) then re-reads the entry and applies it,
 * so replicas converge on what Redis holds rather than on what a message said.
 *
 * Only queues of the set-up have settings: a queue seen only in events keeps the defaults, flagged
 * unconfigured, until the set-up names it.
 */
export class SettingsStore {
	readonly keys: SettingsKeys;
	readonly #o: SettingsStoreOptions;
	readonly #queues = new Map<string, QueueSettingsEntry>();
	#notReady: NotReadyLimitsEntry;
	#alerts: AlertSettingsEntry;
	readonly #alertListeners = new Set<AlertInputsListener>();
	#loaded = false;
	#loading: Promise<void> | null = null;

	constructor(options: SettingsStoreOptions) {
		this.#o = options;
		this.keys = settingsKeys(options.prefix);
		for (const q of options.setup.queues) {
			this.#queues.set(q.queueId, {
				queueId: q.queueId,
				settings: settingsFromSetup(q),
				source: 'setup',
				updatedAtMs: null
			});
		}
		this.#notReady = {
			notReadyLimitsSec: { ...options.setup.notReadyLimitsSec },
			source: 'setup',
			updatedAtMs: null
		};
		this.#alerts = { settings: options.setup.alerts, source: 'setup', updatedAtMs: null };
	}

	/** True once the stored settings have been read and applied (part of readiness). */
	get loaded(): boolean {
		return this.#loaded;
	}

	/** Subscribes to change notices, then loads everything stored. Safe to call once at start-up. */
	start(): Promise<void> {
		return (this.#loading ??= (async () => {
			await this.#o.bus.subscribe([this.keys.changed], (_channel, message) => {
				const change = parseChange(message);
				if (!change) return;
				const reload =
					change.kind === 'queue'
						? this.#reloadQueue(change.queueId)
						: change.kind === 'alerts'
							? this.#reloadAlerts()
							: this.#reloadNotReady();
				reload.catch((err: unknown) =>
					this.#o.logger.error('settings reload failed', { error: String(err) })
				);
			});
			await this.#reloadAll();
			this.#loaded = true;
		})());
	}

	hasQueue(queueId: string): boolean {
		return this.#queues.has(queueId);
	}

	queueIds(): string[] {
		return [...this.#queues.keys()];
	}

	queue(queueId: string): QueueSettingsEntry | null {
		return this.#queues.get(queueId) ?? null;
	}

	notReadyLimits(): NotReadyLimitsEntry {
		return this.#notReady;
	}

	alerts(): AlertSettingsEntry {
		return this.#alerts;
	}

	/** Hears the alert inputs now and after every change to them (here or on another replica). */
	onAlertInputs(listener: AlertInputsListener): () => void {
		this.#alertListeners.add(listener);
		listener(this.#alertInputs());
		return () => this.#alertListeners.delete(listener);
	}

	/** Stores, applies and announces a queue's whole settings (already validated). */
	async putQueue(queueId: string, settings: QueueSettings): Promise<QueueSettingsEntry> {
		if (!this.#queues.has(queueId)) throw new RangeError(`unknown queue ${queueId}`);
		const stored: Stored<QueueSettings> = { v: 1, value: settings, updatedAtMs: this.#now() };
		await this.#o.bus.hset(this.keys.queues, queueId, JSON.stringify(stored));
		this.#setQueue(queueId, stored);
		await this.#announce({ kind: 'queue', queueId });
		return this.#queues.get(queueId)!;
	}

	/** Forgets what the API stored for the queue: the set-up's values apply again, here and everywhere. */
	async resetQueue(queueId: string): Promise<QueueSettingsEntry> {
		const q = this.#o.setup.queues.find((x) => x.queueId === queueId);
		if (!q) throw new RangeError(`unknown queue ${queueId}`);
		await this.#o.bus.hdel(this.keys.queues, [queueId]);
		this.#setFromSetup(queueId);
		await this.#announce({ kind: 'queue', queueId });
		return this.#queues.get(queueId)!;
	}

	async putNotReadyLimits(limits: NotReadyLimitsSec): Promise<NotReadyLimitsEntry> {
		const stored: Stored<NotReadyLimitsSec> = { v: 1, value: limits, updatedAtMs: this.#now() };
		await this.#o.bus.hset(this.keys.centre, NOT_READY_FIELD, JSON.stringify(stored));
		this.#notReady = { notReadyLimitsSec: limits, source: 'api', updatedAtMs: stored.updatedAtMs };
		this.#tellAlerts();
		await this.#announce({ kind: 'not-ready-limits' });
		return this.#notReady;
	}

	async putAlerts(settings: AlertSetup): Promise<AlertSettingsEntry> {
		const stored: Stored<AlertSetup> = { v: 1, value: settings, updatedAtMs: this.#now() };
		await this.#o.bus.hset(this.keys.centre, ALERTS_FIELD, JSON.stringify(stored));
		this.#alerts = { settings, source: 'api', updatedAtMs: stored.updatedAtMs };
		this.#tellAlerts();
		await this.#announce({ kind: 'alerts' });
		return this.#alerts;
	}

	#alertInputs() {
		return { alerts: this.#alerts.settings, notReadyLimitsSec: this.#notReady.notReadyLimitsSec };
	}

	#tellAlerts(): void {
		const inputs = this.#alertInputs();
		for (const listener of this.#alertListeners) listener(inputs);
	}

	#now(): number {
		return (this.#o.clock ?? Date.now)();
	}

	async #announce(change: object): Promise<void> {
		await this.#o.bus.publish(this.keys.changed, JSON.stringify(change));
	}

	async #reloadAll(): Promise<void> {
		const queues = await this.#o.bus.hgetall(this.keys.queues);
		for (const [queueId, text] of Object.entries(queues)) this.#loadQueue(queueId, text);
		// Queues never changed still get their set-up values applied, so the floor and the store agree.
		for (const entry of this.#queues.values())
			if (entry.source === 'setup') applyToFloor(this.#o.floor, entry.queueId, entry.settings);
		await this.#reloadNotReady();
		await this.#reloadAlerts();
	}

	/** A queue whose stored entry is gone (reset on some replica) goes back to the set-up's values. */
	async #reloadQueue(queueId: string): Promise<void> {
		const text = (await this.#o.bus.hgetall(this.keys.queues))[queueId];
		if (text !== undefined) this.#loadQueue(queueId, text);
		else if (this.#queues.get(queueId)?.source === 'api') this.#setFromSetup(queueId);
	}

	#setFromSetup(queueId: string): void {
		const q = this.#o.setup.queues.find((x) => x.queueId === queueId);
		if (!q) return;
		const settings = settingsFromSetup(q);
		this.#queues.set(queueId, { queueId, settings, source: 'setup', updatedAtMs: null });
		applyToFloor(this.#o.floor, queueId, settings);
	}

	async #reloadAlerts(): Promise<void> {
		const text = (await this.#o.bus.hgetall(this.keys.centre))[ALERTS_FIELD];
		if (text === undefined) return;
		const stored = parseStored(text, (v) => AlertSetup.safeParse(v));
		if (!stored)
			return this.#o.logger.warn('ignoring unreadable stored alert settings', { key: this.keys.centre });
		this.#alerts = { settings: stored.value, source: 'api', updatedAtMs: stored.updatedAtMs };
		this.#tellAlerts();
	}

	async #reloadNotReady(): Promise<void> {
		const text = (await this.#o.bus.hgetall(this.keys.centre))[NOT_READY_FIELD];
		if (text === undefined) return;
		const stored = parseStored(text, (v) => NotReadyLimitsBody.safeParse({ notReadyLimitsSec: v }));
		if (!stored)
			return this.#o.logger.warn('ignoring unreadable stored not-ready limits', { key: this.keys.centre });
		this.#notReady = {
			notReadyLimitsSec: stored.value.notReadyLimitsSec,
			source: 'api',
			updatedAtMs: stored.updatedAtMs
		};
		this.#tellAlerts();
	}

	/** A stored entry that no longer validates (an older, looser schema) is logged and skipped: the set-up applies. */
	#loadQueue(queueId: string, text: string): void {
		if (!this.#queues.has(queueId)) return;
		const stored = parseStored(text, (v) => QueueSettings.safeParse(v));
		if (!stored) {
			this.#o.logger.warn('ignoring unreadable stored queue settings', { queueId });
			return;
		}
		this.#setQueue(queueId, { v: 1, value: stored.value, updatedAtMs: stored.updatedAtMs });
	}

	#setQueue(queueId: string, stored: Stored<QueueSettings>): void {
		this.#queues.set(queueId, {
			queueId,
			settings: stored.value,
			source: 'api',
			updatedAtMs: stored.updatedAtMs
		});
		applyToFloor(this.#o.floor, queueId, stored.value);
	}
}

function parseStored<T>(
	text: string,
	parse: (v: unknown) => { success: true; data: T } | { success: false }
): { value: T; updatedAtMs: number } | null {
	try {
		const raw = JSON.parse(text) as Partial<Stored<unknown>>;
		if (raw.v !== 1 || typeof raw.updatedAtMs !== 'number') return null;
		const parsed = parse(raw.value);
		return parsed.success ? { value: parsed.data, updatedAtMs: raw.updatedAtMs } : null;
	} catch {
		return null;
	}
}
