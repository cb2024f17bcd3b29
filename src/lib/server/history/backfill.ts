import type { CentreSetup } from '../../shared/centre/setup';
import { createSimulation } from '../../sim/simulation';
import { createFold } from './fold';
import { intervalStartMs } from './local-time';
import type { HistoryStore } from './store';

export interface BackfillOptions {
	setup: CentreSetup;
	agents: number;
	seed: number;
	source: string;
	timeZone: string;
	days: number;
	/** The history ends here (default: the start of the current 30-min interval, so no row is partial). */
	endMs?: number;
	store: HistoryStore;
	shrinkage: number;
	onProgress?: (progress: { simulatedMs: number; events: number }) => void;
}

/** Simulated time advanced per step: small enough to keep memory flat, large enough to be cheap. */
const STEP_MS = 10 * 60_000;

/**
 * Days of simulated traffic folded straight into the history: the simulator's events go through the
 * same reducer and recorder as live ones, on a floor of their own, without Redis pub/sub in between —
 * two weeks take seconds, not two weeks.
 */
export async function backfillSimulated(options: BackfillOptions): Promise<{ rows: number; events: number }> {
	const endMs = options.endMs ?? intervalStartMs(Date.now(), 30, options.timeZone);
	const startMs = endMs - options.days * 86_400_000;
	const simulation = createSimulation({
		setup: options.setup,
		agents: options.agents,
		seed: options.seed,
		source: options.source,
		startMs,
		timeZone: options.timeZone
	});
	const fold = createFold(options);
	let events = 0;
	for (let t = startMs; t < endMs;) {
		t = Math.min(endMs, t + STEP_MS);
		// The simulator's clock may sit on a boundary; an event at endMs belongs to the next interval.
		const batch = simulation.advance(t - 1);
		events += batch.length;
		await fold.add(batch);
		options.onProgress?.({ simulatedMs: t - startMs, events });
	}
	return fold.finish(endMs);
}
