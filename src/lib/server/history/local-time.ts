import { zoneOffsetMs } from '../live/floor';

/**
 * Instants in the centre's zone, to and from text: report URLs name local dates and times, and rows
 * carry ISO 8601 with the zone's offset, so a reader in another zone still sees the centre's clock.
 */

const MINUTE_MS = 60_000;

/** Start of the clock-aligned interval of `minutes` containing `ms`, aligned on the centre's local clock. */
export function intervalStartMs(ms: number, minutes: number, timeZone: string): number {
	const lengthMs = minutes * MINUTE_MS;
	const local = ms + zoneOffsetMs(ms, timeZone);
	return ms - (((local % lengthMs) + lengthMs) % lengthMs);
}

function pad(n: number, width = 2): string {
	return String(Math.abs(n)).padStart(width, '0');
}

/** `2026-03-29T02:00:00+02:00`: the local wall clock at `ms` with the offset in force then. */
export function isoInZone(ms: number, timeZone: string): string {
	const offsetMs = zoneOffsetMs(ms, timeZone);
	const local = new Date(ms + offsetMs);
	const offsetMin = Math.round(offsetMs / MINUTE_MS);
	const sign = offsetMin < 0 ? '-' : '+';
	return (
		`${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
		`T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
		`${sign}${pad(Math.floor(Math.abs(offsetMin) / 60))}:${pad(Math.abs(offsetMin) % 60)}`
	);
}

/** `2026-03-29`: the local date at `ms`. */
export function localDateOf(ms: number, timeZone: string): string {
	return isoInZone(ms, timeZone).slice(0, 10);
}

/**
 * The instant a local wall-clock reading names. In a DST gap (02:30 on a spring-forward night) there is
 * none: the reading after the jump is used. In an overlap (02:30 twice in autumn) the earlier is taken.
 */
export function localToEpochMs(
	wall: { year: number; month: number; day: number; hour: number; minute: number; second: number },
	timeZone: string
): number {
	const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
	const candidates = new Set<number>();
	for (const probe of [asUtc - 14 * 3_600_000, asUtc, asUtc + 14 * 3_600_000]) {
		candidates.add(asUtc - zoneOffsetMs(probe, timeZone));
	}
	const exact = [...candidates]
		.filter((ms) => ms + zoneOffsetMs(ms, timeZone) === asUtc)
		.sort((a, b) => a - b);
	if (exact.length) return exact[0]!;
	// A gap: the offset before the jump maps the reading past it, which is where the clock resumes.
	return Math.max(...candidates);
}

export type LocalInstant = { ok: true; ms: number; dateOnly: boolean } | { ok: false; message: string };

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * Parses `2026-03-01` (local midnight), `2026-03-01T08:30[:00]` (local) or the same with `Z` or an
 * offset (taken as given). Anything else, or an impossible date, is an error saying what is accepted.
 */
export function parseLocalInstant(text: string, timeZone: string): LocalInstant {
	const m = LOCAL_PATTERN.exec(text.trim());
	const expected = 'an ISO date (2026-03-01) or date-time (2026-03-01T08:30, optionally with Z or +08:00)';
	if (!m) return { ok: false, message: `must be ${expected}` };
	const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((v) =>
		v === undefined ? 0 : Number(v)
	) as [number, number, number, number, number, number];
	const probe = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
	if (
		probe.getUTCMonth() !== month - 1 ||
		probe.getUTCDate() !== day ||
		hour > 23 ||
		minute > 59 ||
		second > 59
	) {
		return { ok: false, message: `${text} is not a real date or time; must be ${expected}` };
	}
	const zone = m[7];
	if (zone !== undefined) {
		const ms = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${zone}`);
		return { ok: true, ms, dateOnly: false };
	}
	return {
		ok: true,
		ms: localToEpochMs({ year, month, day, hour, minute, second }, timeZone),
		dateOnly: m[4] === undefined
	};
}

/** Start of the next local day after the one starting at (or containing) `ms`. */
export function nextLocalDayStartMs(ms: number, timeZone: string): number {
	const date = localDateOf(ms, timeZone);
	const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
	const next = new Date(Date.UTC(y, mo - 1, d + 1));
	return localToEpochMs(
		{
			year: next.getUTCFullYear(),
			month: next.getUTCMonth() + 1,
			day: next.getUTCDate(),
			hour: 0,
			minute: 0,
			second: 0
		},
		timeZone
	);
}
