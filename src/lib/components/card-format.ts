import type { Band } from '$lib/shared/metrics/cards/thresholds';
import type { CardUnit, LocalizedText } from '$lib/shared/metrics/cards/types';
import { formatCount, formatDuration, formatPercent, NO_VALUE, type Locale } from '$lib/shared/i18n';

export function text(t: LocalizedText, locale: Locale): string {
	return t[locale];
}

/** A card quantity in its unit: 0.953 → "95.3 %", 75 s → "1:15", 2.5 staffed hours → "2.50". */
export function formatCardValue(value: number | null, unit: CardUnit, locale: Locale): string {
	if (value === null || !Number.isFinite(value)) return NO_VALUE;
	switch (unit) {
		case 'fraction':
			return formatPercent(value, locale);
		case 'seconds':
			return formatDuration(value);
		case 'per_hour':
			return value.toFixed(1);
		case 'count':
			return Number.isInteger(value) ? formatCount(value, locale) : value.toFixed(2);
	}
}

/** A threshold as a bound, to the unit's precision (thresholds are set values, not measured). */
function bound(value: number, unit: CardUnit, locale: Locale): string {
	if (unit === 'fraction') return `${Math.round(value * 1000) / 10} %`;
	return formatCardValue(value, unit, locale);
}

export interface BandLines {
	green: string;
	yellow: string;
	red: string | null;
}

/** Where each colour applies, as "≥ 95 %", "90 % – 95 %", "< 90 %" (the rule of thresholds.ts). */
export function bandLines(band: Band, unit: CardUnit, locale: Locale): BandLines {
	const y = bound(band.yellow, unit, locale);
	const r = band.red === null ? null : bound(band.red, unit, locale);
	if (band.direction === 'higher')
		return {
			green: `≥ ${y}`,
			yellow: r === null ? `< ${y}` : `${r} – ${y}`,
			red: r === null ? null : `< ${r}`
		};
	return {
		green: `< ${y}`,
		yellow: r === null ? `≥ ${y}` : `${y} – ${r}`,
		red: r === null ? null : `≥ ${r}`
	};
}
