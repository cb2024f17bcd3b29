import { describe, expect, it } from 'vitest';
import { auditCsv } from './audit-csv';
import { parseAuditQuery, zoneOffsetMinutes } from './audit-query';

describe('audit query and export', () => {
	it('reads a datetime-local range in the centre’s time zone', () => {
		const filter = parseAuditQuery(
			new URLSearchParams({ user: 'sup.a', from: '2026-11-11T08:00', to: '2026-11-11T09:00' }),
			'Asia/Shanghai',
			Date.UTC(2026, 10, 11)
		);
		expect(filter).toEqual({
			user: 'sup.a',
			fromMs: Date.UTC(2026, 10, 11, 0, 0),
			toMs: Date.UTC(2026, 10, 11, 1, 0)
		});
	});

	it('knows the offset of zones east and west of UTC', () => {
		expect(zoneOffsetMinutes('Asia/Shanghai', 0)).toBe(480);
		expect(zoneOffsetMinutes('UTC', 0)).toBe(0);
		expect(zoneOffsetMinutes('America/New_York', Date.UTC(2026, 0, 1))).toBe(-300);
	});

	it('exports CSV with a BOM and quotes a reason containing a comma', () => {
		const csv = auditCsv([
			{
				v: 1,
				atMs: 0,
				user: 'sup.a',
				role: 'supervisor',
				action: 'force_ready',
				agentId: 'a-1',
				teamId: 't',
				contactId: null,
				sessionId: null,
				mode: null,
				reason: '休息超时, 请示闲',
				commandId: 'cmd-1',
				commandType: 'agent.set_state',
				outcome: 'succeeded',
				error: null,
				durationMs: 12
			}
		]);
		expect(csv.startsWith('\uFEFFtime,user,')).toBe(true);
		expect(csv).toContain(
			'1970-01-01T00:00:00.000Z,sup.a,supervisor,force_ready,a-1,t,,,,"休息超时, 请示闲",succeeded,,12'
		);
	});
});
