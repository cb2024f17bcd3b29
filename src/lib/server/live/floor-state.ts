import {
	queueConfigFromSetup,
	unconfiguredQueue,
	type CentreSetup,
	type QueueConfig
} from '../../shared/centre/setup';
import type { Channel, SupervisionMode } from '../../shared/contract';
import { emptyCounters, type QueueCounters } from '../../shared/metrics/counters';
import type { DisplayedState } from '../../shared/metrics/figures';
import type { AgentTrail } from './agent-trail';
import type { BucketRing } from './bucket-ring';
import { CustomerMemory } from './customer-memory';
import { RecentContacts } from './recent-contacts';
export type { RecentContact } from './recent-contacts';
import { DayClock } from './day-window';
import { IdMap } from './id-map';
import type { LegMap } from './leg-map';
import { PeriodStore } from './period-store';
import { PeriodTable } from './period-rows';
import { ShiftClock } from './shift-clock';
import { TeamIndex } from './team-index';

/**
 * The live floor: agents, open contacts, queues, and the counts of the day. Mutable by design (one
 * reducer writes, queries read) and deterministic: state depends only on the events applied, never on
 * the clock, so replicas folding the same events agree and a replay rebuilds the same figures.
 */
export interface Floor {
	readonly timeZone: string;
	readonly setup: CentreSetup;
	readonly queues: Map<string, QueueState>;
	/** Every agent seen, by id (an IdMap: looked up on every agent event). */
	readonly agents: IdMap<AgentRec>;
	/** The same agents in the order first seen (agents are never removed): cheap to walk by index. */
	readonly agentList: AgentRec[];
	/**
	 * Agents changed since the figure columns last looked, each once per event: the columns drain it, so
	 * a query after a few hundred events revisits a few hundred agents, not 25,000 (floor-columns.ts).
	 */
	readonly changedAgents: AgentRec[];
	/** Bumped when the change log was dropped for growing unread; whoever reads it then starts over. */
	changeLogResets: number;
	/** Open contacts: waiting, ringing, connected or in wrap-up with someone. */
	readonly contacts: IdMap<ContactRec>;
	/**
	 * Recently finished contacts, oldest first, capped at `limits.recentContacts`: late surveys find their
	 * queue here, and a contact.ended that follows a transfer finds the transferred leg.
	 */
	readonly recentContacts: RecentContacts;
	readonly supervisions: Map<string, SupervisionSession>;
	/** Counts per local day start (epoch ms) and queue; only the last `limits.daysKept` days are kept. */
	readonly dayCounters: PeriodStore<QueueCounters>;
	readonly dayClock: DayClock;
	readonly shiftClock: ShiftClock;
	/** Counts per shift segment (span between consecutive shift starts) and queue; empty without shifts. */
	readonly shiftCounters: PeriodStore<QueueCounters>;
	/** 10 s buckets of the last hour per queue (rolling and interval windows), created on a queue's first count. */
	readonly queueRings: Map<string, BucketRing>;
	/** Agent integrals per local day and per shift segment: rows by agent index and by team index. */
	readonly agentDay: PeriodTable;
	readonly agentShift: PeriodTable;
	readonly teamDay: PeriodTable;
	readonly teamShift: PeriodTable;
	/** Every team seen (on an agent, in the set-up or a query), by dense index. */
	readonly teamIndex: TeamIndex;
	/**
	 * 10 s buckets of the last hour of agent integrals per team (rolling and interval windows); per agent
	 * the same hour is kept sparsely, in `AgentRec.trail`.
	 */
	readonly teamRings: Map<string, BucketRing>;
	/** Customers' recent contacts, for the 48 h repeat rate. */
	readonly customers: CustomerMemory;
	/** Agents per displayed state, kept as states change so centre-wide counts cost nothing. */
	readonly tally: AgentTally;
	/** Events that made no sense where they arrived, by kind; applied as far as sensible, never fatal. */
	readonly anomalies: Record<string, number>;
	/** Events stamped further ahead of the receive clock than `limits.maxAheadMs` (brought back to it). */
	readonly clockSkew: ClockSkew;
	readonly limits: FloorLimits;
	/** Event time of the newest event applied (after bounding a clock running ahead). */
	lastEventTs: number | null;
	eventsApplied: number;
	/** Where the idle-trail sweep stands: the next index of `agentList`, and the last bucket of event time it ran in. */
	readonly trailSweep: { next: number; bucket: number };
}

