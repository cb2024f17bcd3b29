import type { LocalizedName } from '../centre/setup';
import type { Locale } from './locale';
import { t } from './messages';

/** Shown for figures with nothing to divide by (rates) or nothing measured yet (times). */
export const NO_VALUE = '—';

/** Fallback when a configured zone is unknown to this browser's Intl: the centre's default, never the TV's own. */
export const FALLBACK_TIME_ZONE = 'Asia/Shanghai';

const intlLocale = (locale: Locale): string => (locale === 'zh-CN' ? 'zh-CN' : 'en-GB');

const integerFormats = new Map<Locale, Intl.NumberFormat>();
const decimalFormats = new Map<Locale, Intl.NumberFormat>();

function integerFormat(locale: Locale): Intl.NumberFormat {
	let f = integerFormats.get(locale);
	if (!f) {
		f = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 0 });
		integerFormats.set(locale, f);
	}
	return f;
}

function decimalFormat(locale: Locale): Intl.NumberFormat {
	let f = decimalFormats.get(locale);
	if (!f) {
		f = new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: 1, maximumFractionDigits: 1 });
		decimalFormats.set(locale, f);
	}
	return f;
}

/** A count with locale grouping: 12,345. */
export function formatCount(value: number | null | undefined, locale: Locale): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
	return integerFormat(locale).format(Math.round(value));
}

/**
 * A fraction 0..1 as a percentage with one decimal: 0.9532 → "95.3 %".
 * Rounds down (after a tiny epsilon for binary fractions like 0.953), so a rate just under its target
 * (0.9496 against 0.95) never reads "95.0 %" next to a "below target" mark.
 */
export function formatPercent(fraction: number | null | undefined, locale: Locale): string {
	if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return NO_VALUE;
	const tenths = Math.floor(fraction * 1000 + 1e-6);
	return `${decimalFormat(locale).format(tenths / 10)} %`;
}

/** A target fraction without needless decimals: 0.95 → "95 %", 0.975 → "97.5 %". */
export function formatTarget(fraction: number, locale: Locale): string {
	const pct = Math.round(fraction * 1000) / 10;
	const f = Number.isInteger(pct) ? integerFormat(locale) : decimalFormat(locale);
	return `${f.format(pct)} %`;
}

/** Seconds as m:ss below an hour and h:mm:ss from an hour: 75 → "1:15", 3725 → "1:02:05". */
export function formatDuration(seconds: number | null | undefined): string {
	if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return NO_VALUE;
	const total = Math.max(0, Math.round(seconds));
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = total % 60;
	const ss = String(s).padStart(2, '0');
	return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** A service-level threshold in words: 20 → "20 秒" / "20 s"; 4 h → "4:00:00". */
export function formatThreshold(seconds: number, locale: Locale): string {
	return seconds < 60 ? t(locale, 'secondsShort', { n: seconds }) : formatDuration(seconds);
}

/** "Updated N s ago", coarsening to minutes and hours so a long outage reads at a glance. */
export function formatAge(ageSec: number | null, locale: Locale): string {
	if (ageSec === null || !Number.isFinite(ageSec)) return t(locale, 'updatedNever');
	const s = Math.max(0, Math.floor(ageSec));
	if (s < 1) return t(locale, 'updatedJustNow');
	if (s < 120) return t(locale, 'updatedSecondsAgo', { n: s });
	if (s < 2 * 3600) return t(locale, 'updatedMinutesAgo', { n: Math.floor(s / 60) });
	return t(locale, 'updatedHoursAgo', { n: Math.floor(s / 3600) });
}

/** English falls back to Chinese when a name has no English form. */
export function localName(name: LocalizedName, locale: Locale): string {
	return locale === 'en' ? (name.en ?? name['zh-CN']) : name['zh-CN'];
}

const clockFormats = new Map<string, { time: Intl.DateTimeFormat; date: Intl.DateTimeFormat }>();

/** Whether this runtime's Intl knows the zone (an old TV browser may not know a newer zone name). */
export function isKnownTimeZone(timeZone: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone });
		return true;
	} catch {
		return false;
	}
}

function clockFormat(timeZone: string, locale: Locale) {
	const zone = isKnownTimeZone(timeZone) ? timeZone : FALLBACK_TIME_ZONE;
	const key = `${zone}|${locale}`;
	let f = clockFormats.get(key);
	if (!f) {
		f = {
			time: new Intl.DateTimeFormat(intlLocale(locale), {
				timeZone: zone,
				hour: '2-digit',
				minute: '2-digit',
				second: '2-digit',
				hourCycle: 'h23'
			}),
			date: new Intl.DateTimeFormat(intlLocale(locale), {
				timeZone: zone,
				month: locale === 'zh-CN' ? 'long' : 'short',
				day: 'numeric',
				weekday: 'short'
			})
		};
		clockFormats.set(key, f);
	}
	return f;
}

/** Wall time in the centre's zone: the floor works to the centre's clock, not the TV's. */
export function formatClockTime(epochMs: number, timeZone: string, locale: Locale): string {
	return clockFormat(timeZone, locale).time.format(epochMs);
}

export function formatClockDate(epochMs: number, timeZone: string, locale: Locale): string {
	return clockFormat(timeZone, locale).date.format(epochMs);
}
