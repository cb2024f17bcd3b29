import type { LocalizedName, QueueConfig, SlFormula } from '../../shared/centre/setup';
import { CHANNELS, type Channel } from '../../shared/contract';
import {
	addCountersInto,
	COUNTER_FIELDS,
	emptyCounters,
	type QueueCounters
} from '../../shared/metrics/counters';
import type { MetricWindow, QueueFigures, TeamQueueFigures, WindowSpan } from '../../shared/metrics/figures';
import { counterFigures } from '../../shared/metrics/formulas';
import { countersFromPacked } from './accumulate';
import { queueConfigOf, type Floor, type QueueState } from './floor-state';
import type { ShiftOccurrence } from './shift-clock';
import { resolveWindow, WINDOW_BUCKET_MS, type ResolvedWindow } from './windows';

export interface QueueFiguresResult {
	/** Event time of the newest event applied (what the figures reflect), epoch ms; null before any. */
	asOf: number | null;
	queues: QueueFigures[];
	/** Roll-up of the queues asked for. */
	centre: QueueFigures;
	/** One roll-up per channel among the queues asked for, in voice, chat, email order. */
	channels: QueueFigures[];
	/** One roll-up per set-up team listing any of the queues asked for, over those of its queues. */
	teams: TeamQueueFigures[];
	/** What the window covered; null for `shift` when no shift is running (counts are then empty). */
	span: WindowSpan | null;
	shift: ShiftOccurrence | null;
}

export interface QueueFiguresOptions {
	/** For the `shift` window: this shift instead of the one that started last. */
	shiftId?: string;
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
 * Queue figures over a window, per queue, per channel, per team's queues and for all of them together.
 *
 * `now` is instantaneous: nothing has an outcome in an instant, so every count and rate is 0 or null
 * and only the live figures (waiting, VIP waiting, longest waits) move. Every other window reads the
 * accumulators by the query time, never by the last event: after midnight the day is empty even if no
 * event has arrived since, a rolling window empties as its buckets age, a new interval or shift starts
 * from nothing. Live figures (waiting, longest waits) are "now" in every window; max waits take both.
 *
 * Queues come in set-up order, then queues seen only in events, by id. Asking for a queue neither
 * configured nor seen gives its zero figures under unconfigured voice defaults (a tile, not a gap).
 */
export function queueFigures(
	floor: Floor,
	window: MetricWindow,
	nowMs: number,
	queueIds?: string[],
	options: QueueFiguresOptions = {}
): QueueFiguresResult {
	const resolved = resolveWindow(floor, window, nowMs, options.shiftId);
	const countsOf = windowCounters(floor, resolved, nowMs);
	const parts: Part[] = selectQueues(floor, queueIds).map((queueId) => ({
		config: queueConfigOf(floor, queueId),
		counters: countsOf(queueId),
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
		channels,
		teams: teamRollUps(floor, parts),
		span: resolved.span,
		shift: resolved.shift
	};
}

function teamRollUps(floor: Floor, parts: Part[]): TeamQueueFigures[] {
	const byQueue = new Map(parts.map((p) => [p.config.queueId, p]));
	const teams: TeamQueueFigures[] = [];
	for (const team of floor.setup.teams) {
		const teamParts = team.queues.flatMap((q) => byQueue.get(q) ?? []);
		if (teamParts.length === 0) continue;
		const channel = teamParts.every((p) => p.config.channel === teamParts[0]!.config.channel)
			? teamParts[0]!.config.channel
			: null;
		const row = rollUp(teamParts, team.name, channel) as TeamQueueFigures;
		row.teamId = team.teamId;
		teams.push(row);
	}
	return teams;
}

/**
 * How to read one queue's counts over the window: the day's accumulator, the shift segments since the
 * shift started, or the sum of the queue's 10 s buckets (rolling and interval windows). Exported for
 * readers that need raw counts rather than figures (the live staffing model).
 */
export function windowCounters(
	floor: Floor,
	{ window, span }: ResolvedWindow,
	nowMs: number
): (queueId: string) => Readonly<QueueCounters> {
	if (!span || window === 'now') return () => NO_COUNTS;
	if (window === 'day') {
		const day = floor.dayCounters.period(span.startMs);
		return (queueId) => day?.get(queueId) ?? NO_COUNTS;
	}
	if (window === 'shift') {
		const segments = [...floor.shiftCounters.periodsStartingIn(span.startMs, nowMs)];
		return (queueId) => {
			const total = emptyCounters();
			for (const segment of segments) {
				const c = segment.get(queueId);
				if (c) addCountersInto(total, c);
			}
			return total;
		};
	}
	const fromIndex = Math.floor(span.startMs / WINDOW_BUCKET_MS);
	const toIndex = Math.floor(nowMs / WINDOW_BUCKET_MS);
	const sum = new Float64Array(COUNTER_FIELDS.length);
	return (queueId) => {
		const ring = floor.queueRings.get(queueId);
		if (!ring) return NO_COUNTS;
		sum.fill(0);
		return countersFromPacked(ring.sumInto(sum, fromIndex, toIndex));
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
	const c = counterFigures(counters, slFormula);
	// One literal with every field, not spreads: a spread-built object of 40 fields lands in V8's slow
	// dictionary mode and costs ~40 µs, which at 1,400 rows per window was most of a tick.
	return {
		queueId: identity.queueId,
		name: identity.name,
		channel: identity.channel,
		unconfigured: identity.unconfigured,
		slThresholdSec: identity.slThresholdSec,
		slFormula: identity.slFormula,
		waiting: live.waiting,
		vipWaiting: live.vipWaiting,
		longestWaitSec: live.longestWaitSec,
		longestVipWaitSec: live.longestVipWaitSec,
		maxWaitSec: Math.max(counters.maxWaitSec, live.longestWaitSec),
		maxVipWaitSec: Math.max(counters.maxVipWaitSec, live.longestVipWaitSec),
		offered: c.offered,
		answered: c.answered,
		abandoned: c.abandoned,
		shortAbandoned: c.shortAbandoned,
		flowedOut: c.flowedOut,
		answeredWithin: c.answeredWithin,
		abandonedWithin: c.abandonedWithin,
		handled: c.handled,
		answerRate: c.answerRate,
		abandonRate: c.abandonRate,
		serviceLevel: c.serviceLevel,
		serviceLevelVariants: c.serviceLevelVariants,
		asaSec: c.asaSec,
		attSec: c.attSec,
		ahtSec: c.ahtSec,
		acwShare: c.acwShare,
		surveys: c.surveys,
		surveysSatisfied: c.surveysSatisfied,
		csat: c.csat,
		customerOffered: c.customerOffered,
		repeatOffered: c.repeatOffered,
		repeatRate: c.repeatRate
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
