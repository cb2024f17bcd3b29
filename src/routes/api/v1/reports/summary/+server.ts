import { json } from '@sveltejs/kit';
import { isoInZone } from '$lib/server/history/local-time';
import { readRows } from '$lib/server/history/read-rows';
import { parseRange, parseSize } from '$lib/server/history/report-params';
import { summarise } from '$lib/server/history/summary';
import { badRequest, requireApiToken } from '$lib/server/http/api-auth';
import { getRuntime } from '$lib/server/runtime/runtime';
import type { RequestHandler } from './$types';

/** One day (or `from`/`to`) at a glance: totals, busy hour and worst intervals per queue, channel, centre. */
export const GET: RequestHandler = async ({ request, url }) => {
	const runtime = getRuntime();
	const denied = requireApiToken(request, runtime.config.apiTokens);
	if (denied) return denied;
	const date = url.searchParams.get('date');
	const rangeUrl = new URL(url);
	if (date !== null) {
		if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
			return badRequest('date must be an ISO date such as 2026-03-01', 'date');
		rangeUrl.searchParams.set('from', date);
		rangeUrl.searchParams.delete('to');
	}
	const range = parseRange(rangeUrl, runtime.timeZone);
	if (range instanceof Response) return date === null ? range : badRequest('date is not a real date', 'date');
	const size = parseSize(url);
	if (size instanceof Response) return size;
	const minText = url.searchParams.get('minOffered');
	const minOffered = minText === null ? 10 : Number(minText);
	if (!Number.isInteger(minOffered) || minOffered < 0) {
		return badRequest('minOffered must be a whole number ≥ 0', 'minOffered');
	}
	const rows = await readRows(runtime.history.store, { ...range, size, timeZone: runtime.timeZone });
	return json({
		timeZone: runtime.timeZone,
		from: isoInZone(range.fromMs, runtime.timeZone),
		to: isoInZone(range.toMs, runtime.timeZone),
		size,
		scopes: summarise(rows, { timeZone: runtime.timeZone, minOffered })
	});
};
