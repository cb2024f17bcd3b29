import type { IntervalRow } from './interval-row';

/** The columns of the CSV export, in order: the promised JSON fields first, then the rest. */
export const CSV_COLUMNS = [
	'start',
	'queueId',
	'channel',
	'scope',
	'size',
	'offered',
	'answered',
	'abandoned',
	'shortAbandoned',
	'flowedOut',
	'answeredWithin',
	'answerRate',
	'serviceLevel',
	'asaSec',
	'maxWaitSec',
	'attSec',
	'ahtSec',
	'acwShare',
	'repeatRate',
	'csat',
	'arrivalsPerHour',
	'staffedAvg',
	'productiveAvg',
	'occupancy',
	'patienceSec',
	'requiredErlangC',
	'requiredErlangA',
	'scheduledErlangC',
	'scheduledErlangA',
	'gap',
	'closed'
] as const satisfies readonly (keyof IntervalRow)[];

/** Excel's cue that the file is UTF-8: without it, zh-CN Excel reads the bytes as GBK. */
export const UTF8_BOM = '\uFEFF';

/** RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled. */
export function csvField(value: unknown): string {
	if (value === null || value === undefined) return '';
	const text = typeof value === 'number' ? String(Math.round(value * 1e6) / 1e6) : String(value);
	// A leading = + - @ makes Excel evaluate the cell; ids are opaque text, never formulas.
	const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
	return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The rows as CSV: BOM, header row, CRLF line ends (what Excel writes and reads). */
export function toCsv(rows: readonly IntervalRow[]): string {
	const lines = [CSV_COLUMNS.join(',')];
	for (const row of rows) lines.push(CSV_COLUMNS.map((column) => csvField(row[column])).join(','));
	return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
