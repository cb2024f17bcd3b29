import { AGENT_TOTAL_FIELDS, type AgentTotals } from '../../shared/metrics/agent-formulas';
import type { DisplayedState } from '../../shared/metrics/figures';
import { BucketRing } from './bucket-ring';
import type { DayRange } from './day-window';
import type { AgentRec, AgentSegment, Floor } from './floor-state';
import type { PeriodStore } from './period-store';
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

/** Adds `rates × ms` to `totals`. */
export function addScaled(totals: AgentTotals, rates: Float64Array, ms: number): void {
	for (let f = 0; f < AGENT_TOTAL_FIELDS.length; f++) {
		const rate = rates[f]!;
		if (rate !== 0) totals[AGENT_TOTAL_FIELDS[f]!] += rate * ms;
	}
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
	spreadOverPeriods(floor.agentDay, (ms) => floor.dayClock.dayOf(ms), agent.agentId, fromMs, atMs);
	spreadOverPeriods(floor.teamDay, (ms) => floor.dayClock.dayOf(ms), segment.teamId, fromMs, atMs);
	if (floor.shiftClock.configured) {
		const segmentOf = (ms: number) => floor.shiftClock.segmentOf(ms);
		spreadOverPeriods(floor.agentShift, segmentOf, agent.agentId, fromMs, atMs);
		spreadOverPeriods(floor.teamShift, segmentOf, segment.teamId, fromMs, atMs);
	}
	teamRing(floor, segment.teamId).spread(fromMs, atMs, rates);
}

function spreadOverPeriods(
	store: PeriodStore<AgentTotals>,
	periodOf: (ms: number) => DayRange,
	key: string,
	fromMs: number,
	toMs: number
): void {
	for (let ms = fromMs; ms < toMs;) {
		const period = periodOf(ms);
		const endMs = Math.min(toMs, period.endMs);
		const totals = store.entry(period.startMs, key);
		if (totals) addScaled(totals, rates, endMs - ms);
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
