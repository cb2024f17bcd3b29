import type { IncomingMessage } from 'node:http';
import { getRuntime } from '../runtime/runtime';
import { actorOf } from './actor';
import type { Auth } from './auth';
import { SESSION_COOKIE } from './cookie';
import { getAuth } from './instance';
import { allowedOrigins, originAllowed } from './origin';
import type { Actor } from './roles';
import { toPublicUser, type PublicUser } from './user';

/**
 * Who opens a socket. `user` is null for an anonymous client (a wallboard before TV pairing, an
 * integration): the hub decides per view whether that is enough, asking `can(actor, …)`. `refuse`
 * accepts the upgrade only to close it at once with that code: a browser sees a WebSocket close code
 * (a revoked TV's 4401 sends it back to pairing), never just a failed connection, which it would retry
 * for ever.
 */
export type UpgradeIdentity =
	| { ok: true; user: PublicUser | null; actor: Actor | null; refuse?: { code: number; reason: string } }
	| { ok: false; status: 403; reason: string };

/** Reads one cookie from a raw Cookie header (the upgrade has no Kit `cookies`). */
export function readCookie(header: string | undefined, name: string): string | undefined {
	for (const part of header?.split(';') ?? []) {
		const eq = part.indexOf('=');
		if (eq > 0 && part.slice(0, eq).trim() === name) {
			try {
				return decodeURIComponent(part.slice(eq + 1).trim());
			} catch {
				return undefined;
			}
		}
	}
	return undefined;
}

/** The identity behind an upgrade request, given the Auth and the allowed origins (testable core). */
export async function identifyUpgrade(
	auth: Auth,
	req: Pick<IncomingMessage, 'headers'>,
	origins: readonly string[]
): Promise<UpgradeIdentity> {
	if (!originAllowed(req.headers.origin, req.headers.host, origins)) {
		return { ok: false, status: 403, reason: 'origin not allowed' };
	}
	const user = await auth.userOf({
		sessionId: readCookie(req.headers.cookie, SESSION_COOKIE),
		header: (name) => {
			const value = req.headers[name];
			return typeof value === 'string' ? value : null;
		}
	});
	return user
		? { ok: true, user: toPublicUser(user), actor: actorOf(user) }
		: { ok: true, user: null, actor: null };
}

/**
 * For the hub's upgrade handler, before `wss.handleUpgrade`: checks the Origin and reads the session
 * cookie (or the trusted header), since upgrades bypass Kit's hooks. Answer `status` on the raw socket
 * when `ok` is false.
 */
export function authenticateUpgrade(req: IncomingMessage): Promise<UpgradeIdentity> {
	const runtime = getRuntime();
	return identifyUpgrade(getAuth(runtime), req, allowedOrigins(runtime.config.env));
}
