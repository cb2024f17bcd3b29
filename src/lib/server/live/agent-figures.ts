import { AGENT_TOTAL_FIELDS, emptyAgentTotals, type AgentTotals } from '../../shared/metrics/agent-formulas';
import { addPackedTotalsInto, addPeriodRowInto, addScaled, segmentRates } from './agent-time';
import type { BucketRing } from './bucket-ring';
import type { AgentRec, AgentSegment, Floor } from './floor-state';
import { floorColumns, OFFLINE_CODE, READY_CODE, type FloorColumns } from './floor-columns';
import type { PeriodRows, PeriodTable } from './period-rows';
import { WINDOWS } from '../../shared/metrics/figures';
import { resolveWindow, WINDOW_BUCKET_MS, type ResolvedWindow } from './windows';

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
	table: PeriodTable,
	index: number,
	fromMs: number,
	nowMs: number,
	into: AgentTotals
): AgentTotals {
	for (const period of table.periodsStartingIn(fromMs, nowMs)) addPeriodRowInto(into, period, index);
	return into;
}

/** One agent's totals over any window (zero for `now` and for a shift window with no shift running). */
export function agentTotals(
	floor: Floor,
	agent: AgentRec,
	resolved: ResolvedWindow,
	nowMs: number
): AgentTotals {
	return agentTotalsInto(emptyAgentTotals(), floor, agent, resolved, nowMs);
}

/**
 * agentTotals into a zeroed `totals`: lets a pass over 25,000 agents reuse one object. Day and shift
 * read the agent's period totals plus the open piece; rolling and interval windows read the agent's
 * trail (two look-ups), or only the open piece when nothing changed for an hour.
 */
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
		addPeriodRowInto(totals, floor.agentDay.period(span.startMs), agent.index);
	} else if (window === 'shift') {
		closedFrom(floor.agentShift, agent.index, span.startMs, nowMs, totals);
	} else if (agent.trail) {
		agent.trail.addWindowInto(
			totals,
			Math.floor(span.startMs / WINDOW_BUCKET_MS),
			Math.floor(nowMs / WINDOW_BUCKET_MS),
			nowMs
		);
		return totals;
	}
	addOpenSegment(totals, agent.segment, span.startMs, nowMs);
	return totals;
}

/** Totals per team over any window: the team's accumulators plus the open pieces of its agents. */
export function teamTotals(floor: Floor, resolved: ResolvedWindow, nowMs: number): Map<string, AgentTotals> {
	const byTeam = new Map<string, AgentTotals>();
	const packed = packedTeamTotals(floor, resolved, nowMs);
	packed.present.forEach((present, t) => {
		if (!present) return;
		const totals = emptyAgentTotals();
		addPackedTotalsInto(totals, packed.totals.subarray(t * STRIDE, (t + 1) * STRIDE));
		byTeam.set(packed.teamIds[t]!, totals);
	});
	return byTeam;
}

export interface PackedTeamTotals {
	teamIds: readonly string[];
	/** Per team index, packed in AGENT_TOTAL_FIELDS order. */
	totals: Float64Array;
	/** Per team index: 1 when the team has accumulators for the window or an agent not offline. */
	present: Uint8Array;
}

/**
 * teamTotals packed per team index of the floor columns, without an object per team: what team views
 * read for 1,250 teams and 8 windows a tick.
 */
export function packedTeamTotals(floor: Floor, resolved: ResolvedWindow, nowMs: number): PackedTeamTotals {
	const columns = floorColumns(floor);
	const { span, window } = resolved;
	if (!span || window === 'now') {
		return { teamIds: columns.teamIds, totals: new Float64Array(0), present: new Uint8Array(0) };
	}
	// Closed parts: rows by the floor's team index, which the columns share.
	const periods: PeriodRows[] = [];
	if (window === 'day') {
		const day = floor.teamDay.period(span.startMs);
		if (day) periods.push(day);
	} else if (window === 'shift') {
		for (const period of floor.teamShift.periodsStartingIn(span.startMs, nowMs)) periods.push(period);
	}
	const rings = window === 'day' || window === 'shift' ? null : ringsByTeam(floor, columns);
	const teams = columns.teamIds.length;
	const totals = new Float64Array(teams * STRIDE);
	const present = new Uint8Array(teams);
	openTotalsFor(floor, columns, span.startMs, nowMs, totals, present);
	for (const period of periods) {
		const values = period.values;
		const rows = Math.min(teams, period.capacity);
		for (let team = 0; team < rows; team++) {
			if (!period.present[team]) continue;
			present[team] = 1;
			const at = team * STRIDE;
			for (let f = 0; f < STRIDE; f++) totals[at + f]! += values[at + f]!;
		}
	}
	if (rings) {
		const fromIndex = Math.floor(span.startMs / WINDOW_BUCKET_MS);
		const toIndex = Math.floor(nowMs / WINDOW_BUCKET_MS);
		const kept = keptSums(floor, resolved.window);
		for (let k = 0; k < rings.teams.length; k++) {
			const team = rings.teams[k]!;
			const from = windowSum(kept, team, rings.rings[k]!, fromIndex, toIndex);
			present[team] = 1;
			const at = team * STRIDE;
			for (let f = 0; f < STRIDE; f++) totals[at + f]! += kept.sums[from + f]!;
		}
	}
	return { teamIds: columns.teamIds, totals, present };
}

