import type { LocalizedName } from '../../shared/centre/setup';
import {
	formatCount,
	formatDuration,
	formatPercent,
	formatTarget,
	formatThreshold,
	localName,
	notReadyReasonName,
	t,
	type Locale,
	type MessageKey,
	type MessageParams
} from '../../shared/i18n';
import type { AlertText } from '../../shared/protocol/alert-frames';

/**
 * Reason sentences in both languages from one set of numbers. Parameters are functions of the locale
 * where the wording differs (names, percentages); rates use the tiles' rounding (down to 0.1 %), so the
 * alert never reads better than the tile beside it.
 */
type Param = string | number | ((locale: Locale) => string);

export function bothLanguages(key: MessageKey, params: Record<string, Param>): AlertText {
	const render = (locale: Locale) => {
		const filled: MessageParams = {};
		for (const [name, value] of Object.entries(params)) {
			filled[name] = typeof value === 'function' ? value(locale) : value;
		}
		return t(locale, key, filled);
	};
	return { 'zh-CN': render('zh-CN'), en: render('en') };
}

export const name =
	(n: LocalizedName) =>
	(locale: Locale): string =>
		localName(n, locale);
export const percent =
	(fraction: number | null) =>
	(locale: Locale): string =>
		formatPercent(fraction, locale);
export const target =
	(fraction: number) =>
	(locale: Locale): string =>
		formatTarget(fraction, locale);
export const threshold =
	(seconds: number) =>
	(locale: Locale): string =>
		formatThreshold(seconds, locale);
export const count =
	(n: number) =>
	(locale: Locale): string =>
		formatCount(n, locale);
export const duration = (seconds: number): string => formatDuration(seconds);

/** ", 9 agents short" when the model says so; nothing when staffed enough or unknown. */
export const shortBy =
	(gap: number | null) =>
	(locale: Locale): string =>
		gap !== null && gap < 0 ? t(locale, 'alertShort', { n: formatCount(-gap, locale) }) : '';

/** Known not-ready reasons in the reader's language; others as the platform sends them. */
export const notReadyReason =
	(reason: string) =>
	(locale: Locale): string =>
		notReadyReasonName(reason, locale);
