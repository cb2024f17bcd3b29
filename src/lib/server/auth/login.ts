import type { LoginLimiter } from './login-limiter';
import { decoyHash, verifyPassword, type ScryptParams } from './password';
import type { SessionStore } from './session-store';
import { normaliseUsername, type UserRecord } from './user';
import type { UserStore } from './user-store';

export type LoginResult =
	| { ok: true; sessionId: string; user: UserRecord }
	/** One answer for an unknown name, a wrong password and a disabled account: none reveals which. */
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'rate_limited'; retryAfterSec: number };

export interface LoginDeps {
	users: UserStore;
	sessions: SessionStore;
	limiter: LoginLimiter;
	scrypt?: ScryptParams;
}

/**
 * Checks the limits before the password, so a locked account costs a guesser a refusal rather than a
 * verdict. Two attempts racing on different replicas can both pass the check: the limit is exact to
 * within the number of concurrent attempts, which scrypt's cost keeps small.
 */
export async function login(
	deps: LoginDeps,
	input: { username: string; password: string; address: string }
): Promise<LoginResult> {
	const username = normaliseUsername(input.username);
	const verdict = await deps.limiter.check(username, input.address);
	if (!verdict.allowed) return { ok: false, reason: 'rate_limited', retryAfterSec: verdict.retryAfterSec };

	const user = await deps.users.findByUsername(username);
	// Always run scrypt, against a decoy when the name is unknown, so timing does not reveal accounts.
	const matches = await verifyPassword(input.password, user?.passwordHash ?? (await decoyHash(deps.scrypt)));
	if (!user || !matches || user.disabled) {
		await deps.limiter.recordFailure(username, input.address);
		return { ok: false, reason: 'invalid' };
	}
	await deps.limiter.recordSuccess(username);
	const session = await deps.sessions.create(user.id);
	return { ok: true, sessionId: session.id, user };
}
