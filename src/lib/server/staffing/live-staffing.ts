import type { QueueCounters } from '../../shared/metrics/counters';
import { ahtSec as ahtOf, offered } from '../../shared/metrics/formulas';
import type { AgentRec, Floor } from '../live/floor-state';
import { queueConfigOf } from '../live/floor-state';
import { windowCounters } from '../live/queue-figures';
import { resolveWindow } from '../live/windows';
import { erlangA } from './erlang-a';
import { serviceLevel as erlangCServiceLevel } from './erlang-c';
import { patienceFromHistory, requiredAgents, type StaffingModel } from './required';

/**
 * The staffing model applied to the live floor, per queue (METRICS.md "Staffing model"):
 *
 * - λ = offered in the rolling 15-min window ÷ that window's span (between 14 min 50 s and 15 min, as the
 *   tiles' window). Offered as on the tiles: answered + abandoned + flowed out. Short abandons are left
 *   out, as everywhere else: they hung up before any agent could have taken them, so they bring no work.
 *   Contacts still waiting are not in it either (they have no outcome yet), so a queue where nothing has
 *   ended for 15 minutes shows λ = 0 however many wait: read `waiting` beside it.
 * - AHT and patience come from the rolling 60-min window: an hour holds enough handled and abandoned
 *   contacts for a steady estimate and still follows the day. Patience θ = Σ wait of the offered ÷
 *   abandoned (the inverse of the abandonment rate; both without short abandons, like offered).
 * - Agents: an agent counts in every queue it is skilled for (its login's queue list). So per queue the
 *   staffing is what could serve that queue if nothing else called, and the gap is optimistic for queues
 *   that share agents; summing staffed over queues counts a multi-skilled agent several times. Staffed =
 *   not offline (as agentCounts: an agent logged out mid-contact still works it); productive = ready or
 *   loaded (on contact or in wrap-up); available = ready with nothing connected. An agent counts as one
 *   server whatever its chat capacity: the model knows N servers, not concurrency.
 * - Required agents meet the queue's service-level target within its threshold. Erlang A's service level
 *   counts abandons as failures (the `abandons_negative` formula). The predicted service level and the
 *   gap use Erlang A when patience is known, else Erlang C (`model` says which).
 *
 * Cost: one pass over the agents for every queue at once, then a few O(log N) staffing searches a queue.
 */
export interface LiveStaffing {
	queueId: string;
	/** Arrival rate λ from the rolling 15-min window: offered (short abandons excluded) ÷ window span. */
	arrivalsPerHour: number | null;
	/** Rolling 60-min AHT; null when nothing was handled in the hour. */
	ahtSec: number | null;
	/** Erlang A mean patience from the rolling 60 min: Σ wait of all offered ÷ abandoned; null without abandons. */
	patienceSec: number | null;
	/** Agents not offline and skilled for the queue. */
	staffed: number;
	/** Ready or loaded (on contact, wrap-up). */
	productive: number;
	available: number;
	/** Contacts waiting in the queue now (not part of λ, see above). */
	waiting: number;
	thresholdSec: number;
	targetServiceLevel: number;
	requiredErlangC: number | null;
	requiredErlangA: number | null;
	/** Erlang A (or C when no patience) at current productive staffing; null when no AHT or no arrivals. */
	predictedServiceLevel: number | null;
	/** productive − required (Erlang A when available, else C); negative = agents short. */
	gap: number | null;
	/** The model behind `predictedServiceLevel` and `gap`; null when neither could be computed. */
	model: StaffingModel | null;
}

interface AgentTally {
	staffed: number;
	productive: number;
	available: number;
}

const ARRIVAL_WINDOW = 'rolling15';
const HANDLE_WINDOW = 'rolling60';
const HOUR_MS = 3_600_000;

export function liveStaffing(floor: Floor, queueId: string, nowMs: number): LiveStaffing {
	return liveStaffingOf(floor, [queueId], nowMs)[0]!;
}

/** Every queue the floor knows, in the order of the queue figures (set-up order, then by id). */
export function liveStaffingAll(floor: Floor, nowMs: number): LiveStaffing[] {
	const ids = [...floor.queues.entries()]
		.sort(([a, qa], [b, qb]) => qa.order - qb.order || (a < b ? -1 : a > b ? 1 : 0))
		.map(([queueId]) => queueId);
	return liveStaffingOf(floor, ids, nowMs);
}

/** The given queues, in the order given, from one pass over the agents. */
export function liveStaffingOf(floor: Floor, queueIds: readonly string[], nowMs: number): LiveStaffing[] {
	const tallies = new Map<string, AgentTally>();
	for (const queueId of queueIds) tallies.set(queueId, { staffed: 0, productive: 0, available: 0 });
	for (const agent of floor.agents.values()) {
		if (agent.displayed === 'offline') continue;
		for (const queueId of agent.queues) {
			const tally = tallies.get(queueId);
			if (tally) countAgent(tally, agent);
		}
	}
	const read = readers(floor, nowMs);
	return queueIds.map((queueId) => staffingOf(floor, queueId, nowMs, tallies.get(queueId)!, read));
}

