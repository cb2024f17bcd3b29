import { AGENT_TOTAL_FIELDS, type AgentTotals } from '../../shared/metrics/agent-formulas';
import type { DisplayedState } from '../../shared/metrics/figures';
import { BucketRing } from './bucket-ring';
import type { DayClock, DayRange } from './day-window';
import type { AgentRec, AgentSegment, Floor } from './floor-state';
import type { PeriodStore } from './period-store';
import type { ShiftClock } from './shift-clock';
import { WINDOW_BUCKET_MS, WINDOW_BUCKETS } from './windows';

/**
 * Agent integrals (∫ load, ∫ ready-or-loaded, staffed and per-state time): each agent's timeline is
 * piecewise constant between its events, so a closed piece is added once, when it ends, to the agent's
 * and its team's day and shift-segment totals and spread over the team's 10 s buckets. Pieces are
 * split at day and segment boundaries, so a call across midnight counts on both sides of it.
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
 * Closes the agent's open piece at `atMs` into the integrals and starts a new one there. A time before
 * the piece's start (an out-of-order event for this agent) closes nothing: the new state then starts
 * where the old one did, never earlier, so no time is counted twice.
 */
export function closeSegment(floor: Floor, agent: AgentRec, atMs: number): void {
	const segment = agent.segment;
	if (atMs <= segment.sinceMs) return;
	const fromMs = Math.max(segment.sinceMs, atMs - LONGEST_USEFUL_MS);
	segment.sinceMs = atMs;
	if (segment.state === 'offline') return;
	segmentRates(segment, rates);
	spreadOverPeriods(
		floor.agentDay,
		floor.teamDay,
		floor.dayClock,
		agent.agentId,
		segment.teamId,
		fromMs,
		atMs
	);
	if (floor.shiftClock.configured) {
		spreadOverPeriods(
			floor.agentShift,
			floor.teamShift,
			floor.shiftClock,
			agent.agentId,
			segment.teamId,
			fromMs,
			atMs
		);
	}
	teamRing(floor, segment.teamId).spread(fromMs, atMs, rates);
}

/** The day clock (`dayOf`) or the shift clock (`segmentOf`): where a period containing `ms` starts and ends. */
type PeriodClock = Pick<DayClock, 'dayOf'> | Pick<ShiftClock, 'segmentOf'>;

/**
 * Adds the piece [fromMs, toMs) to the agent's and its team's totals of each period it overlaps. Agent
 * and team share a period, so each period boundary is looked up once for both.
 */
function spreadOverPeriods(
	agentStore: PeriodStore<AgentTotals>,
	teamStore: PeriodStore<AgentTotals>,
	clock: PeriodClock,
	agentId: string,
	teamId: string,
	fromMs: number,
	toMs: number
): void {
	for (let ms = fromMs; ms < toMs;) {
		const period: DayRange = 'dayOf' in clock ? clock.dayOf(ms) : clock.segmentOf(ms);
		const endMs = Math.min(toMs, period.endMs);
		const agentTotals = agentStore.entry(period.startMs, agentId);
		if (agentTotals) addScaled(agentTotals, rates, endMs - ms);
		const teamTotals = teamStore.entry(period.startMs, teamId);
		if (teamTotals) addScaled(teamTotals, rates, endMs - ms);
		ms = endMs;
	}
}

/** After a change: the new piece runs with the agent's current displayed state, load and team. */
export function openSegment(agent: AgentRec, load: number): void {
	agent.segment.state = agent.displayed;
	agent.segment.load = load;
	agent.segment.teamId = agent.teamId;
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
	const dayStartMs = floor.dayClock.dayOf(atMs).startMs;
	const agentDay = floor.agentDay.entry(dayStartMs, agentId);
	if (agentDay) agentDay.handled++;
	const teamDay = floor.teamDay.entry(dayStartMs, agent.teamId);
	if (teamDay) teamDay.handled++;
	if (floor.shiftClock.configured) {
		const segmentStartMs = floor.shiftClock.segmentOf(atMs).startMs;
		const agentShift = floor.agentShift.entry(segmentStartMs, agentId);
		if (agentShift) agentShift.handled++;
		const teamShift = floor.teamShift.entry(segmentStartMs, agent.teamId);
		if (teamShift) teamShift.handled++;
	}
	teamRing(floor, agent.teamId).add(atMs, FIELD.handled, 1);
}
