import { describe, expect, it } from 'vitest';
import { clockOf, formatAgents, formatPoints } from './report-format';
import { dayBefore, weekBefore, withQuery } from './report-links';

describe('report links', () => {
	it('changes some fields of the current query and drops emptied ones', () => {
		const search = new URLSearchParams('from=2026-03-02&view=q:orders-voice&compare=2026-02-23');
		expect(withQuery(search, { from: '2026-03-01', compare: null })).toBe(
			'from=2026-03-01&view=q%3Aorders-voice'
		);
	});

	it('steps back a day and a week across month ends', () => {
		expect(dayBefore('2026-03-01')).toBe('2026-02-28');
		expect(weekBefore('2026-03-02')).toBe('2026-02-23');
	});
});

describe('report formats', () => {
	it('reads the centre’s clock from the row’s ISO start, not the browser’s zone', () => {
		expect(clockOf('2026-03-02T10:30:00+08:00', false)).toBe('10:30');
		expect(clockOf('2026-03-02T10:30:00+08:00', true)).toBe('03-02 10:30');
	});

	it('shows mean agents with one decimal and changes as signed points', () => {
		expect(formatAgents(22.44, 'en')).toBe('22.4');
		expect(formatPoints(0.253, 'en')).toBe('+25.3 pt');
		expect(formatPoints(-0.1, 'en')).toBe('−10.0 pt');
		expect(formatPoints(null, 'en')).toBe('—');
	});
});
