import { describe, expect, it } from 'vitest';
import { otherLanguageQuery } from './language-query';

describe('otherLanguageQuery', () => {
	it('keeps every input and swaps only the language', () => {
		const search = new URLSearchParams('arrivals=100&lang=en&agents=&ahtSec=180');
		expect(otherLanguageQuery(search, 'en')).toBe('arrivals=100&agents=&ahtSec=180&lang=zh-CN');
		expect(otherLanguageQuery(new URLSearchParams(''), 'zh-CN')).toBe('lang=en');
	});
});
