/** Roles of people who sign in. Devices and API tokens are actors too, but never accounts. */
export const USER_ROLES = ['admin', 'manager', 'supervisor'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Who is asking: a signed-in person, a paired wallboard, or an integration holding an API token. */
export type Actor =
	| { kind: 'user'; userId: string; role: UserRole; teams: readonly string[] }
	| { kind: 'device'; role: 'wallboard'; deviceId: string; boards: readonly string[] }
	| { kind: 'api-token'; role: 'api' };

/** Everything a permission can be asked about. Add actions here, then a row per role in the table. */
export const ACTIONS = [
	'users.manage',
	'devices.manage',
	'boards.manage',
	'setup.manage',
	'reports.read',
	'audit.read',
	'team.read',
	'team.supervise',
	'board.read',
	'api.read',
	'api.write'
] as const;
export type Action = (typeof ACTIONS)[number];

/** What an action is about: a team for team actions, a board for board actions, nothing for the rest. */
export type Subject = { team?: string; board?: string };
