/** UI languages. zh-CN is the default: the floor reads Chinese. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/**
 * Picks the UI language from, in order, an explicit request (`?lang=`), the board's configured language,
 * then the default. Loose spellings (`zh`, `zh-cn`, `EN-us`) are accepted because people type them into
 * TV browser address bars by hand.
 */
export function resolveLocale(...candidates: (string | null | undefined)[]): Locale {
	for (const candidate of candidates) {
		const locale = parseLocale(candidate);
		if (locale) return locale;
	}
	return DEFAULT_LOCALE;
}

export function parseLocale(value: string | null | undefined): Locale | null {
	if (!value) return null;
	const v = value.trim().toLowerCase();
	if (v === 'en' || v.startsWith('en-')) return 'en';
	if (v === 'zh' || v.startsWith('zh-')) return 'zh-CN';
	return null;
}
