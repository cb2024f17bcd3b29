import { describe, expect, it } from 'vitest';
import { exportQuery } from './export-query';
import { readReportQuery } from './report-query';

const TZ = 'Asia/Shanghai';
const read = (search: string) => readReportQuery(new URL(`http://x/reports?${search}`), TZ, '2026-03-01');

describe('readReportQuery', () => {
	it('opens yesterday for the whole centre by half-hour when nothing is asked', async () => {
		const { query, problems } = await read('');
		expect(problems).toEqual([]);
		expect(query).toMatchObject({
			from: '2026-03-01',
			to: '2026-03-01',
			size: 30,
			view: 'centre',
			compare: null
		});
		expect(query!.toMs - query!.fromMs).toBe(86_400_000);
	});

	it('reads a day of one queue by quarter-hour with a compare day and a what-if', async () => {
		const { query } = await read(
			'from=2026-03-02&view=q:orders-voice&size=15&compare=2026-02-23&delta=%2B5&wfrom=20:00&wto=22:00'
		);
		expect(query).toMatchObject({ size: 15, view: 'q:orders-voice', compare: '2026-02-23' });
		expect(query!.change).toEqual({ delta: 5, from: '20:00', to: '22:00' });
	});

	it('names the wrong field with the API’s own message and shows no report for it', async () => {
		const { query, problems } = await read('from=2026-03-02&size=20');
		expect(query).toBeNull();
		expect(problems).toEqual([
			{ error: 'bad_request', parameter: 'size', message: 'size must be 15 or 30 (minutes), got "20"' }
		]);
	});

	it('keeps the report when only the what-if is wrong', async () => {
		const { query, problems } = await read('from=2026-03-02&view=q:a&delta=5&wfrom=22:00&wto=20:00');
		expect(query?.change).toBeNull();
		expect(problems.map((p) => p.parameter)).toEqual(['wfrom']);
	});

	it('ignores a compare day on a range of days: two ranges do not share one axis', async () => {
		const { query } = await read('from=2026-03-01&to=2026-03-07&compare=2026-02-22');
		expect(query?.compare).toBeNull();
	});
});

describe('exportQuery', () => {
	it('asks the report API for the queue on screen, or for the roll-up’s scope', () => {
		expect(exportQuery({ from: '2026-03-02', to: '2026-03-02', size: 30, view: 'q:orders-voice' })).toBe(
			'from=2026-03-02&to=2026-03-02&size=30&queue=orders-voice'
		);
		expect(exportQuery({ from: '2026-03-02', to: '2026-03-03', size: 15, view: 'centre' })).toBe(
			'from=2026-03-02&to=2026-03-03&size=15&scope=centre'
		);
		expect(exportQuery({ from: '2026-03-02', to: '2026-03-02', size: 30, view: 'ch:voice' })).toContain(
			'scope=channel'
		);
	});
});
