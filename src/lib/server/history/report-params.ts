import { badRequest } from '../http/api-auth';
import type { IntervalSize, RowScope } from './interval-row';
import { nextLocalDayStartMs, parseLocalInstant } from './local-time';

/** The longest range one request may read: a quarter of 15-min rows for every queue is still quick. */
export const MAX_RANGE_DAYS = 93;
const DAY_MS = 86_400_000;

export interface RangeParams {
	fromMs: number;
	toMs: number;
	size: IntervalSize;
	queueIds: string[] | undefined;
	scopes: RowScope[] | undefined;
}

export interface IntervalParams extends RangeParams {
	format: 'json' | 'csv';
}

/** `size=15|30`, default 30 (the managers' half-hour). */
export function parseSize(url: URL): IntervalSize | Response {
	const text = url.searchParams.get('size') ?? '30';
	if (text === '15' || text === '30') return Number(text) as IntervalSize;
	return badRequest(`size must be 15 or 30 (minutes), got ${JSON.stringify(text)}`, 'size');
}

/**
 * `from` (required) and `to` in the centre's zone. A date means its local midnight; `to` as a date is
 * inclusive (the whole day), as a date-time exclusive. Without `to`: the day of `from`, or one day on
 * from a date-time.
 */
export function parseRange(url: URL, timeZone: string): { fromMs: number; toMs: number } | Response {
	const fromText = url.searchParams.get('from');
	if (!fromText) return badRequest('from is required: an ISO date such as 2026-03-01 or a date-time', 'from');
	const from = parseLocalInstant(fromText, timeZone);
	if (!from.ok) return badRequest(`from ${from.message}`, 'from');
	const toText = url.searchParams.get('to');
	let toMs: number;
	if (toText) {
		const to = parseLocalInstant(toText, timeZone);
		if (!to.ok) return badRequest(`to ${to.message}`, 'to');
		toMs = to.dateOnly ? nextLocalDayStartMs(to.ms, timeZone) : to.ms;
	} else {
		toMs = from.dateOnly ? nextLocalDayStartMs(from.ms, timeZone) : from.ms + DAY_MS;
	}
	if (toMs <= from.ms) return badRequest('to must be after from', 'to');
	if (toMs - from.ms > MAX_RANGE_DAYS * DAY_MS + 2 * 3_600_000) {
		return badRequest(`a range is at most ${MAX_RANGE_DAYS} days; ask for it in parts`, 'to');
	}
	return { fromMs: from.ms, toMs };
}

const SCOPES: readonly RowScope[] = ['queue', 'channel', 'centre'];

export function parseIntervalParams(url: URL, timeZone: string): IntervalParams | Response {
	const range = parseRange(url, timeZone);
	if (range instanceof Response) return range;
	const size = parseSize(url);
	if (size instanceof Response) return size;
	const format = url.searchParams.get('format') ?? 'json';
	if (format !== 'json' && format !== 'csv') {
		return badRequest(`format must be json or csv, got ${JSON.stringify(format)}`, 'format');
	}
	const queueText = url.searchParams.get('queue');
	const queueIds = queueText
		? queueText
				.split(',')
				.map((q) => q.trim())
				.filter(Boolean)
		: undefined;
	// Not checked against today's set-up: history may hold queues since retired or seen only in imports.
	if (queueIds?.some((q) => q.length > 64) || (queueIds?.length ?? 0) > 500) {
		return badRequest(
			'queue is a comma-separated list of up to 500 queue ids of at most 64 characters',
			'queue'
		);
	}
	const scopeText = url.searchParams.get('scope');
	const scopes = scopeText ? scopeText.split(',').map((s) => s.trim()) : undefined;
	const badScope = scopes?.find((s) => !(SCOPES as readonly string[]).includes(s));
	if (badScope !== undefined) {
		return badRequest(
			`scope must be a list of queue, channel, centre; got ${JSON.stringify(badScope)}`,
			'scope'
		);
	}
	return { ...range, size, format, queueIds, scopes: scopes as RowScope[] | undefined };
}
