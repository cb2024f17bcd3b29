import type { AgentCounts } from '../../shared/metrics/figures';
import { emptyAgentCounts } from './agent-views';
import type { AgentRec, Floor } from './floor-state';
import type { TeamIndex } from './team-index';

/**
 * What every team-wide query reads of the 25,000 agents, as flat columns: each agent's open piece
 * (start, state, load), the team of that piece, when the agent last changed, and per team its agents
 * and counts now.
 *
 * Kept up to date from the floor's change log, so bringing them up to date after a tick's events
 * revisits the ~1,000 agents those events touched, not 25,000; and every window of every view reads
 * them as typed arrays instead of chasing 25,000 objects (at that size each object is a cache miss).
 * They depend on the events applied alone, never on the query time or a window.
 */
export interface FloorColumns {
	/** Agents described: the first `count` of `floor.agentList` (agents are only ever appended). */
	readonly count: number;
	/** Per agent (index as in `floor.agentList`): the open piece's start, state code and load. */
	readonly sinceMs: Float64Array;
	readonly state: Uint8Array;
	readonly load: Float64Array;
	/** Per agent: the later of the open piece's start and its last handled contact kept. */
	readonly latestMs: Float64Array;
	/** Per agent: `changedAt` when last read; a figure computed from an older value is stale. */
	readonly changedAt: Float64Array;
	/** Per agent: index in `teamIds` of the piece's team (`segment.teamId`, what the accumulators use). */
	readonly pieceTeam: Int32Array;
	readonly teamIds: readonly string[];
	/** The index of `teamId` in `teamIds`, registering a team not seen on any agent yet. */
	teamIndexOf(teamId: string): number;
	/** Per team (by `agent.teamId`, the team as the agent logged in): its agents in first-seen order. */
	readonly members: ReadonlyMap<string, readonly AgentRec[]>;
	/** Per team with an agent not offline: counts by state and Σ load now (frozen: shared by every view). */
	readonly counts: ReadonlyMap<string, TeamNow>;
	/** The same by team index (undefined for a team with every agent offline). */
	readonly countsByIndex: readonly (TeamNow | undefined)[];
}

export interface TeamNow {
	readonly counts: AgentCounts;
	readonly loadNow: number;
}

/** Displayed state codes of the columns (the trail's codes too). */
export const STATE_CODE = { on_contact: 0, wrap_up: 1, ready: 2, not_ready: 3, offline: 4 } as const;
export const OFFLINE_CODE = STATE_CODE.offline;
export const READY_CODE = STATE_CODE.ready;

class Columns implements FloorColumns {
	count = 0;
	sinceMs = new Float64Array(0);
	state = new Uint8Array(0);
	load = new Float64Array(0);
	latestMs = new Float64Array(0);
	changedAt = new Float64Array(0);
	pieceTeam = new Int32Array(0);
	/** Per agent: the displayed not-ready reason ('' when none given), null unless not ready. */
	reason: (string | null)[] = [];
	readonly teamIds: readonly string[];
	readonly #teamIndex: TeamIndex;
	/** Per agent: the `agent.teamId` it was listed under in `members`. */
	memberTeam: string[] = [];
	members = new Map<string, AgentRec[]>();
	/** The same lists as agent indexes, for counting over the columns rather than the records. */
	memberIndexes = new Map<string, number[]>();
	readonly counts = new Map<string, TeamNow>();
	readonly countsByIndex: (TeamNow | undefined)[] = [];
	logResets = -1;

	constructor(teamIndex: TeamIndex) {
		this.#teamIndex = teamIndex;
		this.teamIds = teamIndex.ids;
	}

	/** Brings the columns up to the floor: the agents in the change log, new agents, or all after a reset. */
	update(floor: Floor): void {
		const agents = floor.agentList;
		const log = floor.changedAgents;
		if (log.length === 0 && this.count === agents.length && this.logResets === floor.changeLogResets) return;
		const all = this.logResets !== floor.changeLogResets;
		this.logResets = floor.changeLogResets;
		const oldCount = all ? 0 : this.count;
		this.#reserve(agents.length);
		const dirtyTeams = new Set<string>();
		let membersMoved = oldCount < agents.length;
		for (let i = oldCount; i < agents.length; i++) this.#read(agents[i]!);
		if (!all) {
			for (const agent of log) {
				if (agent.index >= oldCount) continue;
				if (this.memberTeam[agent.index] !== agent.teamId) {
					membersMoved = true;
					dirtyTeams.add(this.memberTeam[agent.index]!);
				}
				dirtyTeams.add(agent.teamId);
				this.#read(agent);
			}
		}
		// Drained here: the floor appends, the columns read and empty it.
		log.length = 0;
		this.count = agents.length;
		if (membersMoved) {
			this.#listMembers(agents);
			this.counts.clear();
			this.countsByIndex.length = 0;
			for (const teamId of this.members.keys()) this.#count(teamId);
		} else {
			for (const teamId of dirtyTeams) this.#count(teamId);
		}
	}

