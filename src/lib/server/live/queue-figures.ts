import type { CentreSetup, LocalizedName, QueueConfig, SlFormula } from '../../shared/centre/setup';
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
	const parts = partsOf(floor, resolved, nowMs, queueIds);
	const channels = CHANNELS.filter((ch) => parts.some((p) => p.config.channel === ch)).map((ch) =>
		rollUp(
			parts.filter((p) => p.config.channel === ch),
			CHANNEL_NAMES[ch],
			ch
		)
	);
	// What the team rows are built from, taken now: read later, they still match the rows beside them.
	const kept = queueIds ? null : windowParts(floor, resolved, nowMs);
	let teams: TeamQueueFigures[] | undefined;
	return {
		asOf: floor.lastEventTs,
		queues: parts.map(queueFiguresOf),
		centre: rollUp(parts, CENTRE_NAME, null),
		channels,
		// Built when read: boards and alerts ask for queue figures every tick and read no team rows
		// (1,250 of them a window at 25,000 agents). A getter JSON and spreads read like a field.
		get teams(): TeamQueueFigures[] {
			teams ??= kept
				? [...kept.teamRows().list]
				: teamRollUps(floor, queueListRollUps(floor, new Map(parts.map((p) => [p.config.queueId, p])))).list;
			return teams;
		},
		span: resolved.span,
		shift: resolved.shift
	};
}

/**
 * The roll-up of each set-up team's queues over the window, by position in the set-up's teams (null
 * for a team none of whose queues is known): what team views carry. Teams on the same queues share one
 * row, named after its queues; `queueFigures(...).teams` has the same figures as one row per team.
 */
export function teamQueueRollUpsBySetup(
	floor: Floor,
	resolved: ResolvedWindow,
	nowMs: number
): readonly (QueueFigures | null)[] {
	return windowParts(floor, resolved, nowMs).listRollUps().bySetup;
}

interface TeamRows {
	list: TeamQueueFigures[];
	bySetup: (TeamQueueFigures | null)[];
}

interface WindowParts {
	key: string;
	/** Every queue of the floor, in order. */
	all: Part[];
	byQueue: Map<string, Part>;
	listRollUps: () => ListRollUps;
	teamRows: () => TeamRows;
}

/**
 * What queries at one query time and floor state share: each window's parts, and the live waiting
 * figures (the same for every window). Replaced at the first query of another time or state, so the
 * rows of a tick do not outlive it (or get copied by the collector).
 */
interface TickParts {
	nowMs: number;
	eventsApplied: number;
	byWindow: Map<string, WindowParts>;
	waiting: Map<string, Waiting> | null;
}

const partsCache = new WeakMap<Floor, TickParts>();

export function forgetWindowParts(floor: Floor): void {
	partsCache.delete(floor);
}

function tickParts(floor: Floor, nowMs: number): TickParts {
	let kept = partsCache.get(floor);
	if (!kept || kept.nowMs !== nowMs || kept.eventsApplied !== floor.eventsApplied) {
		kept = { nowMs, eventsApplied: floor.eventsApplied, byWindow: new Map(), waiting: null };
		partsCache.set(floor, kept);
	}
	return kept;
}

/**
 * Every queue's counts and live figures over the window at `nowMs`, and the team roll-ups over them,
 * kept for that window, query time and floor state: a tick asks for queue figures and team views of
 * the same window, and both read these (the team rows are shared between them: read them only).
 */
function windowParts(floor: Floor, resolved: ResolvedWindow, nowMs: number): WindowParts {
	const byWindow = tickParts(floor, nowMs).byWindow;
	const windowKey = resolved.shift ? `${resolved.window}:${resolved.shift.shiftId}` : resolved.window;
	// Query time and floor state are the tick's; within it, a new queue (seen by no event: a setting)
	// or a different span still asks for new parts.
	const key = `${resolved.span?.startMs}|${floor.queues.size}`;
	const cached = byWindow.get(windowKey);
	if (cached && cached.key === key && configsCurrent(floor, cached.all)) return cached;
	const all = queueParts(floor, resolved, nowMs, selectQueues(floor, undefined));
	const byQueue = new Map<string, Part>();
	for (const part of all) byQueue.set(part.config.queueId, part);
	let listRollUps: ListRollUps | null = null;
	let teamRows: TeamRows | null = null;
	const parts: WindowParts = {
		key,
		all,
		byQueue,
		listRollUps: () => (listRollUps ??= queueListRollUps(floor, byQueue)),
		teamRows: () => (teamRows ??= teamRollUps(floor, parts.listRollUps()))
	};
	byWindow.set(windowKey, parts);
	return parts;
}

