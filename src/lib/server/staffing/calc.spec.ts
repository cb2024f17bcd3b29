import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCalcQuery, staffingCalc, type CalcQuery, type CalcResult } from './calc';

function parse(query: string): CalcQuery {
	const parsed = parseCalcQuery(new URLSearchParams(query));
	if (!parsed.ok) throw new Error(`${parsed.parameter}: ${parsed.message}`);
	return parsed.value;
}

function calc(query: string): CalcResult {
	return staffingCalc(parse(query));
}

/** Every figure must survive JSON as itself: a finite number or an explicit null, never Infinity/NaN. */
function expectJsonSafe(result: CalcResult) {
	for (const [key, value] of Object.entries(result)) {
		if (typeof value === 'number') expect(Number.isFinite(value), key).toBe(true);
		else if (key !== 'model') expect(value, key).toBeNull();
	}
	expect(JSON.parse(JSON.stringify(result))).toEqual(result);
}

describe('parseCalcQuery', () => {
	it('fills in the documented defaults', () => {
		expect(parse('arrivals=100&ahtSec=180&thresholdSec=20&agents=12')).toEqual({
			model: 'erlang-c',
			arrivals: 100,
			intervalSec: 1800,
			ahtSec: 180,
			agents: 12,
			thresholdSec: 20,
			shrinkage: 0.3
		});
	});

	it('reads every parameter', () => {
		expect(
			parse(
				'model=erlang-a&arrivals=250.5&intervalSec=900&ahtSec=240&agents=30&thresholdSec=15' +
					'&patienceSec=90&targetServiceLevel=0.9&maxOccupancy=0.85&shrinkage=0.35'
			)
		).toEqual({
			model: 'erlang-a',
			arrivals: 250.5,
			intervalSec: 900,
			ahtSec: 240,
			agents: 30,
			thresholdSec: 15,
			patienceSec: 90,
			targetServiceLevel: 0.9,
			maxOccupancy: 0.85,
			shrinkage: 0.35
		});
	});

	it('treats empty values as absent and ignores unknown parameters', () => {
		expect(parse('arrivals=100&ahtSec=180&thresholdSec=20&agents=&targetServiceLevel=0.8&utm=x').agents).toBe(
			undefined
		);
	});

	it.each([
		['ahtSec=180&thresholdSec=20&agents=1', 'arrivals', /arrivals is required/],
		['arrivals=-1&ahtSec=180&thresholdSec=20&agents=1', 'arrivals', /arrivals must be a number ≥ 0/],
		[
			'arrivals=100&thresholdSec=20&agents=1',
			'ahtSec',
			/ahtSec is required: it must be a positive number of seconds/
		],
		[
			'arrivals=100&ahtSec=0&thresholdSec=20&agents=1',
			'ahtSec',
			/ahtSec must be a positive number of seconds/
		],
		['arrivals=100&ahtSec=abc&thresholdSec=20&agents=1', 'ahtSec', /ahtSec must be a positive number/],
		['arrivals=100&ahtSec=0x10&thresholdSec=20&agents=1', 'ahtSec', /ahtSec must be a positive number/],
		['arrivals=100&ahtSec=1e6&thresholdSec=20&agents=1', 'ahtSec', /ahtSec must be at most 86400 s/],
		['arrivals=100&ahtSec=180&intervalSec=0&thresholdSec=20&agents=1', 'intervalSec', /intervalSec must be/],
		['arrivals=100&ahtSec=180&agents=1', 'thresholdSec', /thresholdSec is required.*e\.g\. 20/],
		['arrivals=100&ahtSec=180&thresholdSec=-5&agents=1', 'thresholdSec', /thresholdSec must be/],
		['arrivals=100&ahtSec=180&thresholdSec=20&agents=2.5', 'agents', /agents must be a whole number/],
		['arrivals=100&ahtSec=180&thresholdSec=20&agents=-1', 'agents', /agents must be a whole number ≥ 0/],
		['arrivals=100&ahtSec=180&thresholdSec=20', 'agents', /agents is required unless targetServiceLevel/],
		[
			'arrivals=100&ahtSec=180&thresholdSec=20&targetServiceLevel=80',
			'targetServiceLevel',
			/e\.g\. 0\.8 for 80 %/
		],
		['arrivals=100&ahtSec=180&thresholdSec=20&targetServiceLevel=1', 'targetServiceLevel', /between 0 and 1/],
		[
			'arrivals=100&ahtSec=180&thresholdSec=20&agents=1&maxOccupancy=0',
			'maxOccupancy',
			/maxOccupancy must be/
		],
		[
			'arrivals=100&ahtSec=180&thresholdSec=20&agents=1&shrinkage=1',
			'shrinkage',
			/shrinkage must be a fraction/
		],
		['model=erlang-b&arrivals=100&ahtSec=180&thresholdSec=20&agents=1', 'model', /erlang-c or erlang-a/],
		[
			'model=erlang-a&arrivals=100&ahtSec=180&thresholdSec=20&agents=1',
			'patienceSec',
			/required for model=erlang-a/
		],
		[
			'model=erlang-a&arrivals=1&ahtSec=9&thresholdSec=2&agents=1&patienceSec=0',
			'patienceSec',
			/positive number/
		],
		['arrivals=100&ahtSec=180&ahtSec=200&thresholdSec=20&agents=1', 'ahtSec', /given more than once/],
		['arrivals=1e12&ahtSec=180&thresholdSec=20&agents=1', 'arrivals', /Erlangs; the most supported is/],
		// Decimal notation that overflows to Infinity used to get zod's bare "expected number, received
		// Infinity", which named no parameter and said nothing of what to send instead.
		['arrivals=1e400&ahtSec=180&thresholdSec=20&agents=1', 'arrivals', /arrivals is too large/],
		['arrivals=100&ahtSec=180&thresholdSec=20&agents=1e400', 'agents', /agents is too large/],
		[
			'arrivals=100&ahtSec=180&thresholdSec=20&targetServiceLevel=1e400',
			'targetServiceLevel',
			/targetServiceLevel is too large/
		],
		['arrivals=NaN&ahtSec=180&thresholdSec=20&agents=1', 'arrivals', /arrivals must be a number ≥ 0/],
		// 100 000 E at ≤ 1 % occupancy needs 10⁷ agents: the staffing search used to throw (a 500).
		[
			'arrivals=1000000&ahtSec=180&thresholdSec=20&targetServiceLevel=0.8&maxOccupancy=0.01',
			'maxOccupancy',
			/needs more than 1000000 agents/
		],
		[
			'model=erlang-a&arrivals=18000000&ahtSec=1&thresholdSec=20&agents=1&patienceSec=86400',
			'patienceSec',
			/within one mean patience\) is 864000000; the most supported is 100000000/
		]
	])('rejects %s naming %s', (query, parameter, message) => {
		const parsed = parseCalcQuery(new URLSearchParams(query));
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.parameter).toBe(parameter);
		expect(parsed.message).toMatch(message);
		expect(parsed.message).toContain(parameter);
	});
});

