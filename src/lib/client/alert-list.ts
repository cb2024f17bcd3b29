import type { AlertChangeFrame, AlertView } from '$lib/shared/protocol/alert-frames';

/** Most alerts a screen keeps: a ticker shows a few; a storm must not grow a TV's memory for weeks. */
export const MAX_SCREEN_ALERTS = 200;

const rank = (a: AlertView) => (a.severity === 'red' ? 0 : 1);

/** Red first, then the newest raised. */
export function sortAlerts(alerts: AlertView[]): AlertView[] {
	return alerts.sort((a, b) => rank(a) - rank(b) || b.raisedAtMs - a.raisedAtMs).slice(0, MAX_SCREEN_ALERTS);
}

/** The active alerts after one change: raised and updated replace by id, cleared removes. */
export function applyAlertChange(alerts: readonly AlertView[], frame: AlertChangeFrame): AlertView[] {
	const rest = alerts.filter((a) => a.alertId !== frame.alert.alertId);
	if (frame.change === 'cleared' || frame.alert.state === 'cleared') return rest;
	return sortAlerts([...rest, frame.alert]);
}
