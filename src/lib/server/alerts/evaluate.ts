import type { AlertChange } from '../../shared/protocol/alert-frames';
import type { Floor } from '../live/floor-state';
import { agentConditions } from './agent-conditions';
import type { AlertState } from './alert-state';
import { slotStartMs } from './alert-id';
import { foldConditions } from './hysteresis';
import { queueConditions } from './queue-conditions';

/**
 * One evaluation at `nowMs`: what holds now on the floor, folded into the alerts with hysteresis; the
 * returned changes (raised, updated, cleared) are what screens need to hear.
 *
 * Meant for a timer (every second): one pass over the agents and their open contacts, and every
 * `queueEveryMs` one pass over the queues' window figures and the staffing model; between queue
 * passes the last queue conditions stand. Nothing rescans history, so the cost is bounded by the
 * floor's size, not by its traffic.
 */
export function evaluate(state: AlertState, floor: Floor, nowMs: number): AlertChange[] {
	// One queue pass per wall-clock slot, not every queueEveryMs since this process started: replicas then
	// first see a queue condition in the same slot and name its alert alike (see alert-id.ts).
	const every = state.settings.queueEveryMs;
	if (
		slotStartMs(nowMs, every) !== slotStartMs(state.lastQueuePassMs, every) ||
		nowMs < state.lastQueuePassMs
	) {
		state.queueConditions = queueConditions(state, floor, nowMs);
		state.lastQueuePassMs = nowMs;
	}
	const conditions = [...state.queueConditions, ...agentConditions(state, floor, nowMs)];
	return foldConditions(state, conditions, nowMs);
}
