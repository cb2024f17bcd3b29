/**
 * Local days in the centre's configured IANA time zone (never the server's or the browser's), using
 * only Intl, so the `day` window resets at the centre's midnight wherever the process runs.
 */

export interface DayRange {
	/** First instant of the local day, epoch ms. */
	startMs: number;
	/** First instant of the next local day, epoch ms. */
	endMs: number;
}

const HOUR_MS = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let f = formatters.get(timeZone);
	if (!f) {
		// en-US with h23 gives plain numeric parts; hourCycle avoids the "24" some engines print at midnight.
		f = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric'
		});
		formatters.set(timeZone, f);
	}
	return f;
}

/** Throws a RangeError for a zone Intl does not know; call once at set-up, not per event. */
export function assertTimeZone(timeZone: string): void {
	formatterFor(timeZone);
}

interface WallClock {
	year: number;
	month: number;
	day: number;
	/** The wall-clock reading as if it were UTC, epoch ms (whole seconds). */
	asUtcMs: number;
}

function wallClock(ms: number, timeZone: string): WallClock {
	const parts = formatterFor(timeZone).formatToParts(new Date(ms));
	const get = (type: Intl.DateTimeFormatPartTypes): number =>
		Number(parts.find((p) => p.type === type)?.value ?? 0);
	const year = get('year');
	const month = get('month');
	const day = get('day');
	const asUtcMs = Date.UTC(year, month - 1, day, get('hour') % 24, get('minute'), get('second'));
	return { year, month, day, asUtcMs };
}

/** The last offsets read, per zone and whole second: a tick resolves a dozen windows at one instant. */
const lastOffsets = new Map<string, { secondMs: number; offsetMs: number }>();

/** Local time minus UTC at instant `ms`, in ms (+8 h for Asia/Shanghai). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
	const wholeSecondMs = ms - (((ms % 1000) + 1000) % 1000);
	const last = lastOffsets.get(timeZone);
	if (last && last.secondMs === wholeSecondMs) return last.offsetMs;
	const offsetMs = wallClock(wholeSecondMs, timeZone).asUtcMs - wholeSecondMs;
	lastOffsets.set(timeZone, { secondMs: wholeSecondMs, offsetMs });
	return offsetMs;
}

/**
 * Start of the local day that contains `ms`. Where a DST change skips local midnight (clocks jump
 * 00:00 → 01:00), the day starts at the jump, the first instant whose local date is that day.
 */
export function localDayStartMs(ms: number, timeZone: string): number {
	const local = wallClock(ms, timeZone);
	const midnightAsUtcMs = Date.UTC(local.year, local.month - 1, local.day);
	// The offset that holds at midnight is either the offset before or after a nearby transition;
	// trying both and keeping the earliest candidate on the right date covers gaps and overlaps.
	let best = Number.POSITIVE_INFINITY;
	for (const probeMs of [midnightAsUtcMs - 12 * HOUR_MS, midnightAsUtcMs, midnightAsUtcMs + 12 * HOUR_MS]) {
		const candidate = midnightAsUtcMs - zoneOffsetMs(probeMs, timeZone);
		const onDate = wallClock(candidate, timeZone);
		if (onDate.year === local.year && onDate.month === local.month && onDate.day === local.day) {
			best = Math.min(best, candidate);
		}
	}
	if (Number.isFinite(best) && best <= ms) return best;
	// Only an exotic zone reaches here; a UTC-offset day is still a sane, deterministic answer.
	return midnightAsUtcMs - zoneOffsetMs(ms, timeZone);
}

/** The local day containing `ms`. A day is 23 to 25 hours, so +26 h from its start lands in the next one. */
export function localDayOf(ms: number, timeZone: string): DayRange {
	const startMs = localDayStartMs(ms, timeZone);
	const endMs = localDayStartMs(startMs + 26 * HOUR_MS, timeZone);
	return { startMs, endMs };
}

/**
 * Memoises the last few days looked up: almost every event and query falls in today (or, around
 * midnight and during a replay, yesterday), so Intl runs a few times a day, not per event.
 */
export class DayClock {
	readonly timeZone: string;
	readonly #recent: DayRange[] = [];

	constructor(timeZone: string) {
		assertTimeZone(timeZone);
		this.timeZone = timeZone;
	}

	dayOf(ms: number): DayRange {
		for (const range of this.#recent) {
			if (ms >= range.startMs && ms < range.endMs) return range;
		}
		const range = localDayOf(ms, this.timeZone);
		this.#recent.unshift(range);
		if (this.#recent.length > 4) this.#recent.pop();
		return range;
	}
}