export interface ClockSkew {
	/** Events whose `ts` was beyond the receive clock plus `maxAheadMs`. */
	aheadEvents: number;
	/** The furthest ahead seen, ms beyond the receive clock; 0 when none. */
	maxAheadMs: number;
	/** Source of the last such event: the clock to fix. */
	lastSource: string | null;
}

export interface FloorLimits {
	recentContacts: number;
	/** Today, yesterday (replays and late events around midnight) and one spare for clock skew. */
	daysKept: number;
	/** Open supervision sessions; the oldest is forgotten beyond this, should its end never come. */
	supervisions: number;
	/**
	 * Sightings (contacts with a customerId) remembered for the 48 h repeat rate, about 65 bytes each
	 * besides the ids, so at most this many customers; the least recently seen customer is forgotten first.
	 */
	customers: number;
	/** Shift segments kept: two days of up to 7 shift starts, plus spares for late events. */
	shiftSegmentsKept: number;
	/**
	 * How far ahead of the receive clock an event's `ts` may be. Beyond it the event is taken as
	 * happening at the receive clock plus this much: one source with a wrong clock must not move the
	 * floor's time into the future, where every sliding window would wait for it to come true.
	 */
	maxAheadMs: number;
}

export const DEFAULT_FLOOR_LIMITS: FloorLimits = {
	recentContacts: 200_000,
	daysKept: 3,
	supervisions: 10_000,
	customers: 500_000,
	shiftSegmentsKept: 16,
	maxAheadMs: 5_000
};

export interface QueueState {
	config: QueueConfig;
	/** Position in the set-up; queues seen only in events sort after, by id. */
	order: number;
	/** Contacts waiting (queued or ringing, not yet answered) in this queue. */
	waiting: Set<ContactRec>;
}

/**
 * The agent's current piece of a piecewise-constant timeline: since `sinceMs` its displayed state and
 * load have been these. Each change closes the piece into the agent's and team's integrals; a query
 * adds the open piece up to the query time, so nothing needs a timer.
 */
export interface AgentSegment {
	sinceMs: number;
	state: DisplayedState;
	load: number;
	teamId: string;
	/** The team's index in `Floor.teamIndex` and its bucket ring (null until first used): found once per team change, not per event. */
	team: number;
	ring: BucketRing | null;
}

export interface AgentCapacity {
	voice: number;
	chat: number;
	email: number;
}

export interface AgentRec {
	agentId: string;
	name: string;
	teamId: string;
	queues: string[];
	capacity: AgentCapacity;
	/** False for an agent known only from contact events (no login or snapshot seen). */
	introduced: boolean;
	loggedIn: boolean;
	ownState: 'ready' | 'not_ready';
	/** Not-ready reason as sent ('' when none); null when ready. */
	reason: string | null;
	ownSinceMs: number;
	/** The agent's legs of open contacts (ringing, talking, held, wrap-up), by contactId. */
	legs: LegMap;
	displayed: DisplayedState;
	/** Reason of the displayed not-ready state, else null. */
	displayedReason: string | null;
	displayedSinceMs: number;
	segment: AgentSegment;
	/**
	 * The agent's last hour of integrals and handled contacts (its rolling and interval figures); null
	 * until a non-offline piece closes, and again after an hour without change, when the open piece alone
	 * covers every window.
	 */
	trail: AgentTrail | null;
	/** Position in `floor.agentList`. */
	readonly index: number;
	/** `floor.eventsApplied` of the last event that changed the agent's state, load or figures. */
	changedAt: number;
}

export type LegStatus = 'ringing' | 'talking' | 'held' | 'wrapup' | 'transferred';

/** One agent's part in one contact; a transferred contact has a leg per agent. */
export interface Leg {
	contactId: string;
	agentId: string;
	/** The agent record itself (agents are never removed): no look-up by id on every leg change. */
	agent: AgentRec;
	/** Queue credited with the handle figures: the one the contact was answered from. */
	queueId: string;
	channel: Channel;
	vip: boolean;
	status: LegStatus;
	sinceMs: number;
	answeredAtMs: number | null;
	holdStartMs: number | null;
	holdMs: number;
	endedAtMs: number | null;
	/** Talk and hold already counted (at a transfer); only the wrap-up remains. */
	handleCounted: boolean;
	/** False when the leg was rebuilt from a snapshot: its start is unknown, so it adds no handle figures. */
	timingKnown: boolean;
}

