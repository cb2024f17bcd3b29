import type { QueueFigures } from '../../shared/metrics/figures';
import type { BoardData, BoardPatch } from '../../shared/protocol/frames';

/** A row as last sent: its figures and its colouring (targets and bands), each as JSON text. */
interface SentRow {
	figures: string;
	colouring: string;
}

/**
 * A row split for the wire: the figures change with nearly every event, the colouring (targets and
 * bands, about half a row's bytes) only when someone edits the settings. A row whose colouring is as
 * last sent goes out without it, and the client keeps the colouring it holds (docs/api.md "Patches").
 */
function splitRow(row: QueueFigures): { figures: QueueFigures; colouring: string; text: string } {
	if (!('targets' in row) && !('bands' in row)) {
		const text = JSON.stringify(row);
		return { figures: row, colouring: '', text };
	}
	const { targets, bands, ...figures } = row as QueueFigures & { targets?: unknown; bands?: unknown };
	return {
		figures: figures as QueueFigures,
		colouring: JSON.stringify([targets, bands]),
		text: JSON.stringify(figures)
	};
}

/** The row to send, or null when neither its figures nor its colouring changed since `sent`. */
function diffRow(
	sent: SentRow | undefined,
	row: QueueFigures,
	record: (next: SentRow) => void
): QueueFigures | null {
	const split = splitRow(row);
	if (sent && sent.figures === split.text && sent.colouring === split.colouring) return null;
	record({ figures: split.text, colouring: split.colouring });
	// A colouring change sends the whole row; a figures-only change leaves the colouring out.
	return sent && sent.colouring === split.colouring ? split.figures : row;
}

/**
 * Remembers the last sent rows of a view (as their JSON text) and turns the next BoardData into a
 * patch of the rows that changed. Comparing serialized rows is cheap at wallboard sizes (tens of
 * queues) and catches every change without per-field bookkeeping.
 */
export class BoardDiff {
	#board = '';
	#agents = '';
	#centre: SentRow | undefined;
	#rolling15: SentRow | undefined;
	#trend: unknown = null;
	#queues = new Map<string, SentRow>();

	/** Returns the patch from the previous data, or null if nothing changed. Records `data` as sent. */
	next(data: BoardData): BoardPatch | null {
		const patch: BoardPatch = {};
		let changed = false;
		const board = JSON.stringify(data.board);
		if (board !== this.#board) {
			this.#board = board;
			patch.board = data.board;
			changed = true;
		}
		const centre = diffRow(this.#centre, data.centre, (next) => (this.#centre = next));
		if (centre) {
			patch.centre = centre;
			changed = true;
		}
		const agents = JSON.stringify(data.agents);
		if (agents !== this.#agents) {
			this.#agents = agents;
			patch.agents = data.agents;
			changed = true;
		}
		if (data.rolling15) {
			const rolling15 = diffRow(this.#rolling15, data.rolling15, (next) => (this.#rolling15 = next));
			if (rolling15) {
				patch.rolling15 = rolling15;
				changed = true;
			}
		}
		// The series' points array is replaced only when a point changes (foldSample), so identity is
		// enough here and the ~3 KB series is not serialized four times a second to find it unchanged.
		if (data.trend && data.trend.points !== this.#trend) {
			this.#trend = data.trend.points;
			patch.trend = data.trend;
			changed = true;
		}
		const seen = new Set<string>();
		const rows: QueueFigures[] = [];
		for (const row of data.queues) {
			const key = row.queueId ?? '';
			seen.add(key);
			const out = diffRow(this.#queues.get(key), row, (next) => this.#queues.set(key, next));
			if (out) rows.push(out);
		}
		if (rows.length) {
			patch.queues = rows;
			changed = true;
		}
		const removed = [...this.#queues.keys()].filter((key) => !seen.has(key));
		if (removed.length) {
			for (const key of removed) this.#queues.delete(key);
			patch.removedQueueIds = removed;
			changed = true;
		}
		return changed ? patch : null;
	}
}
