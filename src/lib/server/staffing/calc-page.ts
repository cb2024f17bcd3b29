import type { CalcPageData } from '$lib/shared/staffing/calc-page';
import { CALC_PARAMETERS, type CalcParameter } from '$lib/shared/staffing/calc-result';
import { parseCalcQuery, staffingCalc } from './calc';
import { serviceLevelCurve } from './sl-curve';

/**
 * What a first visit shows: the textbook 80/20 example (100 contacts per 30 min, AHT 3 min, occupancy
 * ≤ 85 %, 30 % shrinkage → 14 agents, 20 scheduled), so the page opens with figures, not an empty form.
 */
export const EXAMPLE_FIELDS: Readonly<Record<CalcParameter, string>> = {
	model: 'erlang-c',
	arrivals: '100',
	intervalSec: '1800',
	ahtSec: '180',
	agents: '',
	thresholdSec: '20',
	patienceSec: '120',
	targetServiceLevel: '0.8',
	maxOccupancy: '0.85',
	shrinkage: '0.3'
};

/**
 * The calculator page's data for a query string: the same parser and calculator as
 * `GET /api/v1/staffing/calc`, so the page and the API give the same numbers for the same query.
 */
export function calcPage(params: URLSearchParams): CalcPageData {
	const asked = CALC_PARAMETERS.some((name) => params.has(name));
	const query = asked ? params : new URLSearchParams(EXAMPLE_FIELDS);
	const fields = Object.fromEntries(
		CALC_PARAMETERS.map((name) => [name, query.getAll(name).join(', ')])
	) as Record<CalcParameter, string>;
	const parsed = parseCalcQuery(query);
	if (!parsed.ok) {
		return {
			fields,
			issues: parsed.issues,
			result: null,
			settings: null,
			curve: []
		};
	}
	try {
		const result = staffingCalc(parsed.value);
		return {
			fields,
			issues: [],
			result,
			settings: {
				thresholdSec: parsed.value.thresholdSec,
				targetServiceLevel: parsed.value.targetServiceLevel ?? null,
				maxOccupancy: parsed.value.maxOccupancy ?? null,
				shrinkage: parsed.value.shrinkage
			},
			curve: serviceLevelCurve(parsed.value, result.requiredAgents ?? result.agents)
		};
	} catch (err) {
		// Same guard as the API: a model's RangeError is the input's fault, shown as an error, not a 500.
		if (!(err instanceof RangeError)) throw err;
		const issue = { parameter: 'query' as const, message: err.message };
		return { fields, issues: [issue], result: null, settings: null, curve: [] };
	}
}
