import type { AlertAck, AlertSnooze, AlertView } from '../../shared/protocol/alert-frames';
import type { StoredActions } from './action-store';

/**
 * Folds what Redis holds for an alert into this replica's copy: per user the later acknowledgement and
 * the later snooze win, wherever they were given; snoozes already over are dropped. Returns whether the
 * alert changed, i.e. whether screens need to hear about it.
 */
export function mergeStoredActions(alert: AlertView, stored: StoredActions, nowMs: number): boolean {
	const acks = new Map<string, AlertAck>(alert.acks.map((a) => [a.user, a]));
	for (const ack of stored.acks) {
		const mine = acks.get(ack.user);
		if (!mine || ack.atMs > mine.atMs) acks.set(ack.user, ack);
	}
	const snoozes = new Map<string, AlertSnooze>();
	for (const s of [...alert.snoozes, ...stored.snoozes]) {
		if (s.untilMs <= nowMs) continue;
		const mine = snoozes.get(s.user);
		if (!mine || s.untilMs > mine.untilMs) snoozes.set(s.user, s);
	}
	const nextAcks = [...acks.values()].sort((a, b) => a.atMs - b.atMs || (a.user < b.user ? -1 : 1));
	const nextSnoozes = [...snoozes.values()].sort((a, b) => (a.user < b.user ? -1 : 1));
	const changed =
		JSON.stringify(nextAcks) !== JSON.stringify(alert.acks) ||
		JSON.stringify(nextSnoozes) !== JSON.stringify(alert.snoozes);
	if (!changed) return false;
	alert.acks = nextAcks;
	alert.snoozes = nextSnoozes;
	return true;
}