function countAgent(tally: AgentTally, agent: AgentRec): void {
	tally.staffed++;
	if (agent.displayed === 'not_ready') return;
	tally.productive++;
	if (agent.displayed === 'ready') tally.available++;
}

interface Readers {
	arrivals: (queueId: string) => Readonly<QueueCounters>;
	arrivalSpanMs: number;
	handle: (queueId: string) => Readonly<QueueCounters>;
}

function readers(floor: Floor, nowMs: number): Readers {
	const arrivalWindow = resolveWindow(floor, ARRIVAL_WINDOW, nowMs);
	const handleWindow = resolveWindow(floor, HANDLE_WINDOW, nowMs);
	const span = arrivalWindow.span;
	return {
		arrivals: windowCounters(floor, arrivalWindow, nowMs),
		arrivalSpanMs: span ? span.endMs - span.startMs : 0,
		handle: windowCounters(floor, handleWindow, nowMs)
	};
}

function staffingOf(
	floor: Floor,
	queueId: string,
	nowMs: number,
	agents: AgentTally,
	read: Readers
): LiveStaffing {
	const config = queueConfigOf(floor, queueId);
	const thresholdSec = config.slThresholdSec;
	const targetServiceLevel = config.targets.serviceLevel;
	const arrivalsPerHour =
		read.arrivalSpanMs > 0 ? (offered(read.arrivals(queueId)) * HOUR_MS) / read.arrivalSpanMs : null;
	const hour = read.handle(queueId);
	const ahtSec = ahtOf(hour);
	const patienceSec = patienceFromHistory(hour.abandoned, hour.sumWaitOfferedSec);
	const model = {
		arrivalsPerHour,
		ahtSec,
		patienceSec,
		productive: agents.productive,
		thresholdSec,
		targetServiceLevel
	};
	const requiredErlangC = required(model, 'erlang-c');
	const requiredErlangA = required(model, 'erlang-a');
	const chosen: StaffingModel | null =
		requiredErlangA !== null ? 'erlang-a' : requiredErlangC !== null ? 'erlang-c' : null;
	const requiredChosen = chosen === 'erlang-a' ? requiredErlangA : requiredErlangC;
	return {
		queueId,
		arrivalsPerHour,
		ahtSec,
		patienceSec,
		staffed: agents.staffed,
		productive: agents.productive,
		available: agents.available,
		waiting: floor.queues.get(queueId)?.waiting.size ?? 0,
		thresholdSec,
		targetServiceLevel,
		requiredErlangC,
		requiredErlangA,
		predictedServiceLevel: chosen ? predicted(model, chosen) : null,
		gap: requiredChosen === null ? null : agents.productive - requiredChosen,
		model: chosen
	};
}

interface ModelInput {
	arrivalsPerHour: number | null;
	ahtSec: number | null;
	patienceSec: number | null;
	productive: number;
	thresholdSec: number;
	targetServiceLevel: number;
}

/**
 * Least agents meeting the target; null when the inputs are unknown (no AHT, or no patience for Erlang
 * A) or the target cannot be met (100 %: some contact always waits under random arrivals). No arrivals
 * need no agents, whatever the AHT.
 */
function required(input: ModelInput, model: StaffingModel): number | null {
	const { arrivalsPerHour, ahtSec, patienceSec, thresholdSec, targetServiceLevel } = input;
	if (arrivalsPerHour === null) return null;
	if (model === 'erlang-a' && patienceSec === null) return null;
	if (arrivalsPerHour === 0 || targetServiceLevel <= 0) return 0;
	if (ahtSec === null || ahtSec <= 0 || targetServiceLevel >= 1) return null;
	const arrivalsPerSec = arrivalsPerHour / 3600;
	const base = { arrivalsPerSec, ahtSec, thresholdSec, targetServiceLevel };
	return model === 'erlang-a'
		? requiredAgents({ ...base, model, patienceSec: patienceSec! })
		: requiredAgents({ ...base, model });
}

/** Service level the model predicts at the productive staffing; null without arrivals or AHT. */
function predicted(input: ModelInput, model: StaffingModel): number | null {
	const { arrivalsPerHour, ahtSec, patienceSec, productive, thresholdSec } = input;
	if (!arrivalsPerHour || ahtSec === null || ahtSec <= 0) return null;
	const arrivalsPerSec = arrivalsPerHour / 3600;
	if (model === 'erlang-a' && patienceSec !== null) {
		return erlangA({ agents: productive, arrivalsPerSec, ahtSec, patienceSec, thresholdSec }).serviceLevel;
	}
	return erlangCServiceLevel(productive, arrivalsPerSec * ahtSec, ahtSec, thresholdSec);
}
