import { emptyAgentTotals, type AgentTotals } from '../../shared/metrics/agent-formulas';
import type { Channel } from '../../shared/contract';
import { queueConfigOf, type Floor } from '../live/floor';

/**
 * Agents per interval, sampled on a fixed grid of event time (every `SAMPLE_MS`): at each grid point
 * every agent that is not offline counts once for the centre, once for each channel and once for each
 * queue it is skilled for (its login's queue list, as the live staffing model counts them).
 *
 * Sampling rather than integrating every change keeps the cost at one pass over the agents per grid
 * point, whatever the event rate; at 10 s a 15-min average is the mean of 90 readings. The grid is in
 * event time, so replicas folding the same events take the same samples.
 */
export const SAMPLE_MS = 10_000;

/** One grid point's reading, keyed like the rows (`q:<queueId>`, `ch:<channel>`, `centre`). */
export type AgentTally = Map<string, { staffed: number; readyOrLoaded: number; load: number }>;

export function tallyAgents(floor: Floor): AgentTally {
	const tally: AgentTally = new Map();
	const bump = (key: string, readyOrLoaded: number, load: number) => {
		let t = tally.get(key);
		if (!t) {
			t = { staffed: 0, readyOrLoaded: 0, load: 0 };
			tally.set(key, t);
		}
		t.staffed++;
		t.readyOrLoaded += readyOrLoaded;
		t.load += load;
	};
	const channelOf = new Map<string, Channel>();
	const channels = new Set<Channel>();
	for (const agent of floor.agents.values()) {
		if (agent.displayed === 'offline') continue;
		const load = agent.segment.load;
		// The denominator of occupancy, as the live agent figures define it: ready, or carrying load.
		const readyOrLoaded = load > 0 || agent.displayed === 'ready' ? 1 : 0;
		bump('centre', readyOrLoaded, load);
		channels.clear();
		for (const queueId of agent.queues) {
			bump(`q:${queueId}`, readyOrLoaded, load);
			let channel = channelOf.get(queueId);
			if (!channel) {
				channel = queueConfigOf(floor, queueId).channel;
				channelOf.set(queueId, channel);
			}
			channels.add(channel);
		}
		for (const channel of channels) bump(`ch:${channel}`, readyOrLoaded, load);
	}
	return tally;
}

/** Adds `count` grid points of `tally` into per-key agent totals (ms-weighted, as the live integrals). */
export function addTally(into: Map<string, AgentTotals>, tally: AgentTally, count: number): void {
	const ms = count * SAMPLE_MS;
	for (const [key, t] of tally) {
		let totals = into.get(key);
		if (!totals) {
			totals = emptyAgentTotals();
			into.set(key, totals);
		}
		totals.staffedMs += t.staffed * ms;
		totals.readyOrLoadedMs += t.readyOrLoaded * ms;
		totals.loadMs += t.load * ms;
	}
}
