import type { AuditFilter } from './audit-entry';

/**
 * `?user=&agent=&action=&from=&to=` → a filter. Times are ISO date-times (a `datetime-local` value is
 * read in the centre's time zone); an unreadable time is ignored rather than matching nothing.
 */
export function parseAuditQuery(params: URLSearchParams, timeZone: string, nowMs: number): AuditFilter {
	const offsetMinutes = zoneOffsetMinutes(timeZone, nowMs);
	const filter: AuditFilter = {};
	const text = (name: string) => params.get(name)?.trim() || undefined;
	const user = text('user');
	const agentId = text('agent');
	const action = text('action');
	if (user) filter.user = user;
	if (agentId) filter.agentId = agentId;
	if (action) filter.action = action;
	const fromMs = timeOf(text('from'), offsetMinutes);
	const toMs = timeOf(text('to'), offsetMinutes);
	if (fromMs !== undefined) filter.fromMs = fromMs;
	if (toMs !== undefined) filter.toMs = toMs;
	return filter;
}

function timeOf(value: string | undefined, offsetMinutes: number): number | undefined {
	if (!value) return undefined;
	// A datetime-local value has no zone: it is the centre's wall clock.
	const zoned = /[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}${offset(offsetMinutes)}`;
	const ms = Date.parse(zoned);
	return Number.isFinite(ms) ? ms : undefined;
}

function offset(minutes: number): string {
	const sign = minutes >= 0 ? '+' : '-';
	const abs = Math.abs(minutes);
	return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The zone's UTC offset at `nowMs`, e.g. 480 for Asia/Shanghai. */
export function zoneOffsetMinutes(timeZone: string, nowMs: number): number {
	const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
		.formatToParts(nowMs)
		.find((p) => p.type === 'timeZoneName')?.value;
	const match = /GMT([+-])(\d\d):?(\d\d)?/.exec(name ?? '');
	if (!match) return 0;
	return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0));
}
