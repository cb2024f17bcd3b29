import { describe, expect, it } from 'vitest';
import { en } from './catalog-en';
import { zhCN } from './catalog-zh-cn';
import { resolveLocale } from './locale';
import { t } from './messages';

describe('t', () => {
	it('looks messages up per locale', () => {
		expect(t('zh-CN', 'stateStale')).toBe('数据已过期');
		expect(t('en', 'stateStale')).toBe('Data stale');
	});

	it('fills placeholders and leaves unknown ones visible', () => {
		expect(t('zh-CN', 'updatedSecondsAgo', { n: 5 })).toBe('更新于 5 秒前');
		expect(t('en', 'updatedSecondsAgo')).toBe('Updated {n} s ago');
	});

	it('has the same placeholders in every catalog', () => {
		const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
		for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
			expect(names(en[key]), key).toEqual(names(zhCN[key]));
		}
	});
});

describe('resolveLocale', () => {
	it('prefers the explicit choice, then the board language, then Chinese', () => {
		expect(resolveLocale('en', 'zh-CN')).toBe('en');
		expect(resolveLocale(null, 'en')).toBe('en');
		expect(resolveLocale('fr', undefined)).toBe('zh-CN');
		expect(resolveLocale()).toBe('zh-CN');
	});

	it('accepts loose spellings typed by hand', () => {
		expect(resolveLocale('EN-us')).toBe('en');
		expect(resolveLocale('zh')).toBe('zh-CN');
		expect(resolveLocale('zh-cn')).toBe('zh-CN');
	});
});
