/** Query strings the report's controls link to: the current report with some fields changed. */

export type QueryFields = Record<string, string | number | null | undefined>;

/** The current query with `changes` applied; a null or empty change drops the field. */
export function withQuery(search: URLSearchParams, changes: QueryFields): string {
	const next = new URLSearchParams(search);
	for (const [name, value] of Object.entries(changes)) {
		if (value === null || value === undefined || value === '') next.delete(name);
		else next.set(name, String(value));
	}
	return next.toString();
}

/** `2026-03-09` → `2026-03-02`: the same weekday a week before ("this Monday vs last Monday"). */
export function weekBefore(date: string): string {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	return new Date(Date.UTC(y, m - 1, d - 7)).toISOString().slice(0, 10);
}

/** The day before, for the "previous day" step. */
export function dayBefore(date: string): string {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}
