import { describe, expect, it } from 'vitest';
import { COUNTER_FIELDS, emptyCounters } from '../../shared/metrics/counters';
import { countersFromPacked, packCounters } from './accumulate';

describe('packed counters', () => {
	it('packs every field at its COUNTER_FIELDS position', () => {
		const counters = emptyCounters();
		COUNTER_FIELDS.forEach((field, i) => (counters[field] = i + 1));
		const packed = packCounters(counters, new Float64Array(COUNTER_FIELDS.length));
		expect([...packed]).toEqual(COUNTER_FIELDS.map((_, i) => i + 1));
		expect(countersFromPacked(packed)).toEqual(counters);
	});
});
