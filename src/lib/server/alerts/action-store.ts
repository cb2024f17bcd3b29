import type { AlertAck, AlertSnooze, AlertView } from '../../shared/protocol/alert-frames';
import type { Bus } from '../bus/bus';
import type { Logger } from '../util/logger';
import {
	actionField,
	alertKeys,
	parseActionField,
	parseActionValue,
	type ActionValue,
	type AlertKeys
} from './action-keys';

/** An acknowledgement outlives any alert worth keeping it for; a day also bounds the hash. */
export const ACK_KEPT_MS = 24 * 3600_000;
/** Cleared markers only have to outlast a restart that might otherwise continue the episode. */
export const CLEARED_KEPT_MS = 24 * 3600_000;
/** The whole hash goes if nothing was written for two days (every field has expired by then). */
const KEY_TTL_SEC = 2 * 24 * 3600;
/** Notices ride pub/sub, which drops messages across a reconnect: a periodic re-read repairs that. */
export const RESYNC_EVERY_MS = 30_000;

/** What is stored for one alert id: the acks and snoozes of every replica, and whether it cleared. */
export interface StoredActions {
	alertId: string;
	subject: string;
	acks: AlertAck[];
	snoozes: AlertSnooze[];
	clearedAtMs: number | null;
	/** Latest ack or snooze time: the newest open record wins when a restart continues an episode. */
	lastActionMs: number;
}

export interface AlertActionStoreOptions {
	bus: Bus;
	prefix: string;
	clock: () => number;
	logger: Logger;
}

/**
 * Acknowledgements and snoozes in Redis, shared by every replica: one hash field per (alert, user,
 * action), so two users acting at once on two replicas never overwrite each other, and a repeated write
 * is harmless. After a write a notice goes out on `alerts.changed`; each replica re-reads the hash rather
 * than trusting the message. Expired fields are deleted by whichever replica reads them first.
 */
export class AlertActionStore {
	readonly keys: AlertKeys;
	readonly #o: AlertActionStoreOptions;
	#byAlert = new Map<string, StoredActions>();
	#timer: ReturnType<typeof setInterval> | null = null;
	#reloading: Promise<string[]> | null = null;
	#reloadAgain = false;

	constructor(options: AlertActionStoreOptions) {
		this.#o = options;
		this.keys = alertKeys(options.prefix);
	}

	/** Subscribes to notices, loads what is stored, re-reads periodically; `onChange` hears changed ids. */
	async start(onChange: (alertIds: string[]) => void): Promise<void> {
		const reload = () =>
			this.reload()
				.then((ids) => ids.length > 0 && onChange(ids))
				.catch((err: unknown) => this.#o.logger.error('alert actions reload failed', { error: String(err) }));
		await this.#o.bus.subscribe([this.keys.changed], () => void reload());
		this.#timer = setInterval(() => void reload(), RESYNC_EVERY_MS);
		this.#timer.unref?.();
		await reload();
	}

	stop(): void {
		if (this.#timer) clearInterval(this.#timer);
		this.#timer = null;
	}

	get(alertId: string): StoredActions | null {
		return this.#byAlert.get(alertId) ?? null;
	}

	/** The newest record for this subject that no replica has seen clear. */
	openFor(subject: string): StoredActions | null {
		let found: StoredActions | null = null;
		for (const r of this.#byAlert.values()) {
			if (r.subject !== subject || r.clearedAtMs !== null) continue;
			if (!found || r.lastActionMs > found.lastActionMs) found = r;
		}
		return found;
	}

	async saveAck(alert: AlertView, ack: AlertAck): Promise<void> {
		await this.#write(actionField(alert.alertId, 'ack', ack.user), {
			v: 1,
			subject: alert.subject,
			atMs: ack.atMs,
			severity: ack.severity,
			expiresAtMs: ack.atMs + ACK_KEPT_MS
		});
	}

