import type { LocalizedName, QueueConfig, SlFormula } from '../../shared/centre/setup';
import { CHANNELS, type Channel } from '../../shared/contract';
import { addCountersInto, emptyCounters, type QueueCounters } from '../../shared/metrics/counters';
import type { MetricWindow, QueueFigures } from '../../shared/metrics/figures';
import { counterFigures } from '../../shared/metrics/formulas';
import { dayCountersAt, queueConfigOf, type Floor, type QueueState } from './floor-state';

export interface QueueFiguresResult {
	/** Event time of the newest event applied (what the figures reflect), epoch ms; null before any. */
	asOf: number | null;
	queues: QueueFigures[];
	/** Roll-up of the queues asked for. */
	centre: QueueFigures;
	/** One roll-up per channel among the queues asked for, in voice, chat, email order. */
	channels: QueueFigures[];
}

export const CENTRE_NAME: LocalizedName = { 'zh-CN': '全中心', en: 'Whole centre' };
export const CHANNEL_NAMES: Record<Channel, LocalizedName> = {
	voice: { 'zh-CN': '语音', en: 'Voice' },
	chat: { 'zh-CN': '在线', en: 'Chat' },
	email: { 'zh-CN': '邮件', en: 'Email' }
};

interface Waiting {
	waiting: number;
	vipWaiting: number;
	longestWaitSec: number;
	longestVipWaitSec: number;
}

interface Part {
	config: QueueConfig;
	counters: Readonly<QueueCounters>;
	live: Waiting;
}

const NO_COUNTS: Readonly<QueueCounters> = Object.freeze(emptyCounters());

/**
 * Queue figures over a window, per queue, per channel and for all of them together.
 *
 * `now` is instantaneous: nothing has an outcome in an instant, so every count and rate is 0 or null
 * and only the live figures (waiting, VIP waiting, longest waits) move. `day` counts since the local
 * midnight of `nowMs` in the floor's time zone; after midnight the day is empty even if no event has
 * arrived since, because the counts are looked up by the day of `nowMs`, not of the last event.
 *
 * Queues come in set-up order, then queues seen only in events, by id. Asking for a queue neither
 * configured nor seen gives its zero figures under unconfigured voice defaults (a tile, not a gap).
 */
export function queueFigures(
	floor: Floor,
	window: MetricWindow,
	nowMs: number,
	queueIds?: string[]
): QueueFiguresResult {
	const day = window === 'day' ? dayCountersAt(floor, nowMs) : null;
	const parts: Part[] = selectQueues(floor, queueIds).map((queueId) => ({
		config: queueConfigOf(floor, queueId),
		counters: day?.get(queueId) ?? NO_COUNTS,
		live: waitingOf(floor.queues.get(queueId), nowMs)
	}));
	const channels = CHANNELS.filter((ch) => parts.some((p) => p.config.channel === ch)).map((ch) =>
		rollUp(
			parts.filter((p) => p.config.channel === ch),
			CHANNEL_NAMES[ch],
			ch
		)
	);
	return {
		asOf: floor.lastEventTs,
		queues: parts.map(queueFiguresOf),
		centre: rollUp(parts, CENTRE_NAME, null),
		channels
	};
}

function selectQueues(floor: Floor, queueIds: string[] | undefined): string[] {
	const ids = queueIds ? [...new Set(queueIds)] : [...floor.queues.keys()];
	const orderOf = (id: string) => floor.queues.get(id)?.order ?? Number.POSITIVE_INFINITY;
	return ids.sort((a, b) => orderOf(a) - orderOf(b) || (a < b ? -1 : a > b ? 1 : 0));
}

function waitingOf(queue: QueueState | undefined, nowMs: number): Waiting {
	const live: Waiting = { waiting: 0, vipWaiting: 0, longestWaitSec: 0, longestVipWaitSec: 0 };
	for (const contact of queue?.waiting ?? []) {
		const waitSec = contact.offer ? Math.max(0, nowMs - contact.offer.queuedAtMs) / 1000 : 0;
		live.waiting++;
		live.longestWaitSec = Math.max(live.longestWaitSec, waitSec);
		if (contact.vip) {
			live.vipWaiting++;
			live.longestVipWaitSec = Math.max(live.longestVipWaitSec, waitSec);
		}
	}
	return live;
}

function figures(
	identity: Pick<
		QueueFigures,
		'queueId' | 'name' | 'channel' | 'unconfigured' | 'slThresholdSec' | 'slFormula'
	>,
	counters: Readonly<QueueCounters>,
	live: Waiting,
	slFormula: SlFormula
): QueueFigures {
	return {
		...identity,
		...live,
		maxWaitSec: Math.max(counters.maxWaitSec, live.longestWaitSec),
		...counterFigures(counters, slFormula)
	};
}

function queueFiguresOf({ config, counters, live }: Part): QueueFigures {
	const identity = {
		queueId: config.queueId,
		name: config.name,
		channel: config.channel,
		unconfigured: config.unconfigured,
		slThresholdSec: config.slThresholdSec,
		slFormula: config.slFormula
	};
	return figures(identity, counters, live, config.slFormula);
}

/**
 * A roll-up sums the queues' counts. Its service level is answeredWithin ÷ offered (abandons_negative)
 * over those sums, where each queue's answeredWithin was judged against that queue's own threshold:
 * queues with different thresholds or formulas have no common threshold, so the roll-up shows none
 * (slThresholdSec and slFormula null), and its three variants are likewise computed from the sums.
 */
function rollUp(parts: Part[], name: LocalizedName, channel: Channel | null): QueueFigures {
	const counters = emptyCounters();
	const live: Waiting = { waiting: 0, vipWaiting: 0, longestWaitSec: 0, longestVipWaitSec: 0 };
	for (const part of parts) {
		addCountersInto(counters, part.counters);
		live.waiting += part.live.waiting;
		live.vipWaiting += part.live.vipWaiting;
		live.longestWaitSec = Math.max(live.longestWaitSec, part.live.longestWaitSec);
		live.longestVipWaitSec = Math.max(live.longestVipWaitSec, part.live.longestVipWaitSec);
	}
	const identity = {
		queueId: null,
		name,
		channel,
		unconfigured: false,
		slThresholdSec: null,
		slFormula: null
	};
	return figures(identity, counters, live, 'abandons_negative');
}
