import type { AgentCounts, AgentView } from './figures';

/**
 * Counts agent rows by displayed state, for a filtered list (a team's agents) where the centre-wide
 * tally does not apply. Staffed = every agent not offline, so the counts partition it.
 */
export function countAgentRows(agents: readonly Pick<AgentView, 'state' | 'reason'>[]): AgentCounts {
	const counts: AgentCounts = {
		staffed: 0,
		available: 0,
		onContact: 0,
		wrapUp: 0,
		notReady: 0,
		notReadyByReason: {}
	};
	for (const agent of agents) {
		if (agent.state === 'offline') continue;
		counts.staffed++;
		if (agent.state === 'ready') counts.available++;
		else if (agent.state === 'on_contact') counts.onContact++;
		else if (agent.state === 'wrap_up') counts.wrapUp++;
		else {
			counts.notReady++;
			const reason = agent.reason ?? '';
			counts.notReadyByReason[reason] = (counts.notReadyByReason[reason] ?? 0) + 1;
		}
	}
	return counts;
}
