import type { CentreSetup } from '../../shared/centre/setup';
import { createFold } from './fold';
import { parseNdjson, type ImportProblem } from './ndjson-import';
import type { HistoryStore } from './store';

export interface ImportResult {
	events: number;
	duplicates: number;
	rows: number;
	/** First and last event time imported, epoch ms; null when nothing was. */
	fromMs: number | null;
	toMs: number | null;
	/** Malformed lines, skipped; capped at `MAX_PROBLEMS_REPORTED` (`problemCount` has them all). */
	problems: ImportProblem[];
	problemCount: number;
}

export const MAX_PROBLEMS_REPORTED = 1_000;

/**
 * Folds an NDJSON file of contract events into the interval history: sorted by time, deduplicated by id,
 * through a floor of its own (the live floor never sees them). Each interval the file covers is written
 * whole, so importing the same file again writes the same rows: nothing changes.
 */
export async function importEvents(
	text: string,
	options: { setup: CentreSetup; timeZone: string; shrinkage: number; store: HistoryStore }
): Promise<ImportResult> {
	const parsed = parseNdjson(text);
	const fold = createFold(options);
	const chunk = 10_000;
	for (let i = 0; i < parsed.events.length; i += chunk) await fold.add(parsed.events.slice(i, i + chunk));
	const { rows } = await fold.finish();
	return {
		events: parsed.events.length,
		duplicates: parsed.duplicates,
		rows,
		fromMs: parsed.events[0]?.ts ?? null,
		toMs: parsed.events.at(-1)?.ts ?? null,
		problems: parsed.problems.slice(0, MAX_PROBLEMS_REPORTED),
		problemCount: parsed.problems.length
	};
}
