import type { QueueFigures } from '$lib/shared/metrics/figures';

/** Rows that stay legible from across the room on one screen; more rotate through pages. */
export const QUEUE_ROWS_PER_PAGE = 10;
/** How long each page of queue rows stays up before the next. */
export const QUEUE_PAGE_MS = 12_000;

/**
 * The board's queues in its configured order; queues outside that order (unconfigured ones seen only
 * in events, or every queue on an "all queues" board) follow, sorted by id so rows do not jump around.
 */
export function orderQueues(queues: readonly QueueFigures[], queueIds: readonly string[]): QueueFigures[] {
	const position = new Map(queueIds.map((id, i) => [id, i]));
	const rank = (q: QueueFigures) => position.get(q.queueId ?? '') ?? Number.MAX_SAFE_INTEGER;
	return [...queues].sort((a, b) => rank(a) - rank(b) || (a.queueId ?? '').localeCompare(b.queueId ?? ''));
}

export function pageCount(rows: number, perPage = QUEUE_ROWS_PER_PAGE): number {
	return Math.max(1, Math.ceil(rows / perPage));
}

/** The page shown at `tick` (any counter that advances once per page interval). */
export function pageAt<T>(rows: readonly T[], tick: number, perPage = QUEUE_ROWS_PER_PAGE) {
	const pages = pageCount(rows.length, perPage);
	const page = ((Math.floor(tick) % pages) + pages) % pages;
	return { page, pages, rows: rows.slice(page * perPage, (page + 1) * perPage) };
}
