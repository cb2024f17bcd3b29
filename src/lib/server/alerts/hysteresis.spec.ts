import { describe, expect, it } from 'vitest';
import type { AlertSeverity } from '../../shared/protocol/alert-frames';
import { createAlertState, type Condition } from './alert-state';
import { foldConditions } from './hysteresis';

const T = Date.UTC(2025, 10, 23, 1, 0, 0);

function condition(severity: AlertSeverity, subject = 'long_contact|c1|a1'): Condition {
	return {
		subject,
		kind: 'long_contact',
		cause: 'talk',
		severity,
		queueId: 'q',
		agentId: 'a1',
		contactId: 'c1',
		queueIds: ['q'],
		reason: { 'zh-CN': '原因', en: 'reason' },
		figures: {}
	};
}

/** Feeds one pass a second for `pattern.length` seconds: a severity holds, null does not. */
function drive(pattern: Array<AlertSeverity | null>, raiseAfterSec = 5, clearAfterSec = 10) {
	const state = createAlertState({
		settings: { hysteresis: { long_contact: { raiseAfterSec, clearAfterSec } } }
	});
	const log: string[] = [];
	pattern.forEach((severity, i) => {
		for (const c of foldConditions(state, severity ? [condition(severity)] : [], T + i * 1000)) {
			log.push(`${i}:${c.change}:${c.alert.severity}`);
		}
	});
	return { state, log };
}

const repeat = <T>(value: T, n: number): T[] => Array.from({ length: n }, () => value);

describe('alert hysteresis', () => {
	it('raises only after the condition has held raiseAfterSec without a break', () => {
		const { log } = drive([
			...repeat<AlertSeverity>('yellow', 4),
			null,
			...repeat<AlertSeverity>('yellow', 6)
		]);
		// The break at 4 s restarts the count: held from 5 s, raised at 10 s.
		expect(log).toEqual(['10:raised:yellow']);
	});

	it('never raises a condition that toggles faster than raiseAfterSec', () => {
		const pattern = Array.from({ length: 120 }, (_, i) => (i % 4 < 3 ? ('yellow' as const) : null));
		expect(drive(pattern).log).toEqual([]);
	});

	it('does not flap: a raised alert survives quick toggles and clears once false for clearAfterSec', () => {
		const toggling = Array.from({ length: 60 }, (_, i) => (i % 6 < 3 ? ('yellow' as const) : null));
		const { log, state } = drive([...repeat<AlertSeverity>('yellow', 6), ...toggling, ...repeat(null, 11)]);
		// The toggling ends false from 63 s on (57 % 6 = 3), so it clears 10 s later.
		expect(log).toEqual(['5:raised:yellow', '73:cleared:yellow']);
		expect(state.active.size).toBe(0);
		expect(state.cleared.size).toBe(1);
	});

	it('escalates to red and back to yellow on the same alert', () => {
		const { log } = drive([
			...repeat<AlertSeverity>('yellow', 6),
			...repeat<AlertSeverity>('red', 6),
			...repeat<AlertSeverity>('yellow', 11)
		]);
		expect(log).toEqual(['5:raised:yellow', '11:updated:red', '22:updated:yellow']);
	});

	it('raises a later episode as a new alert with a new id', () => {
		const { state } = drive([
			...repeat<AlertSeverity>('yellow', 6),
			...repeat(null, 11),
			...repeat<AlertSeverity>('yellow', 6)
		]);
		const [first] = [...state.cleared.values()];
		const [second] = [...state.active.values()];
		expect(first!.alertId).not.toBe(second!.alertId);
		expect(second!.raisedAtMs).toBe(T + 22_000);
	});

	it('keeps subjects apart: two contacts are two alerts', () => {
		const state = createAlertState();
		for (let i = 0; i <= 5; i++) {
			foldConditions(
				state,
				[condition('yellow', 'a'), condition('yellow', 'b'), condition('red', 'a')],
				T + i * 1000
			);
		}
		expect([...state.active.values()].map((a) => a.subject).sort()).toEqual(['a', 'b']);
	});
});
