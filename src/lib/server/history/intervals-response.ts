import { json } from '@sveltejs/kit';
import { toCsv } from './csv';
import { readRows } from './read-rows';
import { parseIntervalParams } from './report-params';
import type { HistoryStore } from './store';

export interface IntervalsResponseOptions {
	store: HistoryStore;
	timeZone: string;
	/** As a download (`content-disposition: attachment`) in both formats, for the page's export links. */
	attachment: boolean;
}

/**
 * The stored interval rows a request asks for, as JSON or CSV: one body for the token API
 * (`/api/v1/reports/intervals`) and the page's session export (`/reports/export`), so both give the same
 * bytes for the same parameters. Bad parameters give the 400 `parseIntervalParams` names them in.
 */
export async function intervalsResponse(url: URL, options: IntervalsResponseOptions): Promise<Response> {
	const { store, timeZone, attachment } = options;
	const params = parseIntervalParams(url, timeZone);
	if (params instanceof Response) return params;
	const rows = await readRows(store, {
		fromMs: params.fromMs,
		toMs: params.toMs,
		size: params.size,
		timeZone,
		...(params.queueIds ? { queueIds: params.queueIds } : {}),
		...(params.scopes ? { scopes: params.scopes } : {})
	});
	const name = `intervals-${url.searchParams.get('from')}-${params.size}min`.replace(/[^\w.-]+/g, '_');
	if (params.format === 'csv') {
		return new Response(toCsv(rows), {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="${name}.csv"`
			}
		});
	}
	return json(
		{
			timeZone,
			size: params.size,
			from: params.fromMs,
			to: params.toMs,
			count: rows.length,
			// The raw counts double the body; integrators who merge rows themselves ask for them.
			rows:
				url.searchParams.get('counters') === '1' ? rows : rows.map(({ counters: _counters, ...row }) => row)
		},
		attachment ? { headers: { 'content-disposition': `attachment; filename="${name}.json"` } } : {}
	);
}
