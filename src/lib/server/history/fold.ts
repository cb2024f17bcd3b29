import type { CentreSetup } from '../../shared/centre/setup';
import type { CcEvent } from '../../shared/contract';
import { applyEvent, createFloor, type Floor } from '../live/floor';
import type { IntervalRow } from './interval-row';
import { intervalStartMs } from './local-time';
import { IntervalRecorder } from './recorder';
import type { HistoryStore } from './store';

export interface FoldOptions {
	setup: CentreSetup;
	timeZone: string;
	shrinkage: number;
	store: HistoryStore;
	/** Rows are written in batches of about this many, so a fortnight never sits in memory at once. */
	batchRows?: number;
}

export interface Fold {
	readonly floor: Floor;
	readonly recorder: IntervalRecorder;
	/** Folds events (in time order) into the floor and the recorder, writing closed rows as they pile up. */
	add(events: Iterable<CcEvent>): Promise<void>;
	/** Closes the last interval(s) at `endMs` (default: the end of the one holding the last event). */
	finish(endMs?: number): Promise<{ rows: number; events: number }>;
}

/**
 * History from events outside the live stream (backfill, import): a floor of its own, so the live floor
 * is never touched, the same reducer (`applyEvent`) and the same recorder as live. Every row it writes is
 * complete for the events given, so it replaces what is stored.
 */
export function createFold(options: FoldOptions): Fold {
	const floor = createFloor(options.setup, { timeZone: options.timeZone });
	const recorder = new IntervalRecorder(floor, { shrinkage: options.shrinkage });
	const batchRows = options.batchRows ?? 5_000;
	let pending: IntervalRow[] = [];
	let rows = 0;
	let events = 0;
	const flush = async (force: boolean) => {
		pending.push(...recorder.drain());
		if (!force && pending.length < batchRows) return;
		const batch = pending;
		pending = [];
		rows += batch.length;
		await options.store.write(batch, 'replace');
	};
	return {
		floor,
		recorder,
		async add(list) {
			for (const event of list) {
				recorder.beforeEvent(event.ts);
				applyEvent(floor, event, event.ts);
				events++;
			}
			await flush(false);
		},
		async finish(endMs) {
			if (recorder.reachedMs > Number.NEGATIVE_INFINITY) {
				// 15-min intervals nest in 30-min ones, so the end of the longest holding the last event closes all.
				const longest = Math.max(...recorder.sizes);
				const closeAt =
					endMs ?? intervalStartMs(recorder.reachedMs, longest, options.timeZone) + longest * 60_000;
				recorder.advanceTo(closeAt);
			}
			await flush(true);
			return { rows, events };
		}
	};
}