	teamIndexOf(teamId: string): number {
		return this.#teamIndex.of(teamId);
	}

	#read(agent: AgentRec): void {
		const i = agent.index;
		const segment = agent.segment;
		this.sinceMs[i] = segment.sinceMs;
		this.state[i] = STATE_CODE[segment.state];
		this.load[i] = segment.load;
		this.latestMs[i] = Math.max(segment.sinceMs, agent.trail?.lastHandledMs ?? Number.NEGATIVE_INFINITY);
		this.changedAt[i] = agent.changedAt;
		this.pieceTeam[i] = this.teamIndexOf(segment.teamId);
		this.reason[i] = agent.displayedReason;
	}

	#listMembers(agents: readonly AgentRec[]): void {
		const members = new Map<string, AgentRec[]>();
		const indexes = new Map<string, number[]>();
		for (const agent of agents) {
			let list = members.get(agent.teamId);
			if (!list) {
				list = [];
				members.set(agent.teamId, list);
				indexes.set(agent.teamId, []);
			}
			list.push(agent);
			indexes.get(agent.teamId)!.push(agent.index);
			this.memberTeam[agent.index] = agent.teamId;
		}
		this.members = members;
		this.memberIndexes = indexes;
	}

	/**
	 * Recounts one team (its twenty-odd agents) from the columns into a new frozen entry: views
	 * already handed out keep theirs. The open piece's state is the displayed state (openSegment).
	 */
	#count(teamId: string): void {
		let entry: { counts: AgentCounts; loadNow: number } | null = null;
		for (const i of this.memberIndexes.get(teamId) ?? []) {
			const code = this.state[i]!;
			if (code === OFFLINE_CODE) continue;
			entry ??= { counts: emptyAgentCounts(), loadNow: 0 };
			countCodeInto(entry.counts, code, this.reason[i] ?? null);
			entry.loadNow += this.load[i]!;
		}
		const index = this.teamIndexOf(teamId);
		if (!entry) {
			this.counts.delete(teamId);
			this.countsByIndex[index] = undefined;
			return;
		}
		Object.freeze(entry.counts.notReadyByReason);
		Object.freeze(entry.counts);
		this.counts.set(teamId, Object.freeze(entry));
		this.countsByIndex[index] = entry;
	}

	#reserve(n: number): void {
		if (n <= this.sinceMs.length) return;
		const capacity = Math.max(n, this.sinceMs.length * 2, 1024);
		const grow = <T extends Float64Array | Uint8Array | Int32Array>(old: T, make: (n: number) => T): T => {
			const next = make(capacity);
			next.set(old);
			return next;
		};
		this.sinceMs = grow(this.sinceMs, (c) => new Float64Array(c));
		this.state = grow(this.state, (c) => new Uint8Array(c));
		this.load = grow(this.load, (c) => new Float64Array(c));
		this.latestMs = grow(this.latestMs, (c) => new Float64Array(c));
		this.changedAt = grow(this.changedAt, (c) => new Float64Array(c));
		this.pieceTeam = grow(this.pieceTeam, (c) => new Int32Array(c));
	}
}

/** countAgentInto on the columns' codes (an agent not offline). */
function countCodeInto(counts: AgentCounts, code: number, reason: string | null): void {
	counts.staffed++;
	switch (code) {
		case STATE_CODE.ready:
			counts.available++;
			return;
		case STATE_CODE.on_contact:
			counts.onContact++;
			return;
		case STATE_CODE.wrap_up:
			counts.wrapUp++;
			return;
		default: {
			counts.notReady++;
			const key = reason ?? '';
			counts.notReadyByReason[key] = (counts.notReadyByReason[key] ?? 0) + 1;
		}
	}
}

const cache = new WeakMap<Floor, Columns>();

/** The columns of the floor as it stands now (updated from the change log on each call). */
export function floorColumns(floor: Floor): FloorColumns {
	let columns = cache.get(floor);
	if (!columns) {
		columns = new Columns(floor.teamIndex);
		cache.set(floor, columns);
	}
	columns.update(floor);
	return columns;
}

/** Drops the columns (and so every figure built from them): for measuring a cold start. */
export function forgetColumns(floor: Floor): void {
	cache.delete(floor);
}