/** Whether no queue's settings were replaced since the parts were read (settings change without an event). */
function configsCurrent(floor: Floor, parts: readonly Part[]): boolean {
	for (const part of parts) if (floor.queues.get(part.config.queueId)?.config !== part.config) return false;
	return true;
}

function partsOf(floor: Floor, resolved: ResolvedWindow, nowMs: number, queueIds?: string[]): Part[] {
	const kept = windowParts(floor, resolved, nowMs);
	if (!queueIds) return kept.all;
	const ids = selectQueues(floor, queueIds);
	// A queue neither configured nor seen is not kept: its zero figures are worked out on their own.
	const missing = ids.filter((id) => !kept.byQueue.has(id));
	const extra = new Map(queueParts(floor, resolved, nowMs, missing).map((p) => [p.config.queueId, p]));
	return ids.map((id) => kept.byQueue.get(id) ?? extra.get(id)!);
}

function queueParts(floor: Floor, resolved: ResolvedWindow, nowMs: number, queueIds: string[]): Part[] {
	const countsOf = windowCounters(floor, resolved, nowMs);
	const waiting = waitingByQueue(floor, nowMs);
	return queueIds.map((queueId) => ({
		config: queueConfigOf(floor, queueId),
		counters: countsOf(queueId),
		live: waiting.get(queueId) ?? NOT_WAITING
	}));
}

interface ListRollUp {
	group: QueueListGroup;
	counters: QueueCounters;
	live: Waiting;
	channel: Channel | null;
	c: ReturnType<typeof counterFigures>;
}

interface ListRollUps {
	lists: ListRollUp[];
	/** Per set-up team: the roll-up of its queue list, or null when none of its queues is known. */
	bySetup: (QueueFigures | null)[];
}

/**
 * One roll-up per queue list of the set-up's teams over its queues among `byQueue`: forty teams on one
 * after-sales line is the usual shape, and they share one sum and one row.
 */
function queueListRollUps(floor: Floor, byQueue: ReadonlyMap<string, Part>): ListRollUps {
	const bySetup = new Array<QueueFigures | null>(floor.setup.teams.length).fill(null);
	const lists: ListRollUp[] = [];
	const listParts: Part[] = [];
	for (const group of queueListGroups(floor.setup)) {
		listParts.length = 0;
		let channel: Channel | null | undefined;
		for (const queueId of group.queueIds) {
			const part = byQueue.get(queueId);
			if (!part) continue;
			listParts.push(part);
			channel = channel === undefined || channel === part.config.channel ? part.config.channel : null;
		}
		if (listParts.length === 0) continue;
		const { counters, live } = sumParts(listParts);
		const c = counterFigures(counters, 'abandons_negative');
		// Shared by every team on these queues: frozen, so no reader can change another's.
		Object.freeze(c.serviceLevelVariants);
		const row = Object.freeze(rowOf(rollUpIdentity(listName(listParts), channel ?? null), counters, live, c));
		lists.push({ group, counters, live, channel: channel ?? null, c });
		for (const t of group.teamIndexes) bySetup[t] = row;
	}
	return { lists, bySetup };
}

/** A queue list's roll-up is named after its queues ("售后语音 + 售后在线"). */
function listName(parts: readonly Part[]): LocalizedName {
	const zh = parts.map((p) => p.config.name['zh-CN']).join(' + ');
	const en = parts.map((p) => p.config.name.en ?? p.config.name['zh-CN']).join(' + ');
	return { 'zh-CN': zh, en };
}

/** One row per set-up team, with its name and id, over the roll-up of its queue list. */
function teamRollUps(floor: Floor, rollUps: ListRollUps): TeamRows {
	const teams = floor.setup.teams;
	const bySetup = new Array<TeamQueueFigures | null>(teams.length).fill(null);
	for (const { group, counters, live, channel, c } of rollUps.lists) {
		for (const t of group.teamIndexes) {
			const team = teams[t]!;
			const identity = rollUpIdentity(team.name, channel);
			bySetup[t] = rowOf(identity, counters, live, c, team.teamId) as TeamQueueFigures;
		}
	}
	const list: TeamQueueFigures[] = [];
	for (const row of bySetup) if (row) list.push(row);
	return { list, bySetup };
}

