import { requirePermission } from '$lib/server/auth/guard';
import { localDateOf } from '$lib/server/history/local-time';
import { getRuntime } from '$lib/server/runtime/runtime';
import { exportQuery } from './export-query';
import { loadReport } from './load-report';
import { readReportQuery } from './report-query';
import type { PageServerLoad } from './$types';

const DAY_MS = 86_400_000;

/** The report of the chosen day(s) and view, computed by the same history functions as the report API. */
export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'reports.read');
	const runtime = getRuntime();
	const { store, setup, timeZone } = runtime.history;
	// The morning-after question is about yesterday, on the centre's calendar, not the browser's.
	const yesterday = localDateOf(Date.now() - DAY_MS, timeZone);
	const { query, problems } = await readReportQuery(url, timeZone, yesterday);
	const channels = [...new Set(setup.queues.map((q) => q.channel))];
	return {
		timeZone,
		yesterday,
		problems,
		views: [
			{ value: 'centre', kind: 'centre' as const, name: null },
			...channels.map((channel) => ({ value: `ch:${channel}`, kind: 'channel' as const, name: null })),
			...setup.queues.map((q) => ({ value: `q:${q.queueId}`, kind: 'queue' as const, name: q.name }))
		],
		query,
		exportQuery: query ? exportQuery(query) : null,
		report: query ? await loadReport({ store, setup, timeZone }, query) : null
	};
};
