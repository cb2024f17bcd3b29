import {
	foldSample,
	TREND_STEP_MS,
	type TrendPoint,
	type TrendSample,
	type TrendSeries
} from '../../shared/boards/trend';

const NO_POINTS: TrendSeries['points'] = [];

/**
 * Each board's last two hours, one point a minute, kept in memory. Every replica samples the same
 * deterministic floor, so replicas agree without storing the series; after a restart it fills up again.
 */
export class TrendRecorder {
	readonly #series = new Map<string, TrendPoint[]>();

	observe(boardId: string, nowMs: number, sample: TrendSample): void {
		this.#series.set(boardId, foldSample(this.#series.get(boardId) ?? [], nowMs, sample));
	}

	series(boardId: string): TrendSeries {
		// One empty array for every unsampled board: the hub finds a changed series by identity.
		return { stepMs: TREND_STEP_MS, points: this.#series.get(boardId) ?? NO_POINTS };
	}

	/** Drops boards no longer defined, so a deleted or renamed board's series does not linger. */
	retain(boardIds: ReadonlySet<string>): void {
		for (const id of this.#series.keys()) if (!boardIds.has(id)) this.#series.delete(id);
	}
}
