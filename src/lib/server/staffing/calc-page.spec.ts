import { describe, expect, it } from 'vitest';
import { parseCalcQuery, staffingCalc } from './calc';
import { calcPage, EXAMPLE_FIELDS } from './calc-page';

describe('calcPage', () => {
	it('opens on the worked example when no calculator parameter is given', () => {
		const data = calcPage(new URLSearchParams('lang=en'));
		expect(data.fields).toEqual(EXAMPLE_FIELDS);
		expect(data.issues).toEqual([]);
		expect(data.result).toMatchObject({ requiredAgents: 14, requiredWithShrinkage: 20, agents: 14 });
		expect(data.settings).toEqual({
			thresholdSec: 20,
			targetServiceLevel: 0.8,
			maxOccupancy: 0.85,
			shrinkage: 0.3
		});
		expect(data.curve.some((p) => p.agents === 14)).toBe(true);
	});

	it('gives the same figures as the API calculator for the same query', () => {
		const text =
			'model=erlang-a&arrivals=250&intervalSec=900&ahtSec=240&thresholdSec=15&patienceSec=90&targetServiceLevel=0.9';
		const parsed = parseCalcQuery(new URLSearchParams(text));
		if (!parsed.ok) throw new Error(parsed.message);
		expect(calcPage(new URLSearchParams(text)).result).toEqual(staffingCalc(parsed.value));
	});

	it('echoes bad input as typed and lists every bad parameter', () => {
		const data = calcPage(new URLSearchParams('arrivals=-5&ahtSec=abc&thresholdSec=20&agents=3'));
		expect(data.result).toBeNull();
		expect(data.curve).toEqual([]);
		expect(data.fields).toMatchObject({ arrivals: '-5', ahtSec: 'abc', agents: '3', model: '' });
		expect(data.issues.map((issue) => issue.parameter)).toEqual(['arrivals', 'ahtSec']);
	});

	it('asks for agents or a target when both are missing', () => {
		const data = calcPage(new URLSearchParams('arrivals=100&ahtSec=180&thresholdSec=20'));
		expect(data.issues).toEqual([
			{ parameter: 'agents', message: expect.stringContaining('unless targetServiceLevel') }
		]);
	});
});
