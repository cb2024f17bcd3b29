import { AGENT_TOTAL_FIELDS, type AgentTotals } from '../../shared/metrics/agent-formulas';
import type { DisplayedState } from '../../shared/metrics/figures';
import { noteAgentChanged } from './agent-state';
import { AgentTrail } from './agent-trail';
import { BucketRing } from './bucket-ring';
import type { DayClock, DayRange } from './day-window';
import type { AgentRec, AgentSegment, Floor } from './floor-state';
import { PeriodRows, type PeriodTable } from './period-rows';
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

export function newSegment(floor: Floor, atMs: number): AgentSegment {
	return { sinceMs: atMs, state: 'offline', load: 0, teamId: '', team: floor.teamIndex.of(''), ring: null };
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

/** Adds the packed row at `at` in AGENT_TOTAL_FIELDS order (a ring sum, a period row). */
export function addPackedTotalsInto(target: AgentTotals, packed: Float64Array, at = 0): AgentTotals {
	target.loadMs += packed[at]!;
	target.readyOrLoadedMs += packed[at + 1]!;
	target.staffedMs += packed[at + 2]!;
	target.handled += packed[at + 3]!;
	target.onContactMs += packed[at + 4]!;
	target.wrapUpMs += packed[at + 5]!;
	target.readyMs += packed[at + 6]!;
	target.notReadyMs += packed[at + 7]!;
	return target;
}

/** Adds the row of `index` in `rows` (when anything was counted there) to `target`. */
export function addPeriodRowInto(
	target: AgentTotals,
	rows: PeriodRows | undefined,
	index: number
): AgentTotals {
	return rows?.has(index) ? addPackedTotalsInto(target, rows.values, index * PeriodRows.STRIDE) : target;
}

/** Per-ms rates of the piece being closed (segmentRates), shared by the writes below: no array per piece. */
const rates = new Float64Array(AGENT_TOTAL_FIELDS.length);

/** Adds `rates × ms` to the row of `index` in `rows`. */
function addScaledRow(rows: PeriodRows, index: number, ms: number): void {
	const at = rows.rowAt(index);
	const values = rows.values;
	values[at]! += rates[0]! * ms;
	values[at + 1]! += rates[1]! * ms;
	values[at + 2]! += rates[2]! * ms;
	values[at + 3]! += rates[3]! * ms;
	values[at + 4]! += rates[4]! * ms;
	values[at + 5]! += rates[5]! * ms;
	values[at + 6]! += rates[6]! * ms;
	values[at + 7]! += rates[7]! * ms;
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
	spreadOverPeriods(floor.agentDay, floor.teamDay, floor.dayClock, agent.index, segment.team, fromMs, atMs);
	if (floor.shiftClock.configured) {
		spreadOverPeriods(
			floor.agentShift,
			floor.teamShift,
			floor.shiftClock,
			agent.index,
			segment.team,
			fromMs,
			atMs
		);
	}
	ringOf(floor, segment).spread(fromMs, atMs, rates);
}

/** The day clock (`dayOf`) or the shift clock (`segmentOf`): where a period containing `ms` starts and ends. */
type PeriodClock = Pick<DayClock, 'dayOf'> | Pick<ShiftClock, 'segmentOf'>;

/**
 * Adds the piece [fromMs, toMs) to the agent's and its team's rows of each period it overlaps (nearly
 * always one: the current day, the current segment).
 */
function spreadOverPeriods(
	agentTable: PeriodTable,
	teamTable: PeriodTable,
	clock: PeriodClock,
	agentIndex: number,
	teamIndex: number,
	fromMs: number,
	toMs: number
): void {
	for (let ms = fromMs; ms < toMs;) {
		const period: DayRange = 'dayOf' in clock ? clock.dayOf(ms) : clock.segmentOf(ms);
		const endMs = Math.min(toMs, period.endMs);
		const agentRows = agentTable.rows(period.startMs);
		if (agentRows) addScaledRow(agentRows, agentIndex, endMs - ms);
		const teamRows = teamTable.rows(period.startMs);
		if (teamRows) addScaledRow(teamRows, teamIndex, endMs - ms);
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
export function openSegment(floor: Floor, agent: AgentRec, load: number): void {
	const segment = agent.segment;
	segment.state = agent.displayed;
	segment.load = load;
	if (segment.teamId !== agent.teamId) {
		segment.teamId = agent.teamId;
		segment.team = floor.teamIndex.of(agent.teamId);
		segment.ring = null;
	}
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

/** The bucket ring of the piece's team, created at the team's first closed piece or handled contact. */
function ringOf(floor: Floor, segment: AgentSegment): BucketRing {
	if (segment.ring) return segment.ring;
	let ring = floor.teamRings.get(segment.teamId);
	if (!ring) {
		ring = createTeamRing();
		floor.teamRings.set(segment.teamId, ring);
	}
	segment.ring = ring;
	return ring;
}

/**
 * One handled contact for the agent (and the team of its open piece, which is its team: every change
 * of team opens a new piece), at the time its handle figures are counted.
 */
export function recordAgentHandled(floor: Floor, agent: AgentRec, atMs: number): void {
	noteAgentChanged(floor, agent);
	const { segment } = agent;
	countHandledIn(floor.agentDay, floor.teamDay, floor.dayClock.dayOf(atMs), agent.index, segment.team);
	if (floor.shiftClock.configured) {
		const period = floor.shiftClock.segmentOf(atMs);
		countHandledIn(floor.agentShift, floor.teamShift, period, agent.index, segment.team);
	}
	ringOf(floor, segment).add(atMs, FIELD.handled, 1);
	(agent.trail ??= new AgentTrail(segment.sinceMs, segment.state, segment.load)).addHandled(atMs);
}

function countHandledIn(
	agentTable: PeriodTable,
	teamTable: PeriodTable,
	period: DayRange,
	agentIndex: number,
	teamIndex: number
): void {
	const agentRows = agentTable.rows(period.startMs);
	if (agentRows) agentRows.values[agentRows.rowAt(agentIndex) + FIELD.handled]!++;
	const teamRows = teamTable.rows(period.startMs);
	if (teamRows) teamRows.values[teamRows.rowAt(teamIndex) + FIELD.handled]!++;
}
