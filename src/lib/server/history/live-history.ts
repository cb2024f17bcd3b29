import type { Floor } from '../live/floor';
import type { Logger } from '../util/logger';
import type { IntervalRow } from './interval-row';
import { IntervalRecorder } from './recorder';
import type { HistoryStore } from './store';

export interface LiveHistoryOptions {
	floor: Floor;
	store: HistoryStore;
	logger: Logger;
	shrinkage: number;
	/** How often closed rows are written and the open interval refreshed. */
	flushEveryMs?: number;
	/**
	 * A floor that started from nothing does not know the agents and contacts already there; its first
	 * intervals are partial. Intervals starting within this of the first event are only written where no
	 * row exists yet (`fill`), so a fresh replica never overwrites a complete row with a partial one.
	 */
	warmUpMs?: number;
}

export const DEFAULT_FLUSH_EVERY_MS = 5_000;
export const DEFAULT_WARM_UP_MS = 3_600_000;
/** A quiet floor's interval is closed by the clock this long after its end, so late events still land. */
const CLOCK_CLOSE_GRACE_MS = 5_000;

/**
 * The live floor's interval history: the recorder in the ingest path, its rows flushed to the store on a
 * timer. Rows depend on event time only, so every replica writes the same closed rows (whole-row HSET:
 * writing twice is writing once) and a restart that replays the log writes them again unchanged.
 */
export class LiveHistory {
	readonly recorder: IntervalRecorder;
	readonly #o: LiveHistoryOptions;
	#timer: ReturnType<typeof setInterval> | null = null;
	#flushing: Promise<void> | null = null;
	#firstEventMs = Number.NaN;
	rowsWritten = 0;
	lastError: string | null = null;

	constructor(options: LiveHistoryOptions) {
		this.#o = options;
		this.recorder = new IntervalRecorder(options.floor, { shrinkage: options.shrinkage });
	}

	/** Call right before each applyEvent on the live floor. */
	beforeEvent(ts: number): void {
		if (Number.isNaN(this.#firstEventMs)) this.#firstEventMs = ts;
		this.recorder.beforeEvent(ts);
	}

	/**
	 * `caughtUp` says the ingest has replayed what it missed: only then may the clock close a quiet
	 * interval, or the replay's own events would all arrive "late".
	 */
	start(clock: () => number, caughtUp: () => boolean): void {
		this.#timer = setInterval(() => {
			void this.flush(clock(), caughtUp());
		}, this.#o.flushEveryMs ?? DEFAULT_FLUSH_EVERY_MS);
		this.#timer.unref?.();
	}

	/** Writes what closed since the last flush and the open interval as of `nowMs`. */
	flush(nowMs: number, caughtUp: boolean): Promise<void> {
		// One flush at a time: overlapping pipelines could land an older open row after a newer one.
		this.#flushing ??= this.#flushOnce(nowMs, caughtUp).finally(() => (this.#flushing = null));
		return this.#flushing;
	}

	async stop(): Promise<void> {
		if (this.#timer) clearInterval(this.#timer);
		this.#timer = null;
		await this.#flushing;
	}

	async #flushOnce(nowMs: number, caughtUp: boolean): Promise<void> {
		if (caughtUp) this.recorder.advanceTo(nowMs - CLOCK_CLOSE_GRACE_MS);
		const closed = this.recorder.drain();
		const open =
			caughtUp && this.recorder.reachedMs > Number.NEGATIVE_INFINITY ? this.recorder.openRows(nowMs) : [];
		const trustedFromMs = this.#firstEventMs + (this.#o.warmUpMs ?? DEFAULT_WARM_UP_MS);
		const trusted = (row: IntervalRow) => row.startMs >= trustedFromMs;
		try {
			await this.#o.store.write(closed.filter(trusted), 'replace');
			await this.#o.store.write(
				closed.filter((row) => !trusted(row)),
				'fill'
			);
			await this.#o.store.write(open.filter(trusted), 'replace');
			this.rowsWritten += closed.length;
			this.lastError = null;
		} catch (err) {
			// Rows are rebuilt from the log on the next start; the live floor must not stop for Redis.
			this.lastError = String(err);
			this.#o.logger.warn('interval history not written', { error: this.lastError, rows: closed.length });
		}
	}
}
