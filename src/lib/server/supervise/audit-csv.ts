import { csvField, UTF8_BOM } from '../history/csv';
import type { AuditEntry } from './audit-entry';

export const AUDIT_CSV_COLUMNS = [
	'time',
	'user',
	'role',
	'action',
	'agentId',
	'teamId',
	'contactId',
	'sessionId',
	'mode',
	'reason',
	'outcome',
	'error',
	'durationMs',
	'commandId',
	'commandType'
] as const;

/** The audit as CSV with a UTF-8 BOM, so Excel opens Chinese reasons correctly. Times are ISO UTC. */
export function auditCsv(entries: readonly AuditEntry[]): string {
	const lines = [AUDIT_CSV_COLUMNS.join(',')];
	for (const e of entries) {
		const row = { ...e, time: new Date(e.atMs).toISOString() };
		lines.push(AUDIT_CSV_COLUMNS.map((c) => csvField(row[c])).join(','));
	}
	return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
