import { json } from '@sveltejs/kit';
import { requirePermission } from '$lib/server/auth/guard';
import { toCsv } from '$lib/server/history/csv';
import { readRows } from '$lib/server/history/read-rows';
import { parseIntervalParams } from '$lib/server/history/report-params';
import { getRuntime } from '$lib/server/runtime/runtime';
import type { RequestHandler } from './$types';

/**
 * The report API's interval export behind the session instead of a bearer token, so a manager downloads
 * from the page without an integration token. Same parameters, same functions, same bytes.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	requirePermission(locals, url, 'reports.read');
	const runtime = getRuntime();
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
			timeZone: runtime.timeZone,
			size: params.size,
			from: params.fromMs,
			to: params.toMs,
			count: rows.length,
			rows: rows.map(({ counters: _counters, ...row }) => row)
		},
		{ headers: { 'content-disposition': `attachment; filename="${name}.json"` } }
	);
};
