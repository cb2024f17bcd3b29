import { describe, expect, it } from 'vitest';
import { createFloor, resolveWindow } from '../live/floor';
import { intervalStartMs, isoInZone, nextLocalDayStartMs, parseLocalInstant } from './local-time';
import { testSetup } from './test-log';

describe('local time of the centre', () => {
	it('aligns intervals exactly as the live interval windows do', () => {
		for (const timeZone of ['Asia/Shanghai', 'Europe/Berlin', 'Asia/Kathmandu', 'America/St_Johns']) {
			const floor = createFloor(testSetup(), { timeZone });
			for (let ms = Date.UTC(2026, 2, 28, 20); ms < Date.UTC(2026, 2, 29, 6); ms += 7 * 60_000 + 13_000) {
				expect(intervalStartMs(ms, 15, timeZone)).toBe(resolveWindow(floor, 'interval15', ms).span!.startMs);
				expect(intervalStartMs(ms, 30, timeZone)).toBe(resolveWindow(floor, 'interval30', ms).span!.startMs);
			}
		}
	});

	it('prints instants with the offset in force then', () => {
		expect(isoInZone(Date.UTC(2026, 2, 29, 0, 45), 'Europe/Berlin')).toBe('2026-03-29T01:45:00+01:00');
		expect(isoInZone(Date.UTC(2026, 2, 29, 1, 0), 'Europe/Berlin')).toBe('2026-03-29T03:00:00+02:00');
		expect(isoInZone(Date.UTC(2026, 2, 2, 4, 15), 'Asia/Kathmandu')).toBe('2026-03-02T10:00:00+05:45');
	});

	it('reads dates as local midnight and local date-times in the centre zone', () => {
		expect(parseLocalInstant('2026-03-02', 'Asia/Shanghai')).toEqual({
			ok: true,
			ms: Date.UTC(2026, 2, 1, 16),
			dateOnly: true
		});
		expect(parseLocalInstant('2026-03-02T08:30', 'Asia/Shanghai')).toMatchObject({
			ms: Date.UTC(2026, 2, 2, 0, 30)
		});
		expect(parseLocalInstant('2026-03-02T08:30:00Z', 'Asia/Shanghai')).toMatchObject({
			ms: Date.UTC(2026, 2, 2, 8, 30)
		});
	});

	it('takes the instant after the jump for a time that a DST gap skips', () => {
		expect(parseLocalInstant('2026-03-29T02:30', 'Europe/Berlin')).toMatchObject({
			ms: Date.UTC(2026, 2, 29, 1, 30)
		});
	});

	it('refuses what is not a real date', () => {
		expect(parseLocalInstant('2026-02-30', 'Asia/Shanghai')).toMatchObject({ ok: false });
		expect(parseLocalInstant('yesterday', 'Asia/Shanghai')).toMatchObject({ ok: false });
	});

	it('finds the next local midnight across a 23-hour day', () => {
		const start = parseLocalInstant('2026-03-29', 'Europe/Berlin');
		expect(start.ok && nextLocalDayStartMs(start.ms, 'Europe/Berlin') - start.ms).toBe(23 * 3_600_000);
	});
});
