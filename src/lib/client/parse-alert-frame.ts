import type { AlertChangeFrame, AlertsSnapshotFrame, AlertView } from '$lib/shared/protocol/alert-frames';
import type { Freshness } from '$lib/shared/protocol/frames';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): boolean =>
	isObj(v) && typeof v['zh-CN'] === 'string' && typeof v.en === 'string';

/** The fields the ticker relies on; anything else renders as it comes or not at all. */
function isAlert(v: unknown): v is AlertView {
	return (
		isObj(v) &&
		typeof v.alertId === 'string' &&
		typeof v.kind === 'string' &&
		(v.severity === 'yellow' || v.severity === 'red') &&
		(v.state === 'active' || v.state === 'cleared') &&
		typeof v.raisedAtMs === 'number' &&
		Array.isArray(v.queueIds) &&
		isText(v.reason)
	);
}

/** `alerts.v1` or `alert.v1`, checked; null when malformed. Freshness is checked by the caller's parser. */
export function parseAlertFrame(
	raw: Obj,
	freshness: Freshness
): AlertsSnapshotFrame | AlertChangeFrame | null {
	if (raw.type === 'alerts.v1') {
		if (typeof raw.view !== 'string' || !Array.isArray(raw.alerts) || !raw.alerts.every(isAlert)) return null;
		return { type: 'alerts.v1', view: raw.view, freshness, alerts: raw.alerts };
	}
	if (raw.type === 'alert.v1') {
		const change = raw.change;
		if ((change !== 'raised' && change !== 'updated' && change !== 'cleared') || !isAlert(raw.alert))
			return null;
		return { type: 'alert.v1', freshness, change, alert: raw.alert };
	}
	return null;
}
