import { describe, expect, it } from 'vitest';
import { notReadyReasonName } from './reasons';

describe('notReadyReasonName', () => {
	it('names the contract’s example reasons in both languages', () => {
		expect(notReadyReasonName('break', 'zh-CN')).toBe('小休');
		expect(notReadyReasonName('training', 'zh-CN')).toBe('培训');
		expect(notReadyReasonName('meeting', 'en')).toBe('meeting');
		expect(notReadyReasonName('', 'zh-CN')).toBe('无原因');
	});

	it('shows any other reason as the platform sent it, even one named like an object key', () => {
		expect(notReadyReasonName('coaching-1:1', 'zh-CN')).toBe('coaching-1:1');
		expect(notReadyReasonName('toString', 'en')).toBe('toString');
	});
});
