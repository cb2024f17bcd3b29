import { emptyAgentTotals, occupancy, type AgentTotals } from '../../shared/metrics/agent-formulas';
import type { Channel } from '../../shared/contract';
import { sumCounters, type QueueCounters } from '../../shared/metrics/counters';
import type { QueueFigures } from '../../shared/metrics/figures';
import { queueConfigOf, queueFigures, resolveWindow, type Floor } from '../live/floor';
import { windowCounters } from '../live/queue-figures';
import type { IntervalRow, IntervalSize, RowScope } from './interval-row';
import { rowField } from './interval-row';
import { intervalStaffing, staffingGap, type IntervalStaffing } from './interval-staffing';
import { isoInZone } from './local-time';

export interface RowsInput {
	size: IntervalSize;
	startMs: number;
	/** The instant the figures are read at: the interval's last millisecond once closed, else now. */
	atMs: number;
	closed: boolean;
	/** Agent totals over the sampled part of the interval, by row field. */
	agents: ReadonlyMap<string, AgentTotals>;
	/** Milliseconds the samples cover (the divisor of the averages). */
	sampledMs: number;
	shrinkage: number;
}

const NO_AGENTS: Readonly<AgentTotals> = emptyAgentTotals();

/**
 * The rows of one interval, read from the floor exactly as `/api/v1/queues?window=interval<size>` reads
 * it at `atMs` (same function, same window), plus the agent samples and the staffing model.
 */
export function buildRows(floor: Floor, input: RowsInput): IntervalRow[] {
	const window = input.size === 15 ? 'interval15' : 'interval30';
	const figures = queueFigures(floor, window, input.atMs);
	const countsOf = windowCounters(floor, resolveWindow(floor, window, input.atMs), input.atMs);
	const intervalSec = input.size * 60;
	const rows: IntervalRow[] = [];
	const queueCounters = new Map<string, QueueCounters>();
	const queueStaffing = new Map<string, IntervalStaffing>();
	for (const q of figures.queues) {
		const queueId = q.queueId!;
		const config = queueConfigOf(floor, queueId);
		const counters = { ...countsOf(queueId) };
		queueCounters.set(queueId, counters);
		const staffing = intervalStaffing({
			counters,
			intervalSec,
			thresholdSec: config.slThresholdSec,
			targetServiceLevel: config.targets.serviceLevel,
			shrinkage: input.shrinkage
		});
		queueStaffing.set(queueId, staffing);
		rows.push(rowOf(input, q, 'queue', counters, staffing, config.targets.serviceLevel, floor.timeZone));
	}
	const rollUp = (scope: RowScope, f: QueueFigures, channel: Channel | null) => {
		const members = figures.queues.filter((q) => channel === null || q.channel === channel);
		const counters = sumCounters(members.map((q) => queueCounters.get(q.queueId!)!));
		const parts = members.map((q) => ({ q, s: queueStaffing.get(q.queueId!)! }));
		const sum = (pick: (s: IntervalStaffing) => number | null): number | null => {
			let total = 0;
			for (const { s } of parts) {
				const v = pick(s);
				// A queue with arrivals but no answer leaves the roll-up without one too.
				if (v === null) return null;
				total += v;
			}
			return total;
		};
		const staffing: IntervalStaffing = {
			...intervalStaffing({ counters, intervalSec, thresholdSec: 0, targetServiceLevel: 0, shrinkage: 0 }),
			requiredErlangC: sum((s) => s.requiredErlangC),
			requiredErlangA: sum((s) => s.requiredErlangA),
			scheduledErlangC: sum((s) => s.scheduledErlangC),
			scheduledErlangA: sum((s) => s.scheduledErlangA)
		};
		rows.push(rowOf(input, f, scope, counters, staffing, null, floor.timeZone));
	};
	for (const ch of figures.channels) rollUp('channel', ch, ch.channel);
	rollUp('centre', figures.centre, null);
	return rows;
}

function rowOf(
	input: RowsInput,
	f: QueueFigures,
	scope: RowScope,
	counters: QueueCounters,
	staffing: IntervalStaffing,
	targetServiceLevel: number | null,
	timeZone: string
): IntervalRow {
	const key = rowField({ scope, queueId: f.queueId, channel: f.channel });
	const agents = input.agents.get(key) ?? NO_AGENTS;
	const staffedAvg = input.sampledMs > 0 ? agents.staffedMs / input.sampledMs : 0;
	const productiveAvg = input.sampledMs > 0 ? agents.readyOrLoadedMs / input.sampledMs : 0;
	return {
		start: isoInZone(input.startMs, timeZone),
		startMs: input.startMs,
		size: input.size,
		scope,
		queueId: scope === 'queue' ? f.queueId : null,
		channel: f.channel,
		offered: f.offered,
		answered: f.answered,
		abandoned: f.abandoned,
		shortAbandoned: f.shortAbandoned,
		flowedOut: f.flowedOut,
		answeredWithin: f.answeredWithin,
		abandonedWithin: f.abandonedWithin,
		handled: f.handled,
		answerRate: f.answerRate,
		abandonRate: f.abandonRate,
		serviceLevel: f.serviceLevel,
		asaSec: f.asaSec,
		maxWaitSec: f.maxWaitSec,
		attSec: f.attSec,
		ahtSec: f.ahtSec,
		acwShare: f.acwShare,
		repeatRate: f.repeatRate,
		csat: f.csat,
		surveys: f.surveys,
		arrivalsPerHour: staffing.arrivalsPerHour,
		staffedAvg,
		productiveAvg,
		occupancy: occupancy(agents),
		slThresholdSec: f.slThresholdSec,
		slFormula: f.slFormula,
		targetServiceLevel,
		patienceSec: staffing.patienceSec,
		requiredErlangC: staffing.requiredErlangC,
		requiredErlangA: staffing.requiredErlangA,
		scheduledErlangC: staffing.scheduledErlangC,
		scheduledErlangA: staffing.scheduledErlangA,
		gap: staffingGap(staffedAvg, staffing),
		closed: input.closed,
		counters
	};
}
