import { AGENT_TOTAL_FIELDS, emptyAgentTotals, type AgentTotals } from '../../shared/metrics/agent-formulas';
import { agentTotalsInto } from './agent-figures';
import { addPeriodRowInto, packTotalsInto } from './agent-time';
import { floorColumns, OFFLINE_CODE, READY_CODE } from './floor-columns';
import type { AgentRec, Floor } from './floor-state';
import { WINDOW_BUCKET_MS, type ResolvedWindow } from './windows';

/**
 * Every agent's figures over one window, with the part that only events change kept between queries.
 *
 * An agent's totals over a window are its closed pieces inside the window (day or shift totals, or two
 * look-ups in its trail) plus its open piece up to the query time. The closed part changes only when
 * the agent does or the window starts afresh, so it is kept per agent and window and recomputed for
 * the agents the floor's change log names (~1,000 per tick at 5,000 events/s) or, when the window's
 * start moves (a new day, interval or shift; a rolling window every 10 s), for all. The open part is a
 * few multiplications on the floor columns. So a tick's 25,000 agent figures of the day cost the
 * changed agents' look-ups and one pass over typed arrays, not 25,000 Map look-ups and cache misses.
 *
 * A query before an agent's last change (a replay, a report of the past) reads that agent the cold
 * way (agentTotalsInto), so every answer is the one the cold path gives.
 */

const FIELDS = AGENT_TOTAL_FIELDS.length;
const FIRST_STATE_FIELD = AGENT_TOTAL_FIELDS.indexOf('onContactMs');

interface WindowTable {
	startMs: number;
	/** Per agent, packed in AGENT_TOTAL_FIELDS order: the closed part over the window. */
	closed: Float64Array;
	/** Per agent: the columns' `changedAt` the closed part was computed from; NaN when not computed. */
	closedFrom: Float64Array;
	/** The last answer (per agent, packed): reused as the output buffer. */
	totals: Float64Array;
}

const tables = new WeakMap<Floor, Map<string, WindowTable>>();

export interface AgentWindowTotals {
	/** Agents covered: the first `count` of `floor.agentList`. */
	count: number;
	/** Per agent (index as in `floor.agentList`), packed in AGENT_TOTAL_FIELDS order; valid until the next call. */
	totals: Float64Array;
}

/**
 * Every agent's totals over `resolved` read at `nowMs`, from the kept closed parts plus the open pieces;
 * with `only`, just those agents' rows are brought up to date (a console's team, every tick).
 */
export function agentWindowTotals(
	floor: Floor,
	resolved: ResolvedWindow,
	nowMs: number,
	only?: readonly AgentRec[]
): AgentWindowTotals {
	const columns = floorColumns(floor);
	const n = columns.count;
	const table = tableFor(floor, resolved, n);
	const { totals, closed, closedFrom } = table;
	const { span } = resolved;
	if (!span || resolved.window === 'now') {
		totals.fill(0, 0, n * FIELDS);
		return { count: n, totals };
	}
	// Not a shortcut: the same window key can move to a later start (a new day or interval).
	if (table.startMs !== span.startMs) {
		table.startMs = span.startMs;
		closedFrom.fill(Number.NaN);
	}
	const startMs = span.startMs;
	const { sinceMs, state, load, latestMs, changedAt } = columns;
	const agents = floor.agentList;
	const scratch = emptyAgentTotals();
	const m = only ? only.length : n;
	for (let k = 0; k < m; k++) {
		const i = only ? only[k]!.index : k;
		if (i >= n) continue;
		const at = i * FIELDS;
		if (nowMs < latestMs[i]!) {
			// Asked about a time before the agent's last change: the cold way, and nothing kept.
			resetTotals(scratch);
			packTotalsInto(agentTotalsInto(scratch, floor, agents[i]!, resolved, nowMs), totals, at);
			closedFrom[i] = Number.NaN;
			continue;
		}
		if (closedFrom[i] !== changedAt[i]) {
			resetTotals(scratch);
			packTotalsInto(closedInto(scratch, floor, agents[i]!, resolved), closed, at);
			closedFrom[i] = changedAt[i]!;
		}
		for (let f = 0; f < FIELDS; f++) totals[at + f] = closed[at + f]!;
		const code = state[i]!;
		if (code === OFFLINE_CODE) continue;
		const ms = nowMs - (sinceMs[i]! > startMs ? sinceMs[i]! : startMs);
		if (ms <= 0) continue;
		const agentLoad = load[i]!;
		totals[at]! += agentLoad * ms;
		if (agentLoad > 0 || code === READY_CODE) totals[at + 1]! += ms;
		totals[at + 2]! += ms;
		totals[at + FIRST_STATE_FIELD + code]! += ms;
	}
	return { count: n, totals };
}

/** Drops the kept closed parts: for measuring a cold start. */
export function forgetAgentTables(floor: Floor): void {
	tables.delete(floor);
}

/** The agent's closed pieces inside the window (everything but the open piece), valid from its last change on. */
function closedInto(
	totals: AgentTotals,
	floor: Floor,
	agent: AgentRec,
	resolved: ResolvedWindow
): AgentTotals {
	const { span, window } = resolved;
	if (!span) return totals;
	if (window === 'day') {
		addPeriodRowInto(totals, floor.agentDay.period(span.startMs), agent.index);
	} else if (window === 'shift') {
		// Every segment from the shift's start on: the agent's closed pieces all end by its last change.
		for (const period of floor.agentShift.periodsStartingIn(span.startMs, Number.POSITIVE_INFINITY)) {
			addPeriodRowInto(totals, period, agent.index);
		}
	} else {
		agent.trail?.addClosedSinceInto(totals, Math.floor(span.startMs / WINDOW_BUCKET_MS));
	}
	return totals;
}

function tableFor(floor: Floor, resolved: ResolvedWindow, n: number): WindowTable {
	let byWindow = tables.get(floor);
	if (!byWindow) {
		byWindow = new Map();
		tables.set(floor, byWindow);
	}
	const key = resolved.shift ? `${resolved.window}:${resolved.shift.shiftId}` : resolved.window;
	let table = byWindow.get(key);
	if (!table || table.closedFrom.length < n) {
		const capacity = Math.max(n, (table?.closedFrom.length ?? 0) * 2, 1024);
		const grown: WindowTable = {
			startMs: table?.startMs ?? Number.NaN,
			closed: new Float64Array(capacity * FIELDS),
			closedFrom: new Float64Array(capacity).fill(Number.NaN),
			totals: new Float64Array(capacity * FIELDS)
		};
		if (table) {
			grown.closed.set(table.closed);
			grown.closedFrom.set(table.closedFrom);
		}
		table = grown;
		byWindow.set(key, table);
	}
	return table;
}

export function resetTotals(t: AgentTotals): void {
	t.loadMs = 0;
	t.readyOrLoadedMs = 0;
	t.staffedMs = 0;
	t.handled = 0;
	t.onContactMs = 0;
	t.wrapUpMs = 0;
	t.readyMs = 0;
	t.notReadyMs = 0;
}
