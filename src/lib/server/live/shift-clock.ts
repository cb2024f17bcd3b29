import type { LocalizedName, ShiftSetup } from '../../shared/centre/setup';
import { DayClock, zoneOffsetMs, type DayRange } from './day-window';

/** One occurrence of a configured shift: its local start on some day and its end (next day when it crosses midnight). */
export interface ShiftOccurrence {
	shiftId: string;
	name: LocalizedName;
	/** Set-up times, HH:MM local. */
	start: string;
	end: string;
	startMs: number;
	endMs: number;
}

const DAY_MS = 86_400_000;
const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * The instant the local clock reads `minutes` after midnight on the day starting at `dayStartMs`.
 * The offset is read at the guess, so a DST change earlier that day moves the instant with the clock.
 */
function localInstant(dayStartMs: number, minutes: number, timeZone: string): number {
	const guess = dayStartMs + minutes * 60_000;
	return guess - (zoneOffsetMs(guess, timeZone) - zoneOffsetMs(dayStartMs, timeZone));
}

/**
 * Shifts of the centre set-up on the local clock. Shifts may overlap (staggered shifts are the norm)
 * and may cross midnight. Two questions are answered:
 * - which shift is current at an instant: among the shifts running then, the one that started last
 *   (or a named one, when asked), and since when;
 * - which segment an instant is in, segments being the spans between consecutive shift starts of any
 *   shift. Counts are kept per segment, and every "since the start of a shift" window is a run of
 *   whole segments, so one set of accumulators serves all shifts, overlapping or not.
 */
export class ShiftClock {
	readonly timeZone: string;
	readonly shifts: readonly ShiftSetup[];
	readonly #starts: number[];
	#segment: DayRange | null = null;
	readonly #dayOccurrences = new Map<number, ShiftOccurrence[]>();
	/** Local days, memoised: every `shift` window a tick resolves asks for today and yesterday. */
	readonly #days: DayClock;

	constructor(shifts: readonly ShiftSetup[], timeZone: string) {
		this.shifts = shifts;
		this.timeZone = timeZone;
		this.#days = new DayClock(timeZone);
		this.#starts = [...new Set(shifts.map((s) => minutesOf(s.start)))].sort((a, b) => a - b);
	}

	get configured(): boolean {
		return this.shifts.length > 0;
	}

	/** Occurrences of every shift starting on the local day that starts at `dayStartMs`. */
	#occurrencesOn(dayStartMs: number): ShiftOccurrence[] {
		let list = this.#dayOccurrences.get(dayStartMs);
		if (!list) {
			const nextDayStartMs = this.#days.dayOf(dayStartMs + 26 * 3_600_000).startMs;
			list = this.shifts.map((s) => {
				const startMin = minutesOf(s.start);
				const endMin = minutesOf(s.end);
				const startMs = localInstant(dayStartMs, startMin, this.timeZone);
				const endMs =
					endMin > startMin
						? localInstant(dayStartMs, endMin, this.timeZone)
						: localInstant(nextDayStartMs, endMin, this.timeZone);
				return { shiftId: s.shiftId, name: s.name, start: s.start, end: s.end, startMs, endMs };
			});
			// A handful of days are looked at around any instant; forget the rest.
			if (this.#dayOccurrences.size > 8) this.#dayOccurrences.clear();
			this.#dayOccurrences.set(dayStartMs, list);
		}
		return list;
	}

	/** Local day starts of the day of `ms` and `before` days before it. */
	#daysAround(ms: number, before: number, after: number): number[] {
		const days: number[] = [];
		for (let d = -before; d <= after; d++) days.push(this.#days.dayOf(ms + d * DAY_MS).startMs);
		return [...new Set(days)];
	}

	/**
	 * The current shift at `ms`: the running one (start ≤ ms < end) that started last, ties going to
	 * set-up order; with `shiftId`, that shift if it is running. Null when none is.
	 */
	current(ms: number, shiftId?: string): ShiftOccurrence | null {
		let best: ShiftOccurrence | null = null;
		for (const dayStartMs of this.#daysAround(ms, 1, 0)) {
			for (const occ of this.#occurrencesOn(dayStartMs)) {
				if (shiftId !== undefined && occ.shiftId !== shiftId) continue;
				if (occ.startMs <= ms && ms < occ.endMs && (!best || occ.startMs > best.startMs)) best = occ;
			}
		}
		return best;
	}

	/** The segment (between consecutive shift starts) containing `ms`; memoised, since almost every event hits the last one. */
	segmentOf(ms: number): DayRange {
		const cached = this.#segment;
		if (cached && ms >= cached.startMs && ms < cached.endMs) return cached;
		const starts: number[] = [];
		for (const dayStartMs of this.#daysAround(ms, 1, 1)) {
			for (const minutes of this.#starts) starts.push(localInstant(dayStartMs, minutes, this.timeZone));
		}
		starts.sort((a, b) => a - b);
		let startMs = Number.NEGATIVE_INFINITY;
		let endMs = Number.POSITIVE_INFINITY;
		for (const s of starts) {
			if (s <= ms) startMs = s;
			else if (s < endMs) endMs = s;
		}
		const segment = { startMs, endMs };
		this.#segment = segment;
		return segment;
	}
}
