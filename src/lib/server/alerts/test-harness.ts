import type { CcEvent } from '../../shared/contract';
import type { AlertChange } from '../../shared/protocol/alert-frames';
import { applyEvent } from '../live/apply-event';
import { createFloor, type Floor } from '../live/floor-state';
import { createEventBuilder, testCentreSetup, type EventBuilder } from '../live/test-events';
import { createAlertState, observeEvent, type AlertState } from './alert-state';
import { evaluate } from './evaluate';
import type { AlertSettingsInput } from './settings';

/** 2025-11-23 09:00 in Asia/Shanghai. */
export const T0 = Date.UTC(2025, 10, 23, 1, 0, 0);

/**
 * A floor, its alerts and an event builder on one controlled clock: events are applied through the
 * real reducer as they are built (`flush`), and `runTo` evaluates once a second like the runtime's
 * timer, collecting every change.
 */
export class AlertHarness {
	readonly floor: Floor;
	readonly alerts: AlertState;
	readonly b: EventBuilder;
	readonly changes: Array<AlertChange & { atMs: number }> = [];
	nowMs: number;

	constructor(options: { startMs?: number; settings?: AlertSettingsInput; floor?: Floor } = {}) {
		const startMs = options.startMs ?? T0;
		this.floor = options.floor ?? createFloor(testCentreSetup(), { timeZone: 'Asia/Shanghai' });
		this.alerts = createAlertState({
			startedAtMs: startMs,
			...(options.settings ? { settings: options.settings } : {})
		});
		this.b = createEventBuilder({ startMs });
		this.nowMs = startMs;
	}

	/** Applies the events built so far at their own times. */
	flush(): this {
		for (const e of this.b.take()) this.apply(e);
		return this;
	}

	apply(e: CcEvent): void {
		applyEvent(this.floor, e, e.ts);
		observeEvent(this.alerts, e);
	}

	/** Evaluates every second from the current time to `toMs` (inclusive), events first at each second. */
	runTo(toMs: number): AlertChange[] {
		const pending = this.b.take().sort((x, y) => x.ts - y.ts);
		const out: AlertChange[] = [];
		let i = 0;
		for (let t = this.nowMs + 1000; t <= toMs; t += 1000) {
			while (i < pending.length && pending[i]!.ts <= t) this.apply(pending[i++]!);
			for (const change of evaluate(this.alerts, this.floor, t)) {
				out.push(change);
				this.changes.push({ ...change, atMs: t });
			}
			this.nowMs = t;
		}
		while (i < pending.length) this.apply(pending[i++]!);
		return out;
	}

	runFor(sec: number): AlertChange[] {
		return this.runTo(this.nowMs + sec * 1000);
	}

	active() {
		return [...this.alerts.active.values()];
	}
}

export const sec = (s: number) => T0 + s * 1000;