	async saveSnooze(alert: AlertView, snooze: AlertSnooze): Promise<void> {
		await this.#write(actionField(alert.alertId, 'snooze', snooze.user), {
			v: 1,
			subject: alert.subject,
			atMs: this.#o.clock(),
			untilMs: snooze.untilMs,
			expiresAtMs: snooze.untilMs
		});
	}

	/** Marks a stored alert cleared, so a restart does not continue it; alerts nobody acted on cost nothing. */
	async saveCleared(alert: AlertView): Promise<void> {
		if (!this.#byAlert.has(alert.alertId)) return;
		const atMs = alert.clearedAtMs ?? this.#o.clock();
		await this.#write(actionField(alert.alertId, 'cleared', ''), {
			v: 1,
			subject: alert.subject,
			atMs,
			expiresAtMs: atMs + CLEARED_KEPT_MS
		});
	}

	/**
	 * Re-reads the hash and returns the ids whose record changed. Concurrent calls share one read, with
	 * one more after it if a notice arrived meanwhile (that notice may be about a write the read missed).
	 */
	reload(): Promise<string[]> {
		if (this.#reloading) {
			this.#reloadAgain = true;
			return this.#reloading;
		}
		this.#reloading = (async () => {
			const changed = new Set<string>();
			do {
				this.#reloadAgain = false;
				for (const id of await this.#readAll()) changed.add(id);
			} while (this.#reloadAgain);
			return [...changed];
		})().finally(() => (this.#reloading = null));
		return this.#reloading;
	}

	async #write(field: string, value: ActionValue): Promise<void> {
		const { bus } = this.#o;
		await bus.hset(this.keys.acks, field, JSON.stringify(value));
		await bus.expire(this.keys.acks, KEY_TTL_SEC);
		this.#merge(field, value);
		await bus.publish(this.keys.changed, JSON.stringify({ field }));
	}

	async #readAll(): Promise<string[]> {
		const raw = await this.#o.bus.hgetall(this.keys.acks);
		const nowMs = this.#o.clock();
		const before = this.#byAlert;
		this.#byAlert = new Map();
		const expired: string[] = [];
		for (const [field, text] of Object.entries(raw)) {
			// Unreadable entries (a newer version's, mid-upgrade) are skipped, not deleted; the key TTL ends them.
			const value = parseActionValue(text);
			if (!value) continue;
			if (value.expiresAtMs <= nowMs) expired.push(field);
			else this.#merge(field, value);
		}
		if (expired.length > 0) await this.#o.bus.hdel(this.keys.acks, expired);
		const changed: string[] = [];
		for (const id of new Set([...before.keys(), ...this.#byAlert.keys()])) {
			if (JSON.stringify(before.get(id)) !== JSON.stringify(this.#byAlert.get(id))) changed.push(id);
		}
		return changed;
	}

	#merge(field: string, value: ActionValue): void {
		const key = parseActionField(field);
		if (!key) return;
		let record = this.#byAlert.get(key.alertId);
		if (!record) {
			record = {
				alertId: key.alertId,
				subject: value.subject,
				acks: [],
				snoozes: [],
				clearedAtMs: null,
				lastActionMs: 0
			};
			this.#byAlert.set(key.alertId, record);
		}
		if (key.action === 'cleared') {
			record.clearedAtMs = value.atMs;
			return;
		}
		record.lastActionMs = Math.max(record.lastActionMs, value.atMs);
		if (key.action === 'ack' && value.severity) {
			const ack: AlertAck = { user: key.user, atMs: value.atMs, severity: value.severity };
			record.acks = [...record.acks.filter((a) => a.user !== key.user), ack].sort(byTimeThenUser);
		} else if (key.action === 'snooze' && value.untilMs !== undefined) {
			const snooze: AlertSnooze = { user: key.user, untilMs: value.untilMs };
			record.snoozes = [...record.snoozes.filter((s) => s.user !== key.user), snooze].sort((a, b) =>
				a.user < b.user ? -1 : a.user > b.user ? 1 : 0
			);
		}
	}
}

function byTimeThenUser(a: AlertAck, b: AlertAck): number {
	return a.atMs - b.atMs || (a.user < b.user ? -1 : a.user > b.user ? 1 : 0);
}
