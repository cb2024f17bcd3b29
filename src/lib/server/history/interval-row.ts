import type { SlFormula } from '../../shared/centre/setup';
import type { Channel } from '../../shared/contract';
import type { QueueCounters } from '../../shared/metrics/counters';

export const INTERVAL_SIZES = [15, 30] as const;
export type IntervalSize = (typeof INTERVAL_SIZES)[number];

export type RowScope = 'queue' | 'channel' | 'centre';

/**
 * One stored interval of one queue, one channel or the whole centre. Field names are the report API's
 * (docs/reports.md): integrators build on them, so they are only ever added to, never renamed.
 * Rates are fractions 0..1, times seconds, null when there is nothing to divide by.
 */
export interface IntervalRow {
	/** Interval start, ISO 8601 with the centre's offset then. */
	start: string;
	startMs: number;
	size: IntervalSize;
	scope: RowScope;
	/** The queue; null for channel and centre rows. */
	queueId: string | null;
	/** The queue's channel, the channel of a channel row, null for the centre. */
	channel: Channel | null;
	offered: number;
	answered: number;
	abandoned: number;
	shortAbandoned: number;
	flowedOut: number;
	answeredWithin: number;
	abandonedWithin: number;
	handled: number;
	answerRate: number | null;
	abandonRate: number | null;
	serviceLevel: number | null;
	asaSec: number | null;
	maxWaitSec: number;
	attSec: number | null;
	ahtSec: number | null;
	acwShare: number | null;
	repeatRate: number | null;
	csat: number | null;
	surveys: number;
	/** Offered (short abandons excluded) per hour over the interval: λ of the staffing model. */
	arrivalsPerHour: number;
	/** Mean agents logged in (not offline) over the interval; per queue, those skilled for it. */
	staffedAvg: number;
	/** Mean agents ready or loaded (on contact, wrap-up). */
	productiveAvg: number;
	/** ∫ load ÷ ∫ (ready or loaded), as the live agent figures. */
	occupancy: number | null;
	slThresholdSec: number | null;
	/** The queue's service-level formula; null for roll-ups (abandons_negative over the sums). */
	slFormula: SlFormula | null;
	targetServiceLevel: number | null;
	/** Erlang A mean patience: Σ wait of the offered ÷ abandoned; null without abandons. */
	patienceSec: number | null;
	requiredErlangC: number | null;
	requiredErlangA: number | null;
	/** Required ÷ (1 − shrinkage): agents to roster so that `required` are on the phones. */
	scheduledErlangC: number | null;
	scheduledErlangA: number | null;
	/** staffedAvg − requiredErlangA (Erlang C where A has no answer); negative = agents short. */
	gap: number | null;
	/** False while the interval is still open (the row is kept current until it closes). */
	closed: boolean;
	/** The raw counts behind the figures, so spans and queues can be merged exactly (busy hours). */
	counters: QueueCounters;
}

/** Field of a row inside its interval's hash: one per queue, channel and the centre. */
export function rowField(row: Pick<IntervalRow, 'scope' | 'queueId' | 'channel'>): string {
	if (row.scope === 'queue') return `q:${row.queueId}`;
	if (row.scope === 'channel') return `ch:${row.channel}`;
	return 'centre';
}