describe('parseCalcQuery issues', () => {
	it('lists every bad parameter once, the first also as parameter and message', () => {
		const parsed = parseCalcQuery(
			new URLSearchParams('arrivals=-1&ahtSec=0&ahtSec=&thresholdSec=x&agents=1')
		);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.issues.map((issue) => issue.parameter)).toEqual(['arrivals', 'ahtSec', 'thresholdSec']);
		expect(parsed.parameter).toBe('arrivals');
		expect(parsed.message).toBe(parsed.issues[0]?.message);
	});
});

describe('staffingCalc', () => {
	it('staffs the Call Centre Helper example and reports figures at the required staffing', () => {
		// 100 calls per 30 min, AHT 180 s, 80/20, occupancy ≤ 85 %, shrinkage 30 % → 14 agents, 20 scheduled.
		const result = calc('arrivals=100&ahtSec=180&thresholdSec=20&targetServiceLevel=0.8&maxOccupancy=0.85');
		expect(result).toMatchObject({
			model: 'erlang-c',
			agents: 14,
			requiredAgents: 14,
			requiredWithShrinkage: 20
		});
		expect(result.trafficErlangs).toBeCloseTo(10, 12);
		expect(result.pWait).toBeCloseTo(0.174, 3);
		expect(result.serviceLevel).toBeCloseTo(0.888, 3);
		expect(result.asaSec).toBeCloseTo(7.8, 1);
		expect(result.meanWaitSec).toBe(result.asaSec);
		expect(result.occupancy).toBeCloseTo(0.714, 3);
		expect(result.pAbandon).toBeNull();
		expectJsonSafe(result);
	});

	it('reports figures at the given agents and still sizes the target', () => {
		const result = calc('arrivals=100&ahtSec=180&thresholdSec=20&agents=12&targetServiceLevel=0.8');
		expect(result.agents).toBe(12);
		expect(result.serviceLevel).toBeCloseTo(0.64, 2);
		expect(result.requiredAgents).toBe(14);
	});

	it('leaves required staffing null without a target', () => {
		const result = calc('arrivals=100&ahtSec=180&thresholdSec=20&agents=14');
		expect(result).toMatchObject({ requiredAgents: null, requiredWithShrinkage: null });
	});

	it('reports an unstable Erlang C queue with nulls, not Infinity', () => {
		const result = calc('arrivals=100&ahtSec=180&thresholdSec=20&agents=10');
		expect(result).toMatchObject({
			pWait: 1,
			serviceLevel: 0,
			asaSec: null,
			meanWaitSec: null,
			occupancy: 1
		});
		expectJsonSafe(result);
	});

	it('gives Erlang A figures, abandonment included, even below the load', () => {
		const result = calc('model=erlang-a&arrivals=100&ahtSec=180&thresholdSec=20&agents=8&patienceSec=60');
		expect(result.pAbandon).toBeGreaterThan(0.2);
		expect(result.meanWaitSec).toBeCloseTo((result.pAbandon as number) * 60, 9);
		expect(result.serviceLevel).toBeGreaterThan(0);
		expect(result.asaSec).not.toBeNull();
		expectJsonSafe(result);
	});

	it('sizes Erlang A with the same rules', () => {
		const result = calc(
			'model=erlang-a&arrivals=100&ahtSec=180&thresholdSec=20&targetServiceLevel=0.8&patienceSec=120&shrinkage=0.25'
		);
		expect(result.agents).toBe(result.requiredAgents);
		expect(result.serviceLevel).toBeGreaterThanOrEqual(0.8);
		expect(result.requiredWithShrinkage).toBe(Math.ceil((result.requiredAgents as number) / 0.75));
	});

	it('never throws and stays JSON-safe for any query that parses, however extreme', () => {
		// Log-uniform over many orders of magnitude, so limits, underflow and overload are all reached.
		const magnitude = (min: number, max: number) =>
			fc.double({ min, max, noNaN: true }).map((exponent) => (10 ** exponent).toPrecision(6));
		fc.assert(
			fc.property(
				fc.constantFrom('erlang-c', 'erlang-a'),
				magnitude(-3, 9),
				magnitude(0, 5),
				magnitude(-3, 5),
				fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }),
				fc.integer({ min: 0, max: 86_400 }),
				magnitude(-3, 5),
				fc.option(fc.double({ min: 0.001, max: 0.999, noNaN: true }), { nil: undefined }),
				fc.option(fc.double({ min: 0.01, max: 1, noNaN: true }), { nil: undefined }),
				(model, arrivals, intervalSec, ahtSec, agents, thresholdSec, patienceSec, target, maxOccupancy) => {
					const params = new URLSearchParams({ model, arrivals, intervalSec, ahtSec, patienceSec });
					params.set('thresholdSec', String(thresholdSec));
					if (agents !== undefined) params.set('agents', String(agents));
					if (target !== undefined) params.set('targetServiceLevel', String(target));
					if (maxOccupancy !== undefined) params.set('maxOccupancy', String(maxOccupancy));
					const parsed = parseCalcQuery(params);
					if (!parsed.ok) {
						expect(parsed.message).toContain(parsed.parameter);
						return;
					}
					expectJsonSafe(staffingCalc(parsed.value));
				}
			),
			{ numRuns: 120 }
		);
	});

	it('answers within a fraction of a second at the limits', () => {
		// A = 100 000 E; for Erlang A λ·θ = 10⁸ exactly. Before the limits were tightened, queries of this
		// kind (A = 10⁶ E, AHT 1 ms, θ = 1 day) took 30 s, all of it on the event loop the wallboards share.
		const queries = [
			'model=erlang-a&arrivals=180000000&ahtSec=1&patienceSec=1000&thresholdSec=20&targetServiceLevel=0.8&maxOccupancy=0.5',
			'model=erlang-a&arrivals=180000000&ahtSec=1&patienceSec=1000&thresholdSec=20&targetServiceLevel=0.99&agents=1000000',
			'model=erlang-c&arrivals=1000000&ahtSec=180&thresholdSec=0&targetServiceLevel=0.999999&maxOccupancy=0.1'
		];
		for (const query of queries) {
			const started = performance.now();
			expectJsonSafe(calc(query));
			expect(performance.now() - started, query).toBeLessThan(1000);
		}
	});

	it('produces JSON-safe results for any valid query', () => {
		fc.assert(
			fc.property(
				fc.constantFrom('erlang-c', 'erlang-a'),
				fc.integer({ min: 0, max: 20_000 }),
				fc.integer({ min: 5, max: 900 }),
				fc.integer({ min: 0, max: 300 }),
				fc.integer({ min: 0, max: 60 }),
				fc.integer({ min: 5, max: 900 }),
				fc.option(fc.integer({ min: 1, max: 99 }), { nil: undefined }),
				(model, arrivals, ahtSec, agents, thresholdSec, patienceSec, targetPercent) => {
					const target = targetPercent === undefined ? '' : `&targetServiceLevel=${targetPercent / 100}`;
					const result = calc(
						`model=${model}&arrivals=${arrivals}&ahtSec=${ahtSec}&agents=${agents}` +
							`&thresholdSec=${thresholdSec}&patienceSec=${patienceSec}${target}`
					);
					expectJsonSafe(result);
				}
			),
			{ numRuns: 60 }
		);
	});
});
