import { describe, expect, it } from 'vitest';
import { watchdogVerdict, type WatchdogReading } from './watchdog';

const T = 10_000_000;
const reading = (r: Partial<WatchdogReading>): WatchdogReading => ({
	nowMs: T,
	visible: true,
	visibleSinceMs: 0,
	lastFrameMs: T - 100,
	renderedClockMs: T - 1000,
	recentReloads: [],
	...r
});

describe('watchdogVerdict', () => {
	it('leaves a page alone that paints and renders', () => {
		expect(watchdogVerdict(reading({}))).toBe('ok');
	});

	it('reloads a page with no animation frame for 30 s', () => {
		expect(watchdogVerdict(reading({ lastFrameMs: T - 31_000 }))).toBe('reload');
	});

	it('reloads a page whose rendered clock stopped', () => {
		expect(watchdogVerdict(reading({ renderedClockMs: T - 60_000 }))).toBe('reload');
	});

	it('does not count a hidden page, or the moments after it came back, as stalled', () => {
		expect(watchdogVerdict(reading({ visible: false, lastFrameMs: 0 }))).toBe('ok');
		expect(watchdogVerdict(reading({ lastFrameMs: 0, visibleSinceMs: T - 1000 }))).toBe('ok');
	});

	it('stops reloading after three watchdog reloads in half an hour', () => {
		const recentReloads = [T - 60_000, T - 120_000, T - 180_000];
		expect(watchdogVerdict(reading({ lastFrameMs: 0, recentReloads }))).toBe('stalled-but-capped');
		expect(watchdogVerdict(reading({ lastFrameMs: 0, recentReloads: [T - 3_600_000] }))).toBe('reload');
	});
});
