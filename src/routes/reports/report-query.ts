import { parseLocalInstant } from '$lib/server/history/local-time';
import { parseRange, parseSize } from '$lib/server/history/report-params';
import type { IntervalSize } from '$lib/server/history/interval-row';
import type { DailyChange } from '$lib/server/history/what-if-days';

/** What the report form asks for, read from the URL so every report is a link a manager can share. */
export interface ReportQuery {
	from: string;
	to: string;
	fromMs: number;
	toMs: number;
	size: IntervalSize;
	/** A row field: `centre`, `ch:voice` or `q:orders-voice` (see rowField). */
	view: string;
	/** A second day drawn on the same axes; only for a one-day report. */
	compare: string | null;
	change: DailyChange | null;
}

export interface QueryProblem {
	parameter: string;
	message: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Reads the form; a wrong field is named and the report falls back to the default for it. */
export async function readReportQuery(
	url: URL,
	timeZone: string,
	defaultDate: string
): Promise<{ query: ReportQuery | null; problems: QueryProblem[] }> {
	const problems: QueryProblem[] = [];
	const p = url.searchParams;
	const from = p.get('from') || defaultDate;
	const to = p.get('to') || from;
	// The API's own parsers, so the page accepts and refuses exactly what the export does.
	const rangeUrl = new URL('http://report.local/');
	rangeUrl.searchParams.set('from', from);
	rangeUrl.searchParams.set('to', to);
	if (!DATE.test(from))
		problems.push({ parameter: 'from', message: 'from must be a date such as 2026-03-01' });
	if (!DATE.test(to)) problems.push({ parameter: 'to', message: 'to must be a date such as 2026-03-01' });
	const range = problems.length ? null : parseRange(rangeUrl, timeZone);
	if (range instanceof Response) problems.push((await range.json()) as QueryProblem);
	const sizeUrl = new URL('http://report.local/');
	sizeUrl.searchParams.set('size', p.get('size') || '30');
	const size = parseSize(sizeUrl);
	if (size instanceof Response) problems.push((await size.json()) as QueryProblem);
	const view = p.get('view') || 'centre';
	if (!/^(centre|ch:[a-z]+|q:[\w.:-]{1,64})$/.test(view)) {
		problems.push({ parameter: 'view', message: 'view must be centre, ch:<channel> or q:<queue>' });
	}
	let compare = p.get('compare') || null;
	if (compare && (!DATE.test(compare) || !parseLocalInstant(compare, timeZone).ok)) {
		problems.push({ parameter: 'compare', message: 'compare must be a date such as 2026-03-01' });
		compare = null;
	}
	if (from !== to) compare = null;
	// A bad what-if is reported beside the form but still shows the day's report.
	const blocking = problems.length > 0;
	const change = readChange(p, problems);
	if (!range || range instanceof Response || size instanceof Response || blocking) {
		return { query: null, problems };
	}
	return { query: { from, to, ...range, size, view, compare, change }, problems };
}

function readChange(p: URLSearchParams, problems: QueryProblem[]): DailyChange | null {
	const deltaText = (p.get('delta') ?? '').trim().replace(/^\+/, '');
	if (deltaText === '' || deltaText === '0') return null;
	const delta = Number(deltaText);
	if (!/^-?\d{1,4}$/.test(deltaText)) {
		problems.push({ parameter: 'delta', message: 'delta must be a whole number of agents such as 5 or -3' });
		return null;
	}
	const from = p.get('wfrom') || '00:00';
	const to = p.get('wto') || '24:00';
	if (!CLOCK.test(from) || !CLOCK.test(to) || to <= from) {
		problems.push({ parameter: 'wfrom', message: 'the what-if span is HH:MM to a later HH:MM' });
		return null;
	}
	return { delta, from, to };
}
