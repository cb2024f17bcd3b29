import type { Locale } from '$lib/shared/i18n';

/**
 * The query string of this page in the other language: the same inputs, so switching language in the
 * middle of a calculation keeps it, with only `lang` changed.
 */
export function otherLanguageQuery(search: URLSearchParams, locale: Locale): string {
	const entries = [...search.entries()].filter(([name]) => name !== 'lang');
	return new URLSearchParams([...entries, ['lang', locale === 'en' ? 'zh-CN' : 'en']]).toString();
}
