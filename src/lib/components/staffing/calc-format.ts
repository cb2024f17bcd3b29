import { NO_VALUE, t, type Locale } from '$lib/shared/i18n';

/**
 * Number formats of the calculator page. Unlike the wallboard, which shows whole seconds at a glance,
 * a planner compares staffing options whose ASAs differ by tenths of a second, so times keep a decimal.
 */

const intlLocale = (locale: Locale): string => (locale === 'zh-CN' ? 'zh-CN' : 'en-GB');

function fixed(value: number, digits: number, locale: Locale): string {
	return new Intl.NumberFormat(intlLocale(locale), {
		minimumFractionDigits: digits,
		maximumFractionDigits: digits
	}).format(value);
}

/** Traffic to two decimals: 10.00 Erlang, 9,500.00 Erlangs. */
export function formatErlangs(value: number | null, locale: Locale): string {
	if (value === null || !Number.isFinite(value)) return NO_VALUE;
	return t(locale, 'calcErlangs', { n: fixed(value, 2, locale) });
}

/** Seconds to one decimal (7.8 s); a wait under 0.05 s reads 0.0 s rather than vanishing into e-notation. */
export function formatSecondsPrecise(value: number | null, locale: Locale): string {
	if (value === null || !Number.isFinite(value)) return NO_VALUE;
	return t(locale, 'secondsShort', { n: fixed(value, 1, locale) });
}

/** A head count with grouping: 1,428 人 / 1,428 agents. */
export function formatPeople(value: number | null, locale: Locale): string {
	if (value === null || !Number.isFinite(value)) return NO_VALUE;
	return t(locale, 'calcPeople', { n: fixed(value, 0, locale) });
}
