import type { ConsoleAgentRow, TeamData, TeamPatch } from '$lib/shared/protocol/team-frames';

/** One team's picture in the browser, as the frames built it. */
export interface TeamPicture {
	seq: number;
	data: TeamData;
}

/** Applies a patch: changed rows replace theirs (new objects, so only they re-render), removed go. */
export function applyTeamPatch(data: TeamData, patch: TeamPatch): TeamData {
	let agents = data.agents;
	if (patch.agents || patch.removedAgentIds) {
		const byId = new Map<string, ConsoleAgentRow>(agents.map((a) => [a.agentId, a]));
		for (const id of patch.removedAgentIds ?? []) byId.delete(id);
		for (const a of patch.agents ?? []) byId.set(a.agentId, a);
		agents = [...byId.values()];
	}
	return {
		...data,
		agents,
		queues: patch.queues ?? data.queues,
		alerts: patch.alerts ?? data.alerts,
		// A server from before the radar sends none: an empty radar, not a crash.
		radar: patch.radar ?? data.radar ?? []
	};
}
