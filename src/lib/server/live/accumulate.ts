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

/**
 * A blank set of counters to count one thing into before recordQueueCounts: the same object every
 * time (no closure or object per count on the apply path), so it must be recorded before the next call.
 */
export function freshCounts(): QueueCounters {
	resetCounters(scratch);
	return scratch;
}

/** Counts `counts` (from freshCounts) into `queueId` at `atMs`. */
export function recordQueueCounts(
	floor: Floor,
	queueId: string,
	atMs: number,
	counts: Readonly<QueueCounters>
): void {
	const day = floor.dayCounters.entry(floor.dayClock.dayOf(atMs).startMs, queueId);
	if (!day) {
		// Older than every day kept: no window shows that day any more.
		noteAnomaly(floor, 'count_for_expired_day');
		return;
	}
	addCountersInto(day, counts);
	if (floor.shiftClock.configured) {
		const segment = floor.shiftCounters.entry(floor.shiftClock.segmentOf(atMs).startMs, queueId);
		if (segment) addCountersInto(segment, counts);
	}
	let ring = floor.queueRings.get(queueId);
	if (!ring) {
		ring = createQueueRing();
		floor.queueRings.set(queueId, ring);
	}
	packCounters(counts, packed);
	// False for a count older than the last hour: no sliding window holds it, the day still does.
	ring.merge(atMs, packed);
}

/** Zeroes every field in place (one write each; a copy from a blank object walks its keys). */
function resetCounters(c: QueueCounters): void {
	c.answered = 0;
	c.abandoned = 0;
	c.shortAbandoned = 0;
	c.flowedOut = 0;
	c.answeredWithin = 0;
	c.abandonedWithin = 0;
	c.sumWaitAnsweredSec = 0;
	c.sumWaitOfferedSec = 0;
	c.maxWaitSec = 0;
	c.maxVipWaitSec = 0;
	c.customerOffered = 0;
	c.repeatOffered = 0;
	c.handled = 0;
	c.sumTalkSec = 0;
	c.sumHoldSec = 0;
	c.sumWrapSec = 0;
	c.surveys = 0;
	c.surveysSatisfied = 0;
}

/**
 * Packs counters in COUNTER_FIELDS order, written out because it runs for every count and a loop over
 * field names is a keyed load per field. The spec holds it to COUNTER_FIELDS.
 */
export function packCounters(c: Readonly<QueueCounters>, into: Float64Array): Float64Array {
	into[0] = c.answered;
	into[1] = c.abandoned;
	into[2] = c.shortAbandoned;
	into[3] = c.flowedOut;
	into[4] = c.answeredWithin;
	into[5] = c.abandonedWithin;
	into[6] = c.sumWaitAnsweredSec;
	into[7] = c.sumWaitOfferedSec;
	into[8] = c.maxWaitSec;
	into[9] = c.maxVipWaitSec;
	into[10] = c.customerOffered;
	into[11] = c.repeatOffered;
	into[12] = c.handled;
	into[13] = c.sumTalkSec;
	into[14] = c.sumHoldSec;
	into[15] = c.sumWrapSec;
	into[16] = c.surveys;
	into[17] = c.surveysSatisfied;
	return into;
}

/** Unpacks a ring sum into counters. */
export function countersFromPacked(values: Float64Array): QueueCounters {
	const c = emptyCounters();
	for (let f = 0; f < COUNTER_FIELDS.length; f++) c[COUNTER_FIELDS[f]!] = values[f]!;
	return c;
}
