import type { AlertSetup } from '../../shared/centre/alert-setup';
import type { NotReadyLimitsSec } from '../../shared/centre/setup';
import type { CcEvent } from '../../shared/contract';
import {
	alertOnBoard,
	type AlertChange,
	type AlertKind,
	type AlertView
} from '../../shared/protocol/alert-frames';
import type { Floor } from '../live/floor-state';
import type { Logger } from '../util/logger';
import type { AlertActionStore } from './action-store';
import { createAlertState, findAlert, observeEvent, type AlertState } from './alert-state';
import { evaluate } from './evaluate';
import { mergeStoredActions } from './merge-actions';
import { alertSettings, alertSettingsFromSetup, type AlertSettingsInput } from './settings';
import {
	acknowledge,
	byUrgency,
	listAlerts,
	snooze,
	type ActionResult,
	type AlertFilter,
	type SnoozeBody
} from './user-actions';

export type AlertListener = (changes: AlertChange[]) => void;

/** Kinds named by the pass slot they were first seen in rather than by an event (see alert-id.ts). */
const SLOT_NAMED: ReadonlySet<AlertKind> = new Set(['answer_rate_drop', 'service_level_risk']);
/** After a restart, replaying the day and a first queue pass may take this long on top of raiseAfterSec. */
const RESTART_GRACE_MS = 60_000;

/**
 * The alerts of one live floor, for the runtime: the pure state plus the clock, and listeners told of
 * every change (evaluation, acknowledgement, snooze). It owns no timer and no socket; the runtime calls
 * `tick()` on its timer and the realtime hub listens. With an action store, acknowledgements and
 * snoozes are shared with the other replicas and survive a restart.
 */
export class AlertService {
	readonly state: AlertState;
	readonly #floor: Floor;
	readonly #clock: () => number;
	readonly #actions: AlertActionStore | null;
	readonly #logger: Logger | null;
	readonly #listeners = new Set<AlertListener>();

	constructor(options: {
		floor: Floor;
		clock: () => number;
		settings?: AlertSettingsInput;
		actions?: AlertActionStore;
		logger?: Logger;
	}) {
		this.#floor = options.floor;
		this.#clock = options.clock;
		this.#actions = options.actions ?? null;
		this.#logger = options.logger ?? null;
		this.state = createAlertState({
			startedAtMs: options.clock(),
			...(options.settings ? { settings: options.settings } : {})
		});
	}

	/** Loads the shared acknowledgements and follows other replicas' changes to them. */
	async start(): Promise<void> {
		await this.#actions?.start((ids) => this.#storedChanged(ids));
	}

	stop(): void {
		this.#actions?.stop();
	}

	/** New settings (from the set-up or the settings API); the next pass uses them. */
	configure(input: AlertSettingsInput): void {
		this.state.settings = alertSettings(input);
	}

	/** The configurable settings and the centre's not-ready limits, as the settings store holds them. */
	configureFrom(inputs: { alerts: AlertSetup; notReadyLimitsSec: NotReadyLimitsSec }): void {
		this.configure(alertSettingsFromSetup(inputs.alerts, inputs.notReadyLimitsSec));
	}

	/** Every applied event passes here (O(1); only ring-outs and logins are noted). */
	observe(event: CcEvent): void {
		observeEvent(this.state, event);
	}

	tick(): AlertChange[] {
		const nowMs = this.#clock();
		const changes = evaluate(this.state, this.#floor, nowMs);
		for (const c of changes) {
			if (c.change === 'raised') this.#recall(c.alert, nowMs);
			else if (c.change === 'cleared') this.#persist(this.#actions?.saveCleared(c.alert));
		}
		if (changes.length > 0) this.#emit(changes);
		return changes;
	}

	list(filter: AlertFilter = {}): AlertView[] {
		return listAlerts(this.state, filter, this.#clock());
	}

	/** Active alerts a board showing these queues (empty: all) puts on screen. */
	forBoard(boardQueueIds: readonly string[]): AlertView[] {
		return [...this.state.active.values()].filter((a) => alertOnBoard(a, boardQueueIds)).sort(byUrgency);
	}

	/** Resolves once the acknowledgement is stored, so another replica asked next already has it. */
	async acknowledge(alertId: string, user: string): Promise<ActionResult> {
		const result = acknowledge(this.state, alertId, user, this.#clock());
		if (result.ok && this.#actions) {
			const ack = result.change.alert.acks.find((a) => a.user === user)!;
			await this.#actions.saveAck(result.change.alert, ack);
		}
		return this.#announce(result);
	}

	async snooze(alertId: string, body: SnoozeBody): Promise<ActionResult> {
		const result = snooze(this.state, alertId, body, this.#clock());
		if (result.ok && this.#actions) {
			const until = result.change.alert.snoozes.find((s) => s.user === body.user)!;
			await this.#actions.saveSnooze(result.change.alert, until);
		}
		return this.#announce(result);
	}

	onChanges(listener: AlertListener): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/**
	 * A raised alert takes what other replicas (or this one before a restart) stored for its id. A
	 * slot-named alert first seen just after a restart continues the episode another replica acted on:
	 * the restart moved its slot, not its condition.
	 */
	#recall(alert: AlertView, nowMs: number): void {
		const store = this.#actions;
		if (!store) return;
		const settings = this.state.settings;
		const young =
			nowMs - this.state.startedAtMs <=
			settings.hysteresis[alert.kind].raiseAfterSec * 1000 + 2 * settings.queueEveryMs + RESTART_GRACE_MS;
		const open = SLOT_NAMED.has(alert.kind) && young ? store.openFor(alert.subject) : null;
		if (open && open.alertId !== alert.alertId && !this.state.active.has(open.alertId)) {
			this.state.active.delete(alert.alertId);
			alert.alertId = open.alertId;
			this.state.cleared.delete(open.alertId);
			this.state.active.set(alert.alertId, alert);
		}
		const stored = store.get(alert.alertId);
		if (stored) mergeStoredActions(alert, stored, nowMs);
	}

	#storedChanged(alertIds: string[]): void {
		const nowMs = this.#clock();
		const changes: AlertChange[] = [];
		for (const id of alertIds) {
			const alert = findAlert(this.state, id);
			const stored = this.#actions?.get(id);
			if (!alert || !stored) continue;
			if (mergeStoredActions(alert, stored, nowMs)) {
				alert.updatedAtMs = nowMs;
				changes.push({ change: 'updated', alert });
			}
		}
		if (changes.length > 0) this.#emit(changes);
	}

	#persist(write: Promise<void> | undefined): void {
		write?.catch((err: unknown) => this.#logger?.error('alert action not stored', { error: String(err) }));
	}

	#announce(result: ActionResult): ActionResult {
		if (result.ok) this.#emit([result.change]);
		return result;
	}

	#emit(changes: AlertChange[]): void {
		for (const listener of this.#listeners) listener(changes);
	}
}
