import { describe, expect, it } from 'vitest';
import { CentreSetup } from '../../shared/centre/setup';
import { testCentreSetup } from '../live/test-events';
import { parseWindowParams } from './window-params';

const withShifts = CentreSetup.parse({
	...testCentreSetup(),
	shifts: [{ shiftId: 'early', name: { 'zh-CN': '早班' }, start: '06:00', end: '14:00' }]
});
const parse = (query: string, setup = withShifts, allowed?: Parameters<typeof parseWindowParams>[3]) =>
	parseWindowParams(new URL(`http://x/api?${query}`), setup, 'day', allowed);

async function rejection(result: ReturnType<typeof parse>) {
	expect(result).toBeInstanceOf(Response);
	const response = result as Response;
	return { status: response.status, body: (await response.json()) as { message: string; parameter: string } };
}

describe('parseWindowParams', () => {
	it.each(['now', 'rolling15', 'rolling30', 'rolling60', 'interval15', 'interval30', 'shift', 'day'])(
		'accepts window=%s',
		(window) => {
			expect(parse(`window=${window}`)).toEqual({ window });
		}
	);

	it('defaults to the given window', () => {
		expect(parse('')).toEqual({ window: 'day' });
	});

	it.each(['week', 'rolling', 'rolling45', 'interval60', ''])(
		'rejects window=%s naming the parameter',
		async (w) => {
			const { status, body } = await rejection(parse(`window=${w}`));
			expect(status).toBe(400);
			expect(body.parameter).toBe('window');
			expect(body.message).toContain('window must be one of');
		}
	);

	it('takes a named shift with window=shift', () => {
		expect(parse('window=shift&shift=early')).toEqual({ window: 'shift', shiftId: 'early' });
	});

	it('rejects an unknown shift and a shift without window=shift', async () => {
		expect((await rejection(parse('window=shift&shift=late'))).body).toMatchObject({ parameter: 'shift' });
		expect((await rejection(parse('window=day&shift=early'))).body).toMatchObject({ parameter: 'shift' });
	});

	it('says that no shift is configured rather than inventing one', async () => {
		const { status, body } = await rejection(parse('window=shift', testCentreSetup()));
		expect(status).toBe(400);
		expect(body.message).toContain('configures none');
	});

	it('limits the windows where a route serves fewer', async () => {
		expect((await rejection(parse('window=rolling15', withShifts, ['day', 'shift']))).body.message).toBe(
			'window must be one of day, shift (got "rolling15")'
		);
	});
});
