import type { Action, Actor, Subject } from './roles';

type Rule = (actor: Actor, subject: Subject) => boolean;
const always: Rule = () => true;
const ownTeam: Rule = (actor, subject) =>
	actor.kind === 'user' && subject.team !== undefined && actor.teams.includes(subject.team);
const ownBoard: Rule = (actor, subject) =>
	actor.kind === 'device' && subject.board !== undefined && actor.boards.includes(subject.board);

/**
 * The whole policy in one table: a missing entry is a refusal. Admins are not listed: they may do
 * everything. Managers see every team and the reports but administer nothing; supervisors see and act
 * on their own teams only; a wallboard reads its own boards; an API token keeps today's `/api/v1` access.
 */
const TABLE: Record<Exclude<Actor['role'], 'admin'>, Partial<Record<Action, Rule>>> = {
	manager: {
		'reports.read': always,
		'team.read': always,
		'board.read': always,
		'api.read': always
	},
	supervisor: {
		'team.read': ownTeam,
		'team.supervise': ownTeam,
		'board.read': always
	},
	wallboard: {
		'board.read': ownBoard
	},
	api: {
		'api.read': always,
		'api.write': always
	}
};

/** Whether `actor` may do `action` on `subject`. Pure: the server asks it on every route and socket. */
export function can(actor: Actor | null | undefined, action: Action, subject: Subject = {}): boolean {
	if (!actor) return false;
	if (actor.role === 'admin') return true;
	return TABLE[actor.role][action]?.(actor, subject) ?? false;
}