const STRIDE = AGENT_TOTAL_FIELDS.length;

/** The team rings with their team indexes, rebuilt when a ring is added (a new team's first piece). */
const ringLists = new WeakMap<Floor, { size: number; teams: number[]; rings: BucketRing[] }>();

function ringsByTeam(floor: Floor, columns: FloorColumns): { teams: number[]; rings: BucketRing[] } {
	const cached = ringLists.get(floor);
	if (cached && cached.size === floor.teamRings.size) return cached;
	const list = { size: floor.teamRings.size, teams: [] as number[], rings: [] as BucketRing[] };
	for (const [teamId, ring] of floor.teamRings) {
		list.teams.push(columns.teamIndexOf(teamId));
		list.rings.push(ring);
	}
	ringLists.set(floor, list);
	return list;
}

/** A team ring's sum over [from, to] as of a ring version, per team index. */
interface KeptSums {
	version: Float64Array;
	from: Float64Array;
	to: Float64Array;
	sums: Float64Array;
	/** The ring's running total when the sum was read (BucketRing.addWritesSince). */
	totals: Float64Array;
}

const keptByFloor = new WeakMap<Floor, Map<string, KeptSums>>();

function keptSums(floor: Floor, window: string): KeptSums {
	let byWindow = keptByFloor.get(floor);
	if (!byWindow) {
		byWindow = new Map();
		keptByFloor.set(floor, byWindow);
	}
	let kept = byWindow.get(window);
	if (!kept) {
		kept = {
			version: new Float64Array(0),
			from: new Float64Array(0),
			to: new Float64Array(0),
			sums: new Float64Array(0),
			totals: new Float64Array(0)
		};
		byWindow.set(window, kept);
	}
	return kept;
}

export function forgetKeptSums(floor: Floor): void {
	keptByFloor.delete(floor);
	ringLists.delete(floor);
}

function reserveKept(kept: KeptSums, teams: number): void {
	if (kept.version.length >= teams) return;
	const capacity = Math.max(teams, kept.version.length * 2, 256);
	const grow = (old: Float64Array, n: number, fill: number) => {
		const next = new Float64Array(n).fill(fill);
		next.set(old);
		return next;
	};
	kept.version = grow(kept.version, capacity, -1);
	kept.from = grow(kept.from, capacity, 0);
	kept.to = grow(kept.to, capacity, 0);
	kept.sums = grow(kept.sums, capacity * STRIDE, 0);
	kept.totals = grow(kept.totals, capacity * STRIDE, 0);
}

/**
 * A team ring's sum over the buckets [fromIndex, toIndex], kept between queries. When the window is
 * the same and everything written since fell inside it, the writes are added (the ring keeps a running
 * total); a ring nothing was written to is moved along instead of summed again (the buckets that
 * entered the window added, those that left it taken away). Only a team with events as the window
 * moves on to the next 10 s bucket is summed whole: once per 10 s, not on every tick.
 */
function windowSum(
	kept: KeptSums,
	team: number,
	ring: BucketRing,
	fromIndex: number,
	toIndex: number
): number {
	reserveKept(kept, team + 1);
	const at = team * STRIDE;
	const sums = kept.sums;
	const version = kept.version[team]!;
	const keptFrom = kept.from[team]!;
	const keptTo = kept.to[team]!;
	if (version === ring.version && keptFrom === fromIndex && keptTo === toIndex) return at;
	// Same buckets, new events inside them (a team busy within one 10 s bucket): add what was written.
	const sameWindow = keptFrom === fromIndex && keptTo === toIndex && toIndex >= ring.newest;
	if (sameWindow && ring.addWritesSince(version, kept.totals, at, fromIndex, toIndex, sums, at)) {
		kept.version[team] = ring.version;
		ring.totalInto(kept.totals, at);
		return at;
	}
	const movable =
		version === ring.version &&
		!ring.hasMax &&
		fromIndex >= keptFrom &&
		toIndex >= keptTo &&
		fromIndex - keptFrom + toIndex - keptTo < 8 &&
		fromIndex <= keptTo;
	if (!movable || ring.newest < fromIndex) {
		// A fresh sum; or, with everything gone from the window, exactly nothing rather than the
		// rounding that subtracting would leave.
		sums.fill(0, at, at + STRIDE);
		if (!movable) ring.sumInto(sums, fromIndex, toIndex, at);
	} else {
		if (toIndex > keptTo) ring.sumInto(sums, keptTo + 1, toIndex, at);
		if (fromIndex > keptFrom) {
			const left = ring.sumInto(scratchSum.fill(0), keptFrom, fromIndex - 1);
			for (let f = 0; f < STRIDE; f++) sums[at + f]! -= left[f]!;
		}
	}
	kept.version[team] = ring.version;
	kept.from[team] = fromIndex;
	kept.to[team] = toIndex;
	ring.totalInto(kept.totals, at);
	return at;
}

