import { describe, expect, it } from 'vitest';
import { parseCalcQuery, type CalcQuery } from './calc';
import { serviceLevel } from './erlang-c';
import { serviceLevelCurve } from './sl-curve';

function query(text: string): CalcQuery {
	const parsed = parseCalcQuery(new URLSearchParams(text));
	if (!parsed.ok) throw new Error(parsed.message);
	return parsed.value;
}

describe('serviceLevelCurve', () => {
	it('walks agent by agent around a small queue, with the centre on the curve', () => {
		// A = 10 E: ⌈2·√10⌉ = 7 either side; SL is 0 up to 10 agents and 88.8 % at the 14 that 80/20 needs.
		const curve = serviceLevelCurve(query('arrivals=100&ahtSec=180&thresholdSec=20&agents=14'), 14);
		expect(curve.map((p) => p.agents)).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]);
		expect(curve.find((p) => p.agents === 10)?.serviceLevel).toBe(0);
		expect(curve.find((p) => p.agents === 14)?.serviceLevel).toBeCloseTo(0.888, 3);
	});

	it('steps in larger strides for a large queue and stops at zero agents', () => {
		const large = serviceLevelCurve(query('arrivals=95000&ahtSec=180&thresholdSec=20&agents=9600'), 9_600);
		expect(large).toHaveLength(25);
		expect(large[1]!.agents - large[0]!.agents).toBe(17);
		expect(large[12]).toEqual({ agents: 9_600, serviceLevel: serviceLevel(9_600, 9_500, 180, 20) });
		const small = serviceLevelCurve(query('arrivals=1&ahtSec=180&thresholdSec=20&agents=1'), 1);
		expect(small[0]?.agents).toBe(0);
	});

	it('never falls as agents are added, for either model', () => {
		for (const text of [
			'arrivals=360&ahtSec=240&thresholdSec=15&agents=55',
			'model=erlang-a&arrivals=360&ahtSec=240&thresholdSec=15&agents=55&patienceSec=90'
		]) {
			const curve = serviceLevelCurve(query(text), 55);
			for (let i = 1; i < curve.length; i++) {
				expect(curve[i]!.serviceLevel).toBeGreaterThanOrEqual(curve[i - 1]!.serviceLevel);
			}
		}
	});

	it('uses Erlang A when asked: abandons let some contacts through below the load', () => {
		const curve = serviceLevelCurve(
			query('model=erlang-a&arrivals=100&ahtSec=180&thresholdSec=20&agents=10&patienceSec=60'),
			10
		);
		expect(curve.find((p) => p.agents === 9)?.serviceLevel).toBeGreaterThan(0.2);
	});
});
