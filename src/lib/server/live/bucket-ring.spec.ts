import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BucketRing } from './bucket-ring';

const options = { bucketMs: 10_000, buckets: 360, fields: 3, maxFields: [2] };

describe('bucket ring blocks', () => {
	it('sum a window as whole blocks and edge buckets, the same as bucket by bucket', () => {
		const write = fc.oneof(
			fc.record({
				kind: fc.constant('spread' as const),
				fromSec: fc.integer({ min: 0, max: 20_000 }),
				forSec: fc.integer({ min: 1, max: 5_000 })
			}),
			fc.record({
				kind: fc.constant('merge' as const),
				atSec: fc.integer({ min: 0, max: 20_000 }),
				value: fc.integer({ min: 1, max: 50 })
			})
		);
		fc.assert(
			fc.property(
				fc.array(write, { maxLength: 60 }),
				fc.array(fc.tuple(fc.integer({ min: 0, max: 2_500 }), fc.nat(360)), { minLength: 1, maxLength: 8 }),
				(writes, queries) => {
					const blocked = new BucketRing(options);
					// Blocks longer than the ring are never read whole: every query goes bucket by bucket.
					const plain = new BucketRing({ ...options, blockBuckets: 100_000 });
					for (const w of writes) {
						for (const ring of [blocked, plain]) {
							if (w.kind === 'spread')
								ring.spread(w.fromSec * 1000, (w.fromSec + w.forSec) * 1000, [1, 0.5, 0]);
							else ring.merge(w.atSec * 1000, [w.value, 0, w.value]);
						}
					}
					for (const [toIndex, length] of queries) {
						const a = blocked.sumInto(new Float64Array(3), toIndex - length, toIndex);
						const b = plain.sumInto(new Float64Array(3), toIndex - length, toIndex);
						expect(a[0]).toBeCloseTo(b[0]!, 6);
						expect(a[1]).toBeCloseTo(b[1]!, 6);
						expect(a[2]).toBe(b[2]);
					}
				}
			),
			{ numRuns: 200 }
		);
	});
});

describe('bucket ring writes since a version', () => {
	const ring = () => new BucketRing({ bucketMs: 10_000, buckets: 360, fields: 2 });

	it('adds what was written inside the window since, and refuses a write that reached outside it', () => {
		const r = ring();
		r.spread(1_000_000, 1_030_000, [1, 0]); // buckets 100..102
		const sum = r.sumInto(new Float64Array(2), 100, 110);
		const total = new Float64Array(2);
		r.totalInto(total, 0);
		const version = r.version;
		r.spread(1_030_000, 1_050_000, [1, 2]); // buckets 103..104: inside [100, 110]
		expect(r.addWritesSince(version, total, 0, 100, 110, sum, 0)).toBe(true);
		expect([...sum]).toEqual([...r.sumInto(new Float64Array(2), 100, 110)]);
		// A piece that started before the window: its early part must not be added
		r.totalInto(total, 0);
		const later = r.version;
		r.spread(900_000, 1_060_000, [1, 0]); // buckets 90..105
		expect(r.addWritesSince(later, total, 0, 100, 110, new Float64Array(2), 0)).toBe(false);
	});

	it('refuses once more writes came than it remembers', () => {
		const r = ring();
		const total = new Float64Array(2);
		r.totalInto(total, 0);
		const version = r.version;
		for (let i = 0; i < 9; i++) r.add(1_000_000 + i, 0, 1);
		expect(r.addWritesSince(version, total, 0, 0, 200, new Float64Array(2), 0)).toBe(false);
	});
});
