import { AGENT_TOTAL_FIELDS, type AgentTotals } from '../../shared/metrics/agent-formulas';
import type { DisplayedState } from '../../shared/metrics/figures';
import { noteAgentChanged } from './agent-state';
import { AgentTrail } from './agent-trail';
import { BucketRing } from './bucket-ring';
import type { DayClock, DayRange } from './day-window';
import type { AgentRec, AgentSegment, Floor } from './floor-state';
import type { PeriodStore } from './period-store';
import type { ShiftClock } from './shift-clock';
import { WINDOW_BUCKET_MS, WINDOW_BUCKETS } from './windows';

/**
 * Agent integrals (∫ load, ∫ ready-or-loaded, staffed and per-state time): each agent's timeline is
 * piecewise constant between its events, so a closed piece is added once, when it ends, to the agent's
 * and its team's day and shift-segment totals, spread over the team's 10 s buckets and noted in the
 * agent's trail (its own last hour). Pieces are split at day and segment boundaries, so a call across
 * midnight counts on both sides of it.
 */

const FIELD = Object.fromEntries(AGENT_TOTAL_FIELDS.map((f, i) => [f, i])) as Record<
	keyof AgentTotals,
	number
>;
const STATE_FIELD: Record<Exclude<DisplayedState, 'offline'>, keyof AgentTotals> = {
	on_contact: 'onContactMs',
	wrap_up: 'wrapUpMs',
	ready: 'readyMs',
	not_ready: 'notReadyMs'
};
/** A closed piece older than this (relative to its end) is in no kept day or segment: not walked. */
const LONGEST_USEFUL_MS = 3 * 26 * 3_600_000;

export function createTeamRing(): BucketRing {
	return new BucketRing({
		bucketMs: WINDOW_BUCKET_MS,
		buckets: WINDOW_BUCKETS,
		fields: AGENT_TOTAL_FIELDS.length
	});
}

export function newSegment(atMs: number): AgentSegment {
	return { sinceMs: atMs, state: 'offline', load: 0, teamId: '' };
}

/** Per-ms rates of a piece, one per AGENT_TOTAL_FIELDS entry (handled is a count, never a rate). */
export function segmentRates(segment: AgentSegment, into: Float64Array): Float64Array {
	into.fill(0);
	if (segment.state === 'offline') return into;
	into[FIELD.loadMs] = segment.load;
	into[FIELD.readyOrLoadedMs] = segment.load > 0 || segment.state === 'ready' ? 1 : 0;
	into[FIELD.staffedMs] = 1;
	into[FIELD[STATE_FIELD[segment.state]]] = 1;
	return into;
}

/**
 * Adds `rates × ms` to `totals`. Written out field by field: a loop over the field names is a keyed
 * store per field, and this runs several times for every agent event.
 */
export function addScaled(totals: AgentTotals, rates: Float64Array, ms: number): void {
	totals.loadMs += rates[0]! * ms;
	totals.readyOrLoadedMs += rates[1]! * ms;
	totals.staffedMs += rates[2]! * ms;
	totals.handled += rates[3]! * ms;
	totals.onContactMs += rates[4]! * ms;
	totals.wrapUpMs += rates[5]! * ms;
	totals.readyMs += rates[6]! * ms;
	totals.notReadyMs += rates[7]! * ms;
}

/** addAgentTotalsInto written out, for the per-agent and per-team loops of every query. */
export function addTotalsInto(target: AgentTotals, source: Readonly<AgentTotals>): AgentTotals {
	target.loadMs += source.loadMs;
	target.readyOrLoadedMs += source.readyOrLoadedMs;
	target.staffedMs += source.staffedMs;
	target.handled += source.handled;
	target.onContactMs += source.onContactMs;
	target.wrapUpMs += source.wrapUpMs;
	target.readyMs += source.readyMs;
	target.notReadyMs += source.notReadyMs;
	return target;
}

/** Sets `target` from the packed row at `at` (AGENT_TOTAL_FIELDS order): a table or team row as totals. */
export function unpackTotalsInto(target: AgentTotals, packed: Float64Array, at: number): AgentTotals {
	target.loadMs = packed[at]!;
	target.readyOrLoadedMs = packed[at + 1]!;
	target.staffedMs = packed[at + 2]!;
	target.handled = packed[at + 3]!;
	target.onContactMs = packed[at + 4]!;
	target.wrapUpMs = packed[at + 5]!;
	target.readyMs = packed[at + 6]!;
	target.notReadyMs = packed[at + 7]!;
	return target;
}

