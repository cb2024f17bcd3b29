import { json } from '@sveltejs/kit';
import { localToEpochMs, nextLocalDayStartMs, parseLocalInstant } from '$lib/server/history/local-time';
import { readRows } from '$lib/server/history/read-rows';
import { parseSize } from '$lib/server/history/report-params';
import { whatIf } from '$lib/server/history/what-if';
import { badRequest, requireApiToken } from '$lib/server/http/api-auth';
import { getRuntime } from '$lib/server/runtime/runtime';
import type { RequestHandler } from './$types';

/**
 * `?date=2026-03-01&queue=orders-voice&size=30&delta=+5&from=20:00&to=22:00`: Erlang A per interval of
 * the day at the agents there were and with `delta` more (or fewer) in [from, to), beside the actual.
 */
export const GET: RequestHandler = async ({ request, url }) => {
	const runtime = getRuntime();
	const denied = requireApiToken(request, runtime.config.apiTokens);
	if (denied) return denied;
	const tz = runtime.timeZone;
	const date = url.searchParams.get('date') ?? '';
	const day = /^\d{4}-\d{2}-\d{2}$/.test(date) ? parseLocalInstant(date, tz) : null;
	if (!day?.ok) return badRequest('date must be an ISO date such as 2026-03-01', 'date');
	const queueId = url.searchParams.get('queue');
	if (!queueId) return badRequest('queue is required: the what-if models one queue', 'queue');
	const size = parseSize(url);
	if (size instanceof Response) return size;
	const deltaText = (url.searchParams.get('delta') ?? '').replace(/^ /, '+');
	const delta = Number(deltaText);
	if (!/^[+-]?\d+$/.test(deltaText) || Math.abs(delta) > 10_000) {
		return badRequest('delta must be a whole number of agents such as +5 or -3', 'delta');
	}
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	const timeOf = (name: 'from' | 'to', fallback: number): number | Response => {
		const text = url.searchParams.get(name);
		if (text === null) return fallback;
		const match = /^(\d{2}):(\d{2})$/.exec(text);
		if (!match || Number(match[1]) > 24 || Number(match[2]) > 59) {
			return badRequest(`${name} must be a local time HH:MM such as 20:00`, name);
		}
		if (match[1] === '24') return nextLocalDayStartMs(day.ms, tz);
		return localToEpochMs(
			{ year: y, month: m, day: d, hour: Number(match[1]), minute: Number(match[2]), second: 0 },
			tz
		);
	};
	const dayEndMs = nextLocalDayStartMs(day.ms, tz);
	const fromMs = timeOf('from', day.ms);
	if (fromMs instanceof Response) return fromMs;
	const toMs = timeOf('to', dayEndMs);
	if (toMs instanceof Response) return toMs;
	if (toMs <= fromMs) return badRequest('to must be after from', 'to');
	const rows = await readRows(runtime.history.store, {
		fromMs: day.ms,
		toMs: dayEndMs,
		size,
		queueIds: [queueId],
		timeZone: tz
	});
	return json({ timeZone: tz, date, queueId, size, delta, rows: whatIf(rows, { delta, fromMs, toMs }) });
};
