import type { CcEvent } from '../../shared/contract';
import { alertOnBoard, type AlertChange, type AlertView } from '../../shared/protocol/alert-frames';
import type { Floor } from '../live/floor-state';
import { createAlertState, observeEvent, type AlertState } from './alert-state';
import { evaluate } from './evaluate';
import type { AlertSettingsInput } from './settings';
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

/**
 * The alerts of one live floor, for the runtime: the pure state plus the clock, and listeners told of
 * every change (evaluation, acknowledgement, snooze). It owns no timer and no socket; the runtime calls
 * `tick()` on its timer and the realtime hub listens.
 */
export class AlertService {
	readonly state: AlertState;
	readonly #floor: Floor;
	readonly #clock: () => number;
	readonly #listeners = new Set<AlertListener>();

	constructor(options: { floor: Floor; clock: () => number; settings?: AlertSettingsInput }) {
		this.#floor = options.floor;
		this.#clock = options.clock;
		this.state = createAlertState({
			startedAtMs: options.clock(),
			...(options.settings ? { settings: options.settings } : {})
		});
	}

	/** Every applied event passes here (O(1); only ring-outs and logins are noted). */
	observe(event: CcEvent): void {
		observeEvent(this.state, event);
	}

	tick(): AlertChange[] {
		const changes = evaluate(this.state, this.#floor, this.#clock());
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

	acknowledge(alertId: string, user: string): ActionResult {
		return this.#announce(acknowledge(this.state, alertId, user, this.#clock()));
	}

	snooze(alertId: string, body: SnoozeBody): ActionResult {
		return this.#announce(snooze(this.state, alertId, body, this.#clock()));
	}

	onChanges(listener: AlertListener): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	#announce(result: ActionResult): ActionResult {
		if (result.ok) this.#emit([result.change]);
		return result;
	}

	#emit(changes: AlertChange[]): void {
		for (const listener of this.#listeners) listener(changes);
	}
}