interface QueueListGroup {
	queueIds: readonly string[];
	/** Positions in the set-up's teams of the teams listing exactly these queues, in set-up order. */
	teamIndexes: number[];
}

const groupsBySetup = new WeakMap<CentreSetup, QueueListGroup[]>();

/** The set-up's teams grouped by their queue list (worked out once per set-up). */
function queueListGroups(setup: CentreSetup): QueueListGroup[] {
	let groups = groupsBySetup.get(setup);
	if (!groups) {
		const byKey = new Map<string, QueueListGroup>();
		setup.teams.forEach((team, t) => {
			const key = team.queues.join('\n');
			let group = byKey.get(key);
			if (!group) {
				group = { queueIds: team.queues, teamIndexes: [] };
				byKey.set(key, group);
			}
			group.teamIndexes.push(t);
		});
		groups = [...byKey.values()];
		groupsBySetup.set(setup, groups);
	}
	return groups;
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

const NOT_WAITING: Waiting = Object.freeze({
	waiting: 0,
	vipWaiting: 0,
	longestWaitSec: 0,
	longestVipWaitSec: 0
});

/**
 * The live waiting figures of every queue at `nowMs`. The same for every window, so worked out once per
 * query time and floor state and shared by the eight windows of a tick (read-only: frozen).
 */
function waitingByQueue(floor: Floor, nowMs: number): Map<string, Waiting> {
	const kept = tickParts(floor, nowMs);
	if (kept.waiting) return kept.waiting;
	const byQueue = new Map<string, Waiting>();
	for (const [queueId, queue] of floor.queues) {
		if (queue.waiting.size > 0) byQueue.set(queueId, Object.freeze(waitingOf(queue, nowMs)));
	}
	kept.waiting = byQueue;
	return byQueue;
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

/** What names a row: the queue's (or roll-up's) identity fields. */
type RowIdentity = Pick<
	QueueFigures,
	'queueId' | 'name' | 'channel' | 'unconfigured' | 'slThresholdSec' | 'slFormula'
>;

function figures(
	identity: RowIdentity,
	counters: Readonly<QueueCounters>,
	live: Waiting,
	slFormula: SlFormula
): QueueFigures {
	return rowOf(identity, counters, live, counterFigures(counters, slFormula));
}

/**
 * A row; a team's row carries its id (`teamId` is then a string, otherwise left undefined, which JSON
 * leaves out).
 */
function rowOf(
	identity: RowIdentity,
	counters: Readonly<QueueCounters>,
	live: Waiting,
	c: ReturnType<typeof counterFigures>,
	teamId?: string
): QueueFigures {
	// One literal with every field, not spreads: a spread-built object of 40 fields lands in V8's slow
	// dictionary mode and costs ~40 µs, which at 1,400 rows per window was most of a tick. The team id
	// is in the literal too: set afterwards, it cost every one of 10,000 team rows a tick a second
	// allocation for the added property.
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
		repeatRate: c.repeatRate,
		teamId
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
	const { counters, live } = sumParts(parts);
	return figures(rollUpIdentity(name, channel), counters, live, 'abandons_negative');
}

function sumParts(parts: Part[]): { counters: QueueCounters; live: Waiting } {
	const counters = emptyCounters();
	const live: Waiting = { waiting: 0, vipWaiting: 0, longestWaitSec: 0, longestVipWaitSec: 0 };
	for (const part of parts) {
		addCountersInto(counters, part.counters);
		live.waiting += part.live.waiting;
		live.vipWaiting += part.live.vipWaiting;
		live.longestWaitSec = Math.max(live.longestWaitSec, part.live.longestWaitSec);
		live.longestVipWaitSec = Math.max(live.longestVipWaitSec, part.live.longestVipWaitSec);
	}
	return { counters, live };
}

function rollUpIdentity(name: LocalizedName, channel: Channel | null) {
	return {
		queueId: null,
		name,
		channel,
		unconfigured: false,
		slThresholdSec: null,
		slFormula: null
	};
}
