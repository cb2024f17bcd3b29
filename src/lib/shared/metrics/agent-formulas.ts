import { ratio } from './formulas';
import type { AgentWindowFigures } from './figures';

/**
 * The raw integrals behind the agent figures, kept per agent or team and per span of time. Every field
 * is a sum, so spans and agents merge by adding (a team is the sum of its agents, a rolling window the
 * sum of its buckets). Times are milliseconds: integrals of piecewise-constant states between events.
 */
export interface AgentTotals {
	/** ∫ load dt. */
	loadMs: number;
	/** ∫ [ready or loaded] dt. */
	readyOrLoadedMs: number;
	/** ∫ [staffed] dt. */
	staffedMs: number;
	handled: number;
	onContactMs: number;
	wrapUpMs: number;
	readyMs: number;
	notReadyMs: number;
}

/** Field order of packed buckets (see COUNTER_FIELDS). */
export const AGENT_TOTAL_FIELDS = [
	'loadMs',
	'readyOrLoadedMs',
	'staffedMs',
	'handled',
	'onContactMs',
	'wrapUpMs',
	'readyMs',
	'notReadyMs'
] as const satisfies readonly (keyof AgentTotals)[];

export function emptyAgentTotals(): AgentTotals {
	return {
		loadMs: 0,
		readyOrLoadedMs: 0,
		staffedMs: 0,
		handled: 0,
		onContactMs: 0,
		wrapUpMs: 0,
		readyMs: 0,
		notReadyMs: 0
	};
}

export function addAgentTotalsInto(target: AgentTotals, source: Readonly<AgentTotals>): AgentTotals {
	for (const field of AGENT_TOTAL_FIELDS) target[field] += source[field];
	return target;
}

const HOUR_MS = 3_600_000;

/** Occupancy = ∫ load ÷ ∫ (ready or loaded); not-ready time is in neither. */
export function occupancy(t: Readonly<AgentTotals>): number | null {
	return ratio(t.loadMs, t.readyOrLoadedMs);
}

/** Utilization = ∫ load ÷ staffed time. */
export function utilization(t: Readonly<AgentTotals>): number | null {
	return ratio(t.loadMs, t.staffedMs);
}

/** CPH = handled ÷ staffed hours. */
export function cph(t: Readonly<AgentTotals>): number | null {
	return ratio(t.handled, t.staffedMs / HOUR_MS);
}

export function agentWindowFigures(t: Readonly<AgentTotals>): AgentWindowFigures {
	return {
		handled: t.handled,
		staffedSec: t.staffedMs / 1000,
		readyOrLoadedSec: t.readyOrLoadedMs / 1000,
		loadSec: t.loadMs / 1000,
		occupancy: occupancy(t),
		utilization: utilization(t),
		cph: cph(t),
		stateSec: {
			on_contact: t.onContactMs / 1000,
			wrap_up: t.wrapUpMs / 1000,
			ready: t.readyMs / 1000,
			not_ready: t.notReadyMs / 1000
		}
	};
}
