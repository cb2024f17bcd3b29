import type { AlertView } from '../../shared/protocol/alert-frames';
import {
	compareRadarItems,
	type AgentFlag,
	type ConsoleAgentRow,
	type RadarAction,
	type RadarItem
} from '../../shared/protocol/team-frames';

const RADAR_CAUSES = new Set<string>([
	'not_ready_over',
	'ringing',
	'rona',
	'never_ready',
	'talk',
	'hold',
	'wrap_up'
]);

/**
 * The stuck-state radar: one item per active agent alert of the alerts service (its conditions are the
 * rules; nothing here decides what is an outlier), with the numbers a supervisor reads and the one-click
 * action. Agents not in `rows` are left out: the alert belongs to another team's view.
 * Sorted most severe first, then oldest first, so the longest red overrun leads.
 */
export function buildRadar(alerts: readonly AlertView[], rows: readonly ConsoleAgentRow[]): RadarItem[] {
	const byAgent = new Map(rows.map((r) => [r.agentId, r]));
	const items: RadarItem[] = [];
	for (const alert of alerts) {
		if (alert.state !== 'active' || !alert.agentId || !RADAR_CAUSES.has(alert.cause)) continue;
		const row = byAgent.get(alert.agentId);
		if (!row) continue;
		const cause = alert.cause as AgentFlag;
		const contact = alert.contactId ? row.contacts.find((c) => c.contactId === alert.contactId) : undefined;
		items.push({
			alertId: alert.alertId,
			agentId: row.agentId,
			agentName: row.name,
			teamId: row.teamId,
			cause,
			severity: alert.severity,
			startMs: startOf(cause, alert, row, contact),
			limitSec: cause === 'rona' ? null : numberOr(alert.figures.limitSec, null),
			count: cause === 'rona' ? numberOr(alert.figures.ronas, null) : null,
			reason: cause === 'not_ready_over' ? row.reason : null,
			contactId: alert.contactId,
			action: actionOf(cause, row, alert.contactId)
		});
	}
	return items.sort(compareRadarItems);
}

/**
 * Where the measured time starts, from the row so it ticks in the browser like the row does. The alert's
 * own start is the fallback: for a long contact it is the leg's start, not the hold's or the wrap-up's.
 */
function startOf(
	cause: AgentFlag,
	alert: AlertView,
	row: ConsoleAgentRow,
	contact: ConsoleAgentRow['contacts'][number] | undefined
): number {
	switch (cause) {
		case 'not_ready_over':
			return row.state === 'not_ready' ? row.sinceMs : alert.sinceMs;
		case 'talk':
			return contact?.answeredAtMs ?? alert.sinceMs;
		case 'ringing':
		case 'hold':
		case 'wrap_up':
			return contact?.sinceMs ?? alert.sinceMs;
		default:
			return alert.sinceMs;
	}
}

/** Force ready ends a not-ready overrun (a break, or never ready); listen / barge is for a live call. */
function actionOf(cause: AgentFlag, row: ConsoleAgentRow, contactId: string | null): RadarAction | null {
	if ((cause === 'not_ready_over' || cause === 'never_ready') && row.state === 'not_ready')
		return 'force_ready';
	if ((cause === 'talk' || cause === 'hold') && contactId) return 'supervise';
	return null;
}

function numberOr(value: number | null | undefined, fallback: number | null): number | null {
	return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
