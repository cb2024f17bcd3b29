import type { UserRecord } from '../auth/user';

/**
 * Display names for "who is monitoring", keyed by username: the platform echoes the command's `issuedBy`
 * (a username) as `supervisorId`, and people recognise each other by name, not by login.
 */
export function monitorNames(
	users: ReadonlyArray<Pick<UserRecord, 'username' | 'displayName'>>
): Record<string, string> {
	return Object.fromEntries(users.map((u) => [u.username, u.displayName]));
}
