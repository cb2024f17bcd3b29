import { parseEvent, type CcEvent } from '../../shared/contract';

export interface ImportProblem {
	/** 1-based line number in the file. */
	line: number;
	message: string;
}

export interface ParsedImport {
	/** Valid events, one per id (the first wins), sorted by ts (stable: same-ts events keep file order). */
	events: CcEvent[];
	problems: ImportProblem[];
	duplicates: number;
	lines: number;
}

/** A line past this is refused outright: one event is a few hundred bytes, a snapshot a few megabytes. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

/**
 * Reads an NDJSON file of contract events: one event (or a JSON array of events) per line, blank lines
 * ignored. A malformed line is reported with its number and skipped; the rest is kept. Ids repeated in
 * the file count once, as the live ingest applies a repeated id once.
 */
export function parseNdjson(text: string): ParsedImport {
	const byId = new Map<string, { event: CcEvent; order: number }>();
	const problems: ImportProblem[] = [];
	let duplicates = 0;
	const lines = text.split(/\r?\n/);
	// A BOM from a Windows editor is not part of the first event.
	if (lines[0]?.startsWith('\uFEFF')) lines[0] = lines[0].slice(1);
	lines.forEach((raw, index) => {
		const line = index + 1;
		if (raw.trim() === '') return;
		if (raw.length > MAX_LINE_BYTES) {
			problems.push({ line, message: `line longer than ${MAX_LINE_BYTES} bytes` });
			return;
		}
		let value: unknown;
		try {
			value = JSON.parse(raw);
		} catch (err) {
			problems.push({ line, message: `not JSON: ${(err as Error).message}` });
			return;
		}
		for (const item of Array.isArray(value) ? value : [value]) {
			const parsed = parseEvent(item);
			if (!parsed.ok) {
				problems.push({ line, message: parsed.rejection.detail });
				continue;
			}
			if (byId.has(parsed.event.id)) {
				duplicates++;
				continue;
			}
			byId.set(parsed.event.id, { event: parsed.event, order: byId.size });
		}
	});
	const events = [...byId.values()]
		.sort((a, b) => a.event.ts - b.event.ts || a.order - b.order)
		.map((entry) => entry.event);
	return { events, problems, duplicates, lines: lines.length };
}
