import type { Logger } from '../util/logger';
import { bootstrapAdmin, type BootstrapOutcome } from './bootstrap';
import type { KeyValueStore } from './kv-store';
import { LoginLimiter } from './login-limiter';
import type { LoginLimits } from './login-limits';
import { login, type LoginResult } from './login';
import type { ScryptParams } from './password';
import { userFromSession, userFromTrustedHeader } from './resolve-user';
import type { SessionPolicy } from './session-policy';
import { SessionStore } from './session-store';
import type { UserRecord } from './user';
import { UserStore } from './user-store';

export interface AuthOptions {
	kv: KeyValueStore;
	prefix: string;
	sessions: SessionPolicy;
	/** Header set by an authenticating proxy; null to accept only sessions. */
	trustedHeader: string | null;
	clock?: () => number;
	limits?: LoginLimits;
	/** Cheaper scrypt for tests; production uses the default. */
	scrypt?: ScryptParams;
}

/** Users, sessions and sign-in limits over one store: what hooks, routes and the socket upgrade use. */
export class Auth {
	readonly users: UserStore;
	readonly sessions: SessionStore;
	readonly limiter: LoginLimiter;
	readonly trustedHeader: string | null;
	readonly #scrypt: ScryptParams | undefined;
	/** Settles when the first-admin check has run, so a sign-in right after start-up sees its result. */
	#bootstrapped: Promise<unknown> = Promise.resolve();

	constructor(options: AuthOptions) {
		const { kv, prefix, clock } = options;
		this.users = new UserStore({ kv, prefix, clock, scrypt: options.scrypt });
		this.sessions = new SessionStore({ kv, prefix, policy: options.sessions, clock });
		this.limiter = new LoginLimiter({ kv, prefix, limits: options.limits });
		this.trustedHeader = options.trustedHeader?.toLowerCase() ?? null;
		this.#scrypt = options.scrypt;
	}

	async login(input: { username: string; password: string; address: string }): Promise<LoginResult> {
		await this.#bootstrapped;
		return login(
			{ users: this.users, sessions: this.sessions, limiter: this.limiter, scrypt: this.#scrypt },
			input
		);
	}

	logout(sessionId: string | undefined): Promise<void> {
		return sessionId ? this.sessions.delete(sessionId) : Promise.resolve();
	}

	/**
	 * The user of a request: the trusted header's when that mode is on and the header is present, else the
	 * session cookie's. A header naming no local user falls back to the cookie, never to a guess.
	 */
	async userOf(input: {
		sessionId: string | undefined;
		header: (name: string) => string | null;
	}): Promise<UserRecord | null> {
		if (this.trustedHeader) {
			const upstream = await userFromTrustedHeader(this.users, input.header(this.trustedHeader));
			if (upstream) return upstream;
		}
		return userFromSession(this, input.sessionId);
	}

	bootstrap(options: {
		username: string | undefined;
		password: string | undefined;
		mode: 'redis' | 'embedded';
		logger: Logger;
	}): Promise<BootstrapOutcome> {
		const outcome = bootstrapAdmin(this.users, options);
		this.#bootstrapped = outcome.catch(() => undefined);
		return outcome;
	}
}