/** Writes `totals` as a packed row at `at` (AGENT_TOTAL_FIELDS order). */
export function packTotalsInto(totals: Readonly<AgentTotals>, into: Float64Array, at: number): void {
	into[at] = totals.loadMs;
	into[at + 1] = totals.readyOrLoadedMs;
	into[at + 2] = totals.staffedMs;
	into[at + 3] = totals.handled;
	into[at + 4] = totals.onContactMs;
	into[at + 5] = totals.wrapUpMs;
	into[at + 6] = totals.readyMs;
	into[at + 7] = totals.notReadyMs;
}

/** Adds a packed row in AGENT_TOTAL_FIELDS order (a ring sum). */
export function addPackedTotalsInto(target: AgentTotals, packed: Float64Array): AgentTotals {
	target.loadMs += packed[0]!;
	target.readyOrLoadedMs += packed[1]!;
	target.staffedMs += packed[2]!;
	target.handled += packed[3]!;
	target.onContactMs += packed[4]!;
	target.wrapUpMs += packed[5]!;
	target.readyMs += packed[6]!;
	target.notReadyMs += packed[7]!;
	return target;
}

const rates = new Float64Array(AGENT_TOTAL_FIELDS.length);

/**
 * The accumulators of the period (local day or shift segment) an agent's pieces last went into, kept on
 * the agent so that nearly every event writes them without a look-up by agent and team id (four keyed
 * Map look-ups per change at 25,000 agents were a tenth of the apply path). A period the store has
 * already dropped is remembered as null, exactly as the store would answer.
 */
export interface PeriodSink {
	startMs: number;
	endMs: number;
	agent: AgentTotals | null;
	team: AgentTotals | null;
}

export interface AgentSinks {
	/** The team the sinks are for; a different team means look-ups again. */
	teamId: string;
	day: PeriodSink;
	shift: PeriodSink;
	ring: BucketRing | null;
}

export function newSinks(): AgentSinks {
	return { teamId: '', day: emptySink(), shift: emptySink(), ring: null };
}

function emptySink(): PeriodSink {
	return { startMs: Number.POSITIVE_INFINITY, endMs: Number.NEGATIVE_INFINITY, agent: null, team: null };
}

/** The agent's sinks for `teamId`, forgotten when the team changed. */
function sinksFor(floor: Floor, agent: AgentRec, teamId: string): AgentSinks {
	const sinks = agent.sinks;
	if (sinks.teamId !== teamId || sinks.ring === null) {
		sinks.teamId = teamId;
		sinks.day = emptySink();
		sinks.shift = emptySink();
		sinks.ring = teamRing(floor, teamId);
	}
	return sinks;
}

/**
 * Closes the agent's open piece at `atMs` into the integrals and starts a new one there. A time before
 * the piece's start (an out-of-order event for this agent) closes nothing: the new state then starts
 * where the old one did, never earlier, so no time is counted twice.
 */
export function closeSegment(floor: Floor, agent: AgentRec, atMs: number): void {
	const segment = agent.segment;
	if (atMs <= segment.sinceMs) return;
	const fromMs = Math.max(segment.sinceMs, atMs - LONGEST_USEFUL_MS);
	closeTrail(agent, atMs);
	segment.sinceMs = atMs;
	if (segment.state === 'offline') return;
	segmentRates(segment, rates);
	const sinks = sinksFor(floor, agent, segment.teamId);
	spreadOverPeriods(
		floor.agentDay,
		floor.teamDay,
		floor.dayClock,
		agent.agentId,
		segment.teamId,
		fromMs,
		atMs,
		sinks.day
	);
	if (floor.shiftClock.configured) {
		spreadOverPeriods(
			floor.agentShift,
			floor.teamShift,
			floor.shiftClock,
			agent.agentId,
			segment.teamId,
			fromMs,
			atMs,
			sinks.shift
		);
	}
	sinks.ring!.spread(fromMs, atMs, rates);
}

/** The day clock (`dayOf`) or the shift clock (`segmentOf`): where a period containing `ms` starts and ends. */
type PeriodClock = Pick<DayClock, 'dayOf'> | Pick<ShiftClock, 'segmentOf'>;

/**
 * Adds the piece [fromMs, toMs) to the agent's and its team's totals of each period it overlaps. Agent
 * and team share a period, so each period boundary is looked up once for both; a piece inside the
 * period of `sink` (nearly every one) goes straight there, and `sink` follows the last period written.
 */