const scratchSum = new Float64Array(STRIDE);

interface OpenTotals {
	key: string;
	starts: number[];
	/** Per start: packed per team index. */
	totals: Float64Array[];
	present: Uint8Array;
}

const openByFloor = new WeakMap<Floor, OpenTotals>();

export function forgetOpenTotals(floor: Floor): void {
	openByFloor.delete(floor);
}

/**
 * The open pieces of every team over [startMs, nowMs) added into `totals`. A tick reads team views of
 * every window at one query time, so the first asks for the open pieces of all the windows' starts in
 * one pass over the agents (their columns read once, not once per window) and the rest read the kept
 * sums; a start no window has (a named shift) gets a pass of its own.
 */
function openTotalsFor(
	floor: Floor,
	columns: FloorColumns,
	startMs: number,
	nowMs: number,
	totals: Float64Array,
	present: Uint8Array
): void {
	const teams = columns.teamIds.length;
	const key = `${nowMs}|${floor.eventsApplied}|${columns.count}|${teams}`;
	let open = openByFloor.get(floor);
	if (!open || open.key !== key) {
		const starts = [
			...new Set(
				WINDOWS.flatMap((w) => {
					const span = w === 'now' ? null : resolveWindow(floor, w, nowMs).span;
					return span ? [span.startMs] : [];
				})
			)
		];
		open = {
			key,
			starts,
			totals: starts.map(() => new Float64Array(teams * STRIDE)),
			present: new Uint8Array(teams)
		};
		openTotalsInto(columns, starts, nowMs, open.totals, open.present);
		openByFloor.set(floor, open);
	}
	const k = open.starts.indexOf(startMs);
	if (k < 0) {
		openTotalsInto(columns, [startMs], nowMs, [totals], present);
		return;
	}
	const kept = open.totals[k]!;
	for (let i = 0; i < kept.length; i++) totals[i]! += kept[i]!;
	for (let t = 0; t < open.present.length; t++) if (open.present[t]) present[t] = 1;
}

/**
 * Adds Σ over each team's agents of the open piece inside [start, nowMs), for each of `startsMs`, into
 * the matching `totals` (packed per team index, AGENT_TOTAL_FIELDS order), and marks in `present` every
 * team with an agent not offline (its row exists even when the open pieces add nothing, as before the
 * window or at its first instant). One pass over typed arrays, each agent's columns read once.
 */
function openTotalsInto(
	columns: FloorColumns,
	startsMs: readonly number[],
	nowMs: number,
	totals: readonly Float64Array[],
	present: Uint8Array
): void {
	const { sinceMs, state, load, pieceTeam } = columns;
	const windows = startsMs.length;
	for (let i = 0; i < columns.count; i++) {
		const code = state[i]!;
		if (code === OFFLINE_CODE) continue;
		const team = pieceTeam[i]!;
		present[team] = 1;
		const since = sinceMs[i]!;
		const agentLoad = load[i]!;
		const readyOrLoaded = agentLoad > 0 || code === READY_CODE;
		const at = team * STRIDE;
		for (let w = 0; w < windows; w++) {
			const startMs = startsMs[w]!;
			const ms = nowMs - (since > startMs ? since : startMs);
			if (ms <= 0) continue;
			const sums = totals[w]!;
			sums[at]! += agentLoad * ms;
			if (readyOrLoaded) sums[at + 1]! += ms;
			sums[at + 2]! += ms;
			sums[at + FIRST_STATE_FIELD + code]! += ms;
		}
	}
}

/** Field of the per-state time of state code k (columns' STATE_CODE): onContactMs is AGENT_TOTAL_FIELDS[4]. */
const FIRST_STATE_FIELD = AGENT_TOTAL_FIELDS.indexOf('onContactMs');
