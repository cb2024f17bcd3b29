import { requirePermission } from '$lib/server/auth/guard';
import { getRuntime } from '$lib/server/runtime/runtime';
import { auditCsv } from '$lib/server/supervise/audit-csv';
import { parseAuditQuery } from '$lib/server/supervise/audit-query';
import type { RequestHandler } from './$types';

/** The filtered audit as CSV (same query parameters as the page), for spreadsheets and archiving. */
export const GET: RequestHandler = async ({ locals, url }) => {
	requirePermission(locals, url, 'audit.read');
	const runtime = getRuntime();
	const entries = await runtime.supervision.audit.query(
		parseAuditQuery(url.searchParams, runtime.timeZone, Date.now())
	);
	return new Response(auditCsv(entries), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="audit.csv"',
			'cache-control': 'no-store'
		}
	});
};
