import { describe, expect, it } from 'vitest';
import {
	formatAge,
	formatClockTime,
	formatCount,
	formatDuration,
	formatPercent,
	formatTarget,
	formatThreshold,
	localName
} from './format';

describe('formatPercent', () => {
	it.each([
		[0.9532, '95.3 %'],
		[0.953, '95.3 %'],
		[0.95, '95.0 %'],
		[1, '100.0 %'],
		[0, '0.0 %'],
		[0.07, '7.0 %']
	])('shows %s as %s', (fraction, text) => {
		expect(formatPercent(fraction, 'zh-CN')).toBe(text);
		expect(formatPercent(fraction, 'en')).toBe(text);
	});

	it('rounds down so a rate just under target never reads as on target', () => {
		expect(formatPercent(0.94996, 'zh-CN')).toBe('94.9 %');
	});

	it('shows a dash for null, undefined and non-finite rates', () => {
		expect(formatPercent(null, 'zh-CN')).toBe('—');
		expect(formatPercent(undefined, 'en')).toBe('—');
		expect(formatPercent(Number.NaN, 'en')).toBe('—');
	});
});

describe('formatTarget', () => {
	it('drops needless decimals', () => {
		expect(formatTarget(0.95, 'zh-CN')).toBe('95 %');
		expect(formatTarget(0.975, 'en')).toBe('97.5 %');
	});
});

describe('formatDuration', () => {
	it.each([
		[0, '0:00'],
		[5, '0:05'],
		[75, '1:15'],
		[599.6, '10:00'],
		[3599, '59:59'],
		[3600, '1:00:00'],
		[3725, '1:02:05'],
		[36000, '10:00:00']
	])('shows %s s as %s', (sec, text) => {
		expect(formatDuration(sec)).toBe(text);
	});

	it('clamps negative durations (clock skew) to zero', () => {
		expect(formatDuration(-3)).toBe('0:00');
	});

	it('shows a dash for null', () => {
		expect(formatDuration(null)).toBe('—');
	});
});

describe('formatCount', () => {
	it('groups thousands', () => {
		expect(formatCount(12345, 'zh-CN')).toBe('12,345');
		expect(formatCount(12345, 'en')).toBe('12,345');
	});
	it('shows a dash for null', () => {
		expect(formatCount(null, 'en')).toBe('—');
	});
});

describe('formatThreshold', () => {
	it('says seconds under a minute and a duration above', () => {
		expect(formatThreshold(20, 'zh-CN')).toBe('20 秒');
		expect(formatThreshold(20, 'en')).toBe('20 s');
		expect(formatThreshold(4 * 3600, 'en')).toBe('4:00:00');
	});
});

describe('formatAge', () => {
	it.each([
		[0.4, '刚刚更新', 'Updated just now'],
		[7, '更新于 7 秒前', 'Updated 7 s ago'],
		[119, '更新于 119 秒前', 'Updated 119 s ago'],
		[600, '更新于 10 分钟前', 'Updated 10 min ago'],
		[3 * 3600, '更新于 3 小时前', 'Updated 3 h ago']
	])('shows an age of %s s', (age, zh, en) => {
		expect(formatAge(age, 'zh-CN')).toBe(zh);
		expect(formatAge(age, 'en')).toBe(en);
	});

	it('says there is no data yet when nothing was ever received', () => {
		expect(formatAge(null, 'zh-CN')).toBe('尚无数据');
	});
});

describe('localName', () => {
	it('picks the language and falls back to Chinese', () => {
		expect(localName({ 'zh-CN': '售前咨询', en: 'Pre-sales' }, 'en')).toBe('Pre-sales');
		expect(localName({ 'zh-CN': '售前咨询', en: 'Pre-sales' }, 'zh-CN')).toBe('售前咨询');
		expect(localName({ 'zh-CN': '投诉专线' }, 'en')).toBe('投诉专线');
	});
});

describe('formatClockTime', () => {
	// 2025-11-23T04:00:05Z
	const instant = Date.UTC(2025, 10, 23, 4, 0, 5);

	it('shows the centre zone, not the machine zone', () => {
		expect(formatClockTime(instant, 'Asia/Shanghai', 'zh-CN')).toBe('12:00:05');
		expect(formatClockTime(instant, 'Europe/London', 'en')).toBe('04:00:05');
	});

	it('falls back to the centre default for a zone this runtime does not know', () => {
		expect(formatClockTime(instant, 'Not/AZone', 'en')).toBe('12:00:05');
	});
});
