import type { FormulaCard } from '$lib/shared/metrics/cards/types';

/**
 * Fetching a tile's formula card from the board's own endpoint (`/wall/<board>/formula/<figure>`), which
 * needs no API token: the page that shows the tile may explain it.
 */
/** What a tile asks to explain: a figure of the board's roll-up, or of one of its queues. */
export interface CardRequest {
	figure: string;
	queueId: string | null;
	/** A window other than the board's day, e.g. `rolling15` for the 15-min answer-rate tile. */
	window?: string;
}

export type CardLoad = { ok: true; card: FormulaCard } | { ok: false; message: string };

export function formulaCardPath(
	boardId: string,
	figure: string,
	queueId: string | null = null,
	window?: string
): string {
	const path = `/wall/${encodeURIComponent(boardId)}/formula/${encodeURIComponent(figure)}`;
	const query = new URLSearchParams();
	if (queueId) query.set('queue', queueId);
	if (window) query.set('window', window);
	const text = query.toString();
	return text ? `${path}?${text}` : path;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Enough of a card to render it; a card of another shape is an error, not a half-drawn dialog. */
export function isFormulaCard(v: unknown): v is FormulaCard {
	return (
		isObj(v) &&
		typeof v.id === 'string' &&
		isObj(v.name) &&
		isObj(v.formula) &&
		isObj(v.window) &&
		isObj(v.scope) &&
		(v.value === null || typeof v.value === 'number') &&
		Array.isArray(v.breakdown)
	);
}

export async function loadFormulaCard(path: string, fetcher: typeof fetch = fetch): Promise<CardLoad> {
	try {
		const res = await fetcher(path, { headers: { accept: 'application/json' } });
		const body: unknown = await res.json();
		if (!res.ok) {
			const message = isObj(body) && typeof body.message === 'string' ? body.message : `HTTP ${res.status}`;
			return { ok: false, message };
		}
		return isFormulaCard(body) ? { ok: true, card: body } : { ok: false, message: 'unexpected answer' };
	} catch (err) {
		return { ok: false, message: err instanceof Error ? err.message : String(err) };
	}
}
