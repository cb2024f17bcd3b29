import { describe, expect, it } from 'vitest';
import { emptyCounters } from '../../shared/metrics/counters';
import { CSV_COLUMNS, csvField, toCsv, UTF8_BOM } from './csv';
import type { IntervalRow } from './interval-row';

describe('CSV export', () => {
	it('starts with a UTF-8 BOM and a header row of the row field names', () => {
		const csv = toCsv([]);
		expect(csv.startsWith(UTF8_BOM)).toBe(true);
		expect(csv.slice(1).split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
		expect(CSV_COLUMNS).toEqual(expect.arrayContaining(['start', 'queueId', 'requiredErlangA', 'gap']));
	});

	it('quotes commas, quotes and line breaks, doubling quotes', () => {
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField('two\nlines')).toBe('"two\nlines"');
		expect(csvField('售后服务')).toBe('售后服务');
	});

	it('leaves nulls empty and keeps ids from being read as formulas', () => {
		expect(csvField(null)).toBe('');
		expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
		expect(csvField(-2.5)).toBe('-2.5');
	});

	it('writes one CRLF line per row in column order', () => {
		const row = {
			start: '2026-03-02T10:00:00+08:00',
			queueId: 'q,1',
			offered: 3,
			gap: null,
			counters: emptyCounters()
		} as unknown as IntervalRow;
		const lines = toCsv([row]).split('\r\n');
		expect(lines).toHaveLength(3);
		const cells = lines[1]!.split(',');
		expect(cells[0]).toBe('2026-03-02T10:00:00+08:00');
		expect(lines[1]).toContain('"q,1"');
	});
});
