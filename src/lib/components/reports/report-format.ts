import { formatPercent, NO_VALUE, type Locale } from '$lib/shared/i18n';

/** The local clock of an ISO start with offset: `2026-03-02T10:30:00+08:00` → `10:30` (or `03-02 10:30`). */
export function clockOf(start: string, withDate: boolean): string {
	const time = start.slice(11, 16);
	return withDate ? `${start.slice(5, 10)} ${time}` : time;
}

const agentFormats = new Map<Locale, Intl.NumberFormat>();

/** Mean agents with one decimal: 22.4. Averages over an interval are rarely whole people. */
export function formatAgents(value: number | null | undefined, locale: Locale): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
	let f = agentFormats.get(locale);
	if (!f) {
		f = new Intl.NumberFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: 1 });
		agentFormats.set(locale, f);
	}
	return f.format(value);
}

/** A change in points, signed: +4.2 pt; what a what-if would have bought. */
export function formatPoints(delta: number | null, locale: Locale): string {
	if (delta === null || !Number.isFinite(delta)) return NO_VALUE;
	const text = formatPercent(Math.abs(delta), locale).replace(' %', '');
	return `${delta < -5e-4 ? '−' : '+'}${text} pt`;
}
