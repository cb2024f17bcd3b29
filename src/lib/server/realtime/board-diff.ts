import type { BoardData, BoardPatch } from '../../shared/protocol/frames';

/**
 * Remembers the last sent rows of a view (as their JSON text) and turns the next BoardData into a
 * patch of whole changed rows. Comparing serialized rows is cheap at wallboard sizes (tens of queues)
 * and catches every change without per-field bookkeeping.
 */
export class BoardDiff {
	#board = '';
	#centre = '';
	#agents = '';
	#rolling15 = '';
	#trend: unknown = null;
	#queues = new Map<string, string>();

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
		const centre = JSON.stringify(data.centre);
		if (centre !== this.#centre) {
			this.#centre = centre;
			patch.centre = data.centre;
			changed = true;
		}
		const agents = JSON.stringify(data.agents);
		if (agents !== this.#agents) {
			this.#agents = agents;
			patch.agents = data.agents;
			changed = true;
		}
		if (data.rolling15) {
			const rolling15 = JSON.stringify(data.rolling15);
			if (rolling15 !== this.#rolling15) {
				this.#rolling15 = rolling15;
				patch.rolling15 = data.rolling15;
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
		const rows = [];
		for (const row of data.queues) {
			const key = row.queueId ?? '';
			seen.add(key);
			const text = JSON.stringify(row);
			if (this.#queues.get(key) !== text) {
				this.#queues.set(key, text);
				rows.push(row);
			}
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
