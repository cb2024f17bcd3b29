import { describe, expect, it } from 'vitest';
import { formatErlangs, formatPeople, formatSecondsPrecise } from './calc-format';

describe('calculator formats', () => {
	it.each([
		[10, '10.00 Erlang', '10.00 Erlangs'],
		[9500, '9,500.00 Erlang', '9,500.00 Erlangs'],
		[0.123456, '0.12 Erlang', '0.12 Erlangs']
	])('shows traffic %s', (value, zh, en) => {
		expect(formatErlangs(value, 'zh-CN')).toBe(zh);
		expect(formatErlangs(value, 'en')).toBe(en);
	});

	it('keeps a decimal of seconds and never shows e-notation', () => {
		expect(formatSecondsPrecise(7.8359, 'en')).toBe('7.8 s');
		expect(formatSecondsPrecise(1.2e-14, 'zh-CN')).toBe('0.0 秒');
		expect(formatSecondsPrecise(122.78, 'zh-CN')).toBe('122.8 秒');
	});

	it('groups head counts', () => {
		expect(formatPeople(1428, 'zh-CN')).toBe('1,428 人');
		expect(formatPeople(20, 'en')).toBe('20 agents');
	});

	it('shows a dash for undefined figures', () => {
		expect(formatErlangs(null, 'en')).toBe('—');
		expect(formatSecondsPrecise(null, 'en')).toBe('—');
		expect(formatPeople(Number.NaN, 'en')).toBe('—');
	});
});
