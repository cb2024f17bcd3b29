import type { LocalizedName } from '../../shared/centre/setup';
import { can } from '../auth/permissions';
import type { Actor } from '../auth/roles';
import type { Floor } from '../live/floor-state';

export interface ConsoleTeam {
	teamId: string;
	name: LocalizedName;
}

/**
 * The teams a person may open in the console, and those shown now. A supervisor sees all of theirs;
 * a manager or admin picks (`?teams=`), the first team of the set-up by default, so a site manager
 * does not open with thousands of rows by accident. Picks they may not read are dropped.
 */
export function consoleTeams(
	floor: Floor,
	actor: Actor,
	picked: string[] | null
): { available: ConsoleTeam[]; shown: ConsoleTeam[] } {
	const known = floor.setup.teams.map((t) => ({ teamId: t.teamId, name: t.name }));
	for (const agent of floor.agents.values()) {
		if (agent.teamId && !known.some((t) => t.teamId === agent.teamId)) {
			known.push({ teamId: agent.teamId, name: { 'zh-CN': agent.teamId, en: agent.teamId } });
		}
	}
	if (actor.kind === 'user' && actor.role === 'supervisor') {
		// Their teams even before the floor has seen them, so a quiet team still opens.
		const own = actor.teams.map(
			(id) => known.find((t) => t.teamId === id) ?? { teamId: id, name: { 'zh-CN': id, en: id } }
		);
		return { available: own, shown: own };
	}
	const available = known.filter((t) => can(actor, 'team.read', { team: t.teamId }));
	const chosen = picked ? available.filter((t) => picked.includes(t.teamId)) : available.slice(0, 1);
	return { available, shown: chosen };
}
