import {
	addCountersInto,
	COUNTER_FIELDS,
	emptyCounters,
	MAX_COUNTER_FIELDS
} from '../../shared/metrics/counters';
import type { QueueCounters } from '../../shared/metrics/counters';
import { BucketRing } from './bucket-ring';
import { noteAnomaly, type Floor } from './floor-state';
import { WINDOW_BUCKET_MS, WINDOW_BUCKETS } from './windows';

/**
 * Where a queue count goes: the same delta into every accumulator a window reads (the local day, the
 * shift segment and the queue's 10 s bucket), each by the event time of what is counted. So the
 * windows cannot disagree with each other, and an outcome is in the window in which it happened.
 */

const scratch = emptyCounters();
const packed = new Float64Array(COUNTER_FIELDS.length);
const MAX_FIELD_INDEXES = COUNTER_FIELDS.flatMap((f, i) => (MAX_COUNTER_FIELDS.has(f) ? [i] : []));

export function createQueueRing(): BucketRing {
	return new BucketRing({
		bucketMs: WINDOW_BUCKET_MS,
		buckets: WINDOW_BUCKETS,
		fields: COUNTER_FIELDS.length,
		maxFields: MAX_FIELD_INDEXES
	});
}

/** Counts into `queueId` at `atMs` whatever `count` adds to a blank set of counters. */
export function recordQueueCounts(
	floor: Floor,
	queueId: string,
	atMs: number,
	count: (c: QueueCounters) => void
): void {
	Object.assign(scratch, BLANK);
	count(scratch);
	const day = floor.dayCounters.entry(floor.dayClock.dayOf(atMs).startMs, queueId);
	if (!day) {
		// Older than every day kept: no window shows that day any more.
		noteAnomaly(floor, 'count_for_expired_day');
		return;
	}
	addCountersInto(day, scratch);
	if (floor.shiftClock.configured) {
		const segment = floor.shiftCounters.entry(floor.shiftClock.segmentOf(atMs).startMs, queueId);
		if (segment) addCountersInto(segment, scratch);
	}
	let ring = floor.queueRings.get(queueId);
	if (!ring) {
		ring = createQueueRing();
		floor.queueRings.set(queueId, ring);
	}
	for (let f = 0; f < COUNTER_FIELDS.length; f++) packed[f] = scratch[COUNTER_FIELDS[f]!];
	// False for a count older than the last hour: no sliding window holds it, the day still does.
	ring.merge(atMs, packed);
}

const BLANK: Readonly<QueueCounters> = Object.freeze(emptyCounters());

/** Unpacks a ring sum into counters. */
export function countersFromPacked(values: Float64Array): QueueCounters {
	const c = emptyCounters();
	for (let f = 0; f < COUNTER_FIELDS.length; f++) c[COUNTER_FIELDS[f]!] = values[f]!;
	return c;
}