export interface Offer {
	queueId: string;
	queuedAtMs: number;
}

export interface ContactRec {
	contactId: string;
	channel: Channel;
	vip: boolean;
	customerId: string | null;
	/** Whether the customer had another contact queued in the 48 h before; null until a customerId is known. */
	repeat: boolean | null;
	/** The queue of the latest offer (current while waiting). */
	queueId: string;
	/** The open queue offer while the contact waits (queued or ringing); null once it has an outcome. */
	offer: Offer | null;
	/** Legs by agentId, including transferred legs that may still get a contact.ended. */
	legs: LegMap;
	/** Supervision sessions on this contact, dropped with it. */
	sessions: Set<string> | null;
}

export interface SupervisionSession {
	supervisorId: string;
	agentId: string;
	contactId: string;
	mode: SupervisionMode;
	sinceMs: number;
	modeSinceMs: number;
}

export interface AgentTally {
	byState: Record<DisplayedState, number>;
	/** Not-ready agents by reason ('' when none); entries at 0 are removed. */
	notReadyByReason: Map<string, number>;
}

export interface FloorOptions {
	/** IANA zone of the centre, e.g. 'Asia/Shanghai'; the `day` window starts at its local midnight. */
	timeZone: string;
	limits?: Partial<FloorLimits>;
}

export function createFloor(setup: CentreSetup, options: FloorOptions): Floor {
	const queues = new Map<string, QueueState>();
	setup.queues.forEach((q, order) => {
		queues.set(q.queueId, { config: queueConfigFromSetup(q), order, waiting: new Set() });
	});
	const limits = { ...DEFAULT_FLOOR_LIMITS, ...options.limits };
	return {
		timeZone: options.timeZone,
		setup,
		queues,
		agents: new IdMap(),
		agentList: [],
		changedAgents: [],
		changeLogResets: 0,
		contacts: new IdMap(),
		recentContacts: new RecentContacts(limits.recentContacts),
		supervisions: new Map(),
		dayCounters: new PeriodStore(limits.daysKept, emptyCounters),
		dayClock: new DayClock(options.timeZone),
		shiftClock: new ShiftClock(setup.shifts, options.timeZone),
		shiftCounters: new PeriodStore(limits.shiftSegmentsKept, emptyCounters),
		queueRings: new Map(),
		agentDay: new PeriodTable(limits.daysKept),
		agentShift: new PeriodTable(limits.shiftSegmentsKept),
		teamDay: new PeriodTable(limits.daysKept),
		teamShift: new PeriodTable(limits.shiftSegmentsKept),
		teamIndex: new TeamIndex(),
		teamRings: new Map(),
		customers: new CustomerMemory(limits.customers),
		tally: {
			byState: { on_contact: 0, wrap_up: 0, ready: 0, not_ready: 0, offline: 0 },
			notReadyByReason: new Map()
		},
		anomalies: {},
		clockSkew: { aheadEvents: 0, maxAheadMs: 0, lastSource: null },
		limits,
		lastEventTs: null,
		eventsApplied: 0,
		trailSweep: { next: 0, bucket: Number.NEGATIVE_INFINITY }
	};
}

export function noteAnomaly(floor: Floor, kind: string): void {
	floor.anomalies[kind] = (floor.anomalies[kind] ?? 0) + 1;
}

/** Configured settings, or the defaults of an unconfigured queue (voice when never seen). */
export function queueConfigOf(floor: Floor, queueId: string): QueueConfig {
	return floor.queues.get(queueId)?.config ?? unconfiguredQueue(queueId, 'voice');
}

/** The queue's state; a queue first seen in an event is tracked with defaults for its channel. */
export function ensureQueue(floor: Floor, queueId: string, channel: Channel): QueueState {
	let queue = floor.queues.get(queueId);
	if (!queue) {
		queue = {
			config: unconfiguredQueue(queueId, channel),
			order: Number.POSITIVE_INFINITY,
			waiting: new Set()
		};
		floor.queues.set(queueId, queue);
	}
	return queue;
}

/** The day's counters of the local day containing `nowMs` (empty map once midnight has passed). */
export function dayCountersAt(floor: Floor, nowMs: number): ReadonlyMap<string, QueueCounters> {
	return floor.dayCounters.period(floor.dayClock.dayOf(nowMs).startMs) ?? EMPTY_DAY;
}

const EMPTY_DAY: ReadonlyMap<string, QueueCounters> = new Map();
