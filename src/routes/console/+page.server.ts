import { error } from '@sveltejs/kit';
import { getAuth } from '$lib/server/auth/instance';
import { can } from '$lib/server/auth/permissions';
import { getRuntime } from '$lib/server/runtime/runtime';
import { consoleTeams } from '$lib/server/supervise/console-teams';
import { lookupDisplayNames, supervisorsWatching } from '$lib/server/supervise/monitor-names';
import type { PageServerLoad } from './$types';

/**
 * The console's frame: which teams this person sees (their own as a supervisor; any they pick as a
 * manager or admin), names for queues, and the display names of those monitoring someone on those teams
 * now. The rows themselves arrive over the socket.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	const me = locals.user;
	if (!me || !locals.actor) error(401, 'sign in first');
	const runtime = getRuntime();
	const picked = url.searchParams.get('teams')?.split(',').filter(Boolean) ?? null;
	const teams = consoleTeams(runtime.floor, locals.actor, picked);
	if (teams.available.length === 0 && me.role !== 'supervisor')
		error(403, 'Forbidden: your role may not open this page');
	return {
		me: {
			username: me.username,
			displayName: me.displayName,
			role: me.role,
			hasEndpoint: me.audioEndpoint !== null,
			canAudit: can(locals.actor, 'audit.read')
		},
		teams: teams.shown,
		availableTeams: teams.available,
		supervisable: teams.shown
			.filter((t) => can(locals.actor, 'team.supervise', { team: t.teamId }))
			.map((t) => t.teamId),
		userNames: await lookupDisplayNames(
			getAuth(runtime).users,
			supervisorsWatching(
				runtime.floor,
				teams.shown.map((t) => t.teamId)
			)
		),
		queueNames: Object.fromEntries(runtime.setup.queues.map((q) => [q.queueId, q.name])),
		timeZone: runtime.timeZone
	};
};
