import type { SessionStore } from './session-store';
import type { UserRecord } from './user';
import type { UserStore } from './user-store';

/**
 * The account behind a session cookie, or null. Checked on every request rather than trusted from the
 * session, so disabling an account or resetting its password takes effect at once everywhere.
 */
export async function userFromSession(
	deps: { users: UserStore; sessions: SessionStore },
	sessionId: string | undefined
): Promise<UserRecord | null> {
	if (!sessionId) return null;
	const session = await deps.sessions.resume(sessionId);
	if (!session) return null;
	const user = await deps.users.get(session.userId);
	if (!user || user.disabled || session.createdAtMs < user.passwordChangedAtMs) {
		await deps.sessions.delete(sessionId);
		return null;
	}
	return user;
}

/**
 * The local account named by a trusted proxy header, or null. Only called when AUTH_TRUSTED_HEADER is
 * set; the proxy must remove that header from client requests, or anyone could claim any name.
 */
export async function userFromTrustedHeader(
	users: UserStore,
	headerValue: string | null
): Promise<UserRecord | null> {
	const name = headerValue?.trim();
	if (!name) return null;
	const user = await users.findByUsername(name);
	return user && !user.disabled ? user : null;
}
