import { rowField, type IntervalRow, type IntervalSize, type RowScope } from './interval-row';
import { intervalStartMs } from './local-time';
import type { HistoryStore } from './store';

export interface RowQuery {
	fromMs: number;
	/** Exclusive. */
	toMs: number;
	size: IntervalSize;
	/** Only these queues' rows (and no roll-ups); all rows when absent. */
	queueIds?: readonly string[];
	scopes?: readonly RowScope[];
	timeZone: string;
}

/** Starts of the intervals of `size` overlapping [fromMs, toMs) on the centre's local clock. */
export function intervalStarts(fromMs: number, toMs: number, size: IntervalSize, timeZone: string): number[] {
	const starts: number[] = [];
	for (let ms = intervalStartMs(fromMs, size, timeZone); ms < toMs; ms += size * 60_000) starts.push(ms);
	return starts;
}

const SCOPE_ORDER: Record<RowScope, number> = { queue: 0, channel: 1, centre: 2 };

/** Stored rows of the range, by start, then queues, channels, the centre. */
export async function readRows(store: HistoryStore, query: RowQuery): Promise<IntervalRow[]> {
	const fields = query.queueIds?.map((queueId) => rowField({ scope: 'queue', queueId, channel: null }));
	const rows = await store.read(
		query.size,
		intervalStarts(query.fromMs, query.toMs, query.size, query.timeZone),
		fields
	);
	const queues = query.queueIds ? new Set(query.queueIds) : null;
	const scopes = query.scopes ? new Set(query.scopes) : null;
	return rows
		.filter(
			(row) =>
				(!queues || (row.scope === 'queue' && queues.has(row.queueId!))) && (!scopes || scopes.has(row.scope))
		)
		.sort(
			(a, b) =>
				a.startMs - b.startMs ||
				SCOPE_ORDER[a.scope] - SCOPE_ORDER[b.scope] ||
				(a.queueId ?? a.channel ?? '').localeCompare(b.queueId ?? b.channel ?? '')
		);
}
