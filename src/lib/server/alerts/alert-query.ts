import {
	ALERT_KINDS,
	ALERT_SEVERITIES,
	type AlertKind,
	type AlertSeverity
} from '../../shared/protocol/alert-frames';
import type { AlertFilter } from './user-actions';

export type QueryError = { message: string; parameter: string };

/** `?queue=a,b&kind=&severity=&state=active|cleared&user=` → a filter, or the parameter that is wrong. */
export function parseAlertQuery(url: URL): AlertFilter | QueryError {
	const p = url.searchParams;
	const filter: AlertFilter = {};
	const queue = p.get('queue');
	if (queue !== null) {
		const ids = queue.split(',').filter(Boolean);
		if (ids.length === 0) return { message: 'queue must name at least one queue id', parameter: 'queue' };
		filter.queueIds = ids;
	}
	const kind = p.get('kind');
	if (kind !== null) {
		if (!(ALERT_KINDS as readonly string[]).includes(kind))
			return { message: `kind must be one of ${ALERT_KINDS.join(', ')} (got "${kind}")`, parameter: 'kind' };
		filter.kind = kind as AlertKind;
	}
	const severity = p.get('severity');
	if (severity !== null) {
		if (!(ALERT_SEVERITIES as readonly string[]).includes(severity))
			return { message: `severity must be yellow or red (got "${severity}")`, parameter: 'severity' };
		filter.severity = severity as AlertSeverity;
	}
	const state = p.get('state');
	if (state !== null) {
		if (state !== 'active' && state !== 'cleared')
			return { message: `state must be active or cleared (got "${state}")`, parameter: 'state' };
		filter.state = state;
	}
	const user = p.get('user');
	if (user !== null) {
		if (!user.trim()) return { message: 'user must not be empty', parameter: 'user' };
		filter.user = user.trim();
	}
	return filter;
}
