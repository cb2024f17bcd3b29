import { json } from '@sveltejs/kit';
import { toCsv } from '$lib/server/history/csv';
import { readRows } from '$lib/server/history/read-rows';
import { parseIntervalParams } from '$lib/server/history/report-params';
import { requireApiToken } from '$lib/server/http/api-auth';
import { getRuntime } from '$lib/server/runtime/runtime';
import type { RequestHandler } from './$types';

/** Stored interval rows (queues, channels, the centre) over a range, as JSON or CSV. See docs/reports.md. */
export const GET: RequestHandler = async ({ request, url }) => {
	const runtime = getRuntime();
	const denied = requireApiToken(request, runtime.config.apiTokens);
	if (denied) return denied;
	const params = parseIntervalParams(url, runtime.timeZone);
	if (params instanceof Response) return params;
	const rows = await readRows(runtime.history.store, {
		fromMs: params.fromMs,
		toMs: params.toMs,
		size: params.size,
		timeZone: runtime.timeZone,
		...(params.queueIds ? { queueIds: params.queueIds } : {}),
		...(params.scopes ? { scopes: params.scopes } : {})
	});
	if (params.format === 'csv') {
		const name = `intervals-${url.searchParams.get('from')}-${params.size}min.csv`.replace(/[^\w.-]+/g, '_');
		return new Response(toCsv(rows), {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="${name}"`
			}
		});
	}
	return json({
		timeZone: runtime.timeZone,
		size: params.size,
		from: params.fromMs,
		to: params.toMs,
		count: rows.length,
		// The raw counts double the body; integrators who merge rows themselves ask for them.
		rows: url.searchParams.get('counters') === '1' ? rows : rows.map(({ counters: _counters, ...row }) => row)
	});
};
