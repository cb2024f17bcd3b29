import { describe, expect, it } from 'vitest';
import { IdFilter } from './id-filter';

describe('IdFilter', () => {
	it('never says "not held" of an id added and not removed', () => {
		const filter = new IdFilter(1000);
		const ids = Array.from({ length: 1000 }, (_, i) => `c${i}`);
		for (const id of ids) filter.add(IdFilter.hash(id));
		expect(ids.every((id) => filter.mayHold(IdFilter.hash(id)))).toBe(true);
	});

	it('says "not held" of most ids never added, and of ids removed again', () => {
		const filter = new IdFilter(1000);
		for (let i = 0; i < 1000; i++) filter.add(IdFilter.hash(`c${i}`));
		let perhaps = 0;
		for (let i = 1000; i < 11_000; i++) if (filter.mayHold(IdFilter.hash(`c${i}`))) perhaps++;
		// 1,000 ids in 8,192 counters: about one unknown id in eight answers "perhaps"
		expect(perhaps / 10_000).toBeLessThan(0.2);
		for (let i = 0; i < 1000; i++) filter.remove(IdFilter.hash(`c${i}`));
		expect(filter.mayHold(IdFilter.hash('c7'))).toBe(false);
	});

	it('keeps an id held while another with the same counter is removed', () => {
		const filter = new IdFilter(1);
		const hash = IdFilter.hash('a');
		filter.add(hash);
		filter.add(hash);
		filter.remove(hash);
		expect(filter.mayHold(hash)).toBe(true);
		filter.remove(hash);
		expect(filter.mayHold(hash)).toBe(false);
	});

	it('stops counting at 255 and then never forgets the slot', () => {
		const filter = new IdFilter(1);
		const hash = IdFilter.hash('a');
		for (let i = 0; i < 300; i++) filter.add(hash);
		for (let i = 0; i < 300; i++) filter.remove(hash);
		expect(filter.mayHold(hash)).toBe(true);
	});

	it('hashes the same id the same way, and near ids apart', () => {
		expect(IdFilter.hash('c1001')).toBe(IdFilter.hash('c1001'));
		const low = new Set(Array.from({ length: 256 }, (_, i) => IdFilter.hash(`c${1000 + i}`) & 1023));
		expect(low.size).toBeGreaterThan(200);
	});
});