function spreadOverPeriods(
	agentStore: PeriodStore<AgentTotals>,
	teamStore: PeriodStore<AgentTotals>,
	clock: PeriodClock,
	agentId: string,
	teamId: string,
	fromMs: number,
	toMs: number,
	sink: PeriodSink
): void {
	if (fromMs >= sink.startMs && toMs <= sink.endMs) {
		if (sink.agent) addScaled(sink.agent, rates, toMs - fromMs);
		if (sink.team) addScaled(sink.team, rates, toMs - fromMs);
		return;
	}
	for (let ms = fromMs; ms < toMs;) {
		const period: DayRange = 'dayOf' in clock ? clock.dayOf(ms) : clock.segmentOf(ms);
		const endMs = Math.min(toMs, period.endMs);
		const agentTotals = agentStore.entry(period.startMs, agentId);
		if (agentTotals) addScaled(agentTotals, rates, endMs - ms);
		const teamTotals = teamStore.entry(period.startMs, teamId);
		if (teamTotals) addScaled(teamTotals, rates, endMs - ms);
		sink.startMs = period.startMs;
		sink.endMs = period.endMs;
		sink.agent = agentTotals;
		sink.team = teamTotals;
		ms = endMs;
	}
}

/**
 * The trail's side of closeSegment, before the segment moves on. A trail with nothing left inside the
 * hour starts afresh from the closing piece (its memory goes back); an agent with no trail gets one
 * when its first non-offline piece closes, since until then every window sees only the open piece.
 */
function closeTrail(agent: AgentRec, atMs: number): void {
	const { segment } = agent;
	if (agent.trail && agent.trail.staleAt(atMs)) {
		agent.trail.release();
		agent.trail = null;
	}
	if (!agent.trail) {
		if (segment.state === 'offline') return;
		agent.trail = new AgentTrail(segment.sinceMs, segment.state, segment.load);
	}
	agent.trail.close(atMs);
}

/** After a change: the new piece runs with the agent's current displayed state, load and team. */
export function openSegment(agent: AgentRec, load: number): void {
	agent.segment.state = agent.displayed;
	agent.segment.load = load;
	agent.segment.teamId = agent.teamId;
	agent.trail?.setPiece(agent.displayed, load);
}

/**
 * Frees the trails an hour of quiet has emptied (an agent gone home keeps no hour of rows overnight).
 * Each new 10 s bucket of event time visits the next 1/360 of the agents, so every agent is looked at
 * once an hour of event time, at a cost of a few dozen visits per 10 s rather than one cache miss per
 * event. Driven by events alone (event time and a cursor), so replicas free the same trails; nothing
 * read at or after the newest event changes, since the open piece then covers the whole hour.
 */
export function sweepIdleTrails(floor: Floor): void {
	const list = floor.agentList;
	const nowMs = floor.lastEventTs;
	if (list.length === 0 || nowMs === null) return;
	const bucket = Math.floor(nowMs / WINDOW_BUCKET_MS);
	if (bucket <= floor.trailSweep.bucket) return;
	floor.trailSweep.bucket = bucket;
	const batch = Math.ceil(list.length / WINDOW_BUCKETS);
	for (let k = 0; k < batch; k++) {
		if (floor.trailSweep.next >= list.length) floor.trailSweep.next = 0;
		const agent = list[floor.trailSweep.next++]!;
		if (agent.trail && agent.trail.staleAt(nowMs)) {
			agent.trail.release();
			agent.trail = null;
		}
	}
}

function teamRing(floor: Floor, teamId: string): BucketRing {
	let ring = floor.teamRings.get(teamId);
	if (!ring) {
		ring = createTeamRing();
		floor.teamRings.set(teamId, ring);
	}
	return ring;
}

/** One handled contact for the agent (and its team), at the time its handle figures are counted. */
export function recordAgentHandled(floor: Floor, agentId: string, atMs: number): void {
	const agent = floor.agents.get(agentId);
	if (!agent) return;
	noteAgentChanged(floor, agent);
	const sinks = sinksFor(floor, agent, agent.teamId);
	countHandledIn(floor.agentDay, floor.teamDay, floor.dayClock.dayOf(atMs), agent, sinks.day, atMs);
	if (floor.shiftClock.configured) {
		const segment = floor.shiftClock.segmentOf(atMs);
		countHandledIn(floor.agentShift, floor.teamShift, segment, agent, sinks.shift, atMs);
	}
	sinks.ring!.add(atMs, FIELD.handled, 1);
	const { segment } = agent;
	(agent.trail ??= new AgentTrail(segment.sinceMs, segment.state, segment.load)).addHandled(atMs);
}

function countHandledIn(
	agentStore: PeriodStore<AgentTotals>,
	teamStore: PeriodStore<AgentTotals>,
	period: DayRange,
	agent: AgentRec,
	sink: PeriodSink,
	atMs: number
): void {
	if (atMs >= sink.startMs && atMs < sink.endMs) {
		if (sink.agent) sink.agent.handled++;
		if (sink.team) sink.team.handled++;
		return;
	}
	const agentTotals = agentStore.entry(period.startMs, agent.agentId);
	if (agentTotals) agentTotals.handled++;
	const teamTotals = teamStore.entry(period.startMs, agent.teamId);
	if (teamTotals) teamTotals.handled++;
}
