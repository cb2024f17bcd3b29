import { AGENT_TOTAL_FIELDS, emptyAgentTotals, type AgentTotals } from '../../shared/metrics/agent-formulas';
import { addPackedTotalsInto, addScaled, addTotalsInto, segmentRates } from './agent-time';
import type { AgentRec, AgentSegment, Floor } from './floor-state';
import type { PeriodStore } from './period-store';
import { WINDOW_BUCKET_MS, type ResolvedWindow } from './windows';

/**
 * Agent integrals over a window, read at `nowMs`: the closed pieces already accumulated (per day, per
 * shift segment or per team bucket) plus the open piece of each agent, clipped to the window. The open
 * piece is what makes a quiet agent's ready time grow between events without any timer.
 */

const rates = new Float64Array(AGENT_TOTAL_FIELDS.length);

/** Adds the part of the open piece inside [startMs, nowMs). */
export function addOpenSegment(
	totals: AgentTotals,
	segment: AgentSegment,
	startMs: number,
	nowMs: number
): void {
	const fromMs = Math.max(segment.sinceMs, startMs);
	if (nowMs <= fromMs || segment.state === 'offline') return;
	addScaled(totals, segmentRates(segment, rates), nowMs - fromMs);
}

function closedFrom(
	store: PeriodStore<AgentTotals>,
	key: string,
	fromMs: number,
	nowMs: number,
	into: AgentTotals
): AgentTotals {
	for (const period of store.periodsStartingIn(fromMs, nowMs)) {
		const t = period.get(key);
		if (t) addTotalsInto(into, t);
	}
	return into;
}

/** Which windows are kept per agent: day and shift (rolling and interval windows are kept per team). */
export function hasAgentTotals(window: ResolvedWindow['window']): window is 'day' | 'shift' | 'now' {
	return window === 'day' || window === 'shift' || window === 'now';
}

/** One agent's totals over `day` or `shift` (zero for `now` and for a shift window with no shift running). */
export function agentTotals(
	floor: Floor,
	agent: AgentRec,
	resolved: ResolvedWindow,
	nowMs: number
): AgentTotals {
	return agentTotalsInto(emptyAgentTotals(), floor, agent, resolved, nowMs);
}

/** agentTotals into a zeroed `totals`: lets a pass over 25,000 agents reuse one object. */
export function agentTotalsInto(
	totals: AgentTotals,
	floor: Floor,
	agent: AgentRec,
	resolved: ResolvedWindow,
	nowMs: number
): AgentTotals {
	const { span, window } = resolved;
	if (!span || window === 'now') return totals;
	if (window === 'day') {
		const day = floor.agentDay.period(span.startMs)?.get(agent.agentId);
		if (day) addTotalsInto(totals, day);
	} else if (window === 'shift') {
		closedFrom(floor.agentShift, agent.agentId, span.startMs, nowMs, totals);
	} else {
		throw new RangeError(`per-agent figures are kept for day and shift, not ${window}`);
	}
	addOpenSegment(totals, agent.segment, span.startMs, nowMs);
	return totals;
}

/** Totals per team over any window: the team's accumulators plus the open pieces of its agents. */
export function teamTotals(floor: Floor, resolved: ResolvedWindow, nowMs: number): Map<string, AgentTotals> {
	const byTeam = new Map<string, AgentTotals>();
	const { span, window } = resolved;
	if (!span || window === 'now') return byTeam;
	const totalsOf = (teamId: string): AgentTotals => {
		let t = byTeam.get(teamId);
		if (!t) {
			t = emptyAgentTotals();
			byTeam.set(teamId, t);
		}
		return t;
	};
	// Inner loops run over every team or agent: plain for…of and written-out adds, no callbacks.
	if (window === 'day') {
		for (const [teamId, t] of floor.teamDay.period(span.startMs) ?? []) addTotalsInto(totalsOf(teamId), t);
	} else if (window === 'shift') {
		for (const period of floor.teamShift.periodsStartingIn(span.startMs, nowMs))
			for (const [teamId, t] of period) addTotalsInto(totalsOf(teamId), t);
	} else {
		const fromIndex = Math.floor(span.startMs / WINDOW_BUCKET_MS);
		const toIndex = Math.floor(nowMs / WINDOW_BUCKET_MS);
		const sum = new Float64Array(AGENT_TOTAL_FIELDS.length);
		for (const [teamId, ring] of floor.teamRings) {
			sum.fill(0);
			ring.sumInto(sum, fromIndex, toIndex);
			addPackedTotalsInto(totalsOf(teamId), sum);
		}
	}
	for (const agent of floor.agents.values()) {
		if (agent.segment.state !== 'offline')
			addOpenSegment(totalsOf(agent.segment.teamId), agent.segment, span.startMs, nowMs);
	}
	return byTeam;
}
