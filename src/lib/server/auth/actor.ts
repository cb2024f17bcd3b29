import type { Actor } from './roles';
import type { PublicUser } from './user';

/** The permission view of an account: role and teams, nothing else. */
export function actorOf(user: Pick<PublicUser, 'id' | 'role' | 'teams'>): Actor {
	return { kind: 'user', userId: user.id, role: user.role, teams: user.teams };
}

/** Integrations holding one of the API_TOKENS. */
export const API_TOKEN_ACTOR: Actor = { kind: 'api-token', role: 'api' };
