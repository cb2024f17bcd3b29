import { en } from './catalog-en';
import { zhCN } from './catalog-zh-cn';
import type { Locale } from './locale';

export type MessageKey = keyof typeof zhCN;
/** Every catalog has exactly the reference keys: a missing or extra key is a type error. */
export type Messages = Record<MessageKey, string>;
export type MessageParams = Record<string, string | number>;

const CATALOGS: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

/**
 * Looks a message up and fills `{name}` placeholders. A placeholder without a value is left visible
 * rather than blanked, so a missing parameter shows up on screen instead of silently reading wrong.
 */
export function t(locale: Locale, key: MessageKey, params?: MessageParams): string {
	const template = CATALOGS[locale][key];
	if (!params) return template;
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? String(params[name]) : whole
	);
}
