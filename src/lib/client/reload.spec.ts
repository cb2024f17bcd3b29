import { describe, expect, it } from 'vitest';
import { RELOAD_JITTER_MS, RELOAD_LOOP_GUARD_MS, reloadDelayMs } from './reload';

describe('reloadDelayMs', () => {
	it('spreads reloads over the jitter window', () => {
		expect(reloadDelayMs(null, 1e6, () => 0)).toBe(1000);
		expect(reloadDelayMs(null, 1e6, () => 1)).toBe(1000 + RELOAD_JITTER_MS);
	});

	it('waits a minute when the page reloaded moments ago, so it never loops', () => {
		expect(reloadDelayMs(1e6 - 5000, 1e6, () => 0)).toBe(RELOAD_LOOP_GUARD_MS);
		expect(reloadDelayMs(1e6 - RELOAD_LOOP_GUARD_MS, 1e6, () => 0)).toBe(1000);
	});
});
