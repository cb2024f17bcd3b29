import { describe, expect, it } from 'vitest';
import { AGENT_TOTAL_FIELDS, emptyAgentTotals } from '../../shared/metrics/agent-formulas';
import { addPackedTotalsInto, addScaled, addTotalsInto } from './agent-time';

const numbered = () => {
	const totals = emptyAgentTotals();
	AGENT_TOTAL_FIELDS.forEach((field, i) => (totals[field] = i + 1));
	return totals;
};

describe('written-out agent total adds', () => {
	it('follow the AGENT_TOTAL_FIELDS order', () => {
		const packed = Float64Array.from(AGENT_TOTAL_FIELDS, (_, i) => i + 1);
		expect(addPackedTotalsInto(emptyAgentTotals(), packed)).toEqual(numbered());
		const scaled = emptyAgentTotals();
		addScaled(scaled, packed, 10);
		expect(AGENT_TOTAL_FIELDS.map((f) => scaled[f])).toEqual(AGENT_TOTAL_FIELDS.map((_, i) => (i + 1) * 10));
	});

	it('add every field of one total into another', () => {
		const doubled = addTotalsInto(numbered(), numbered());
		expect(AGENT_TOTAL_FIELDS.map((f) => doubled[f])).toEqual(AGENT_TOTAL_FIELDS.map((_, i) => 2 * (i + 1)));
	});
});
