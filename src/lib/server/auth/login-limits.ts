import type { Counter } from './kv-store';

/** Failed sign-ins allowed per window before further attempts are refused without checking the password. */
export interface LoginLimits {
	perAccount: number;
	perAddress: number;
	windowMs: number;
}

/**
 * Five wrong passwords lock one account for the rest of a quarter hour, slowing a guesser to 480 tries a
 * day; twenty per address covers a shared floor PC or NAT without letting one host sweep many accounts.
 */
export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 };

export type LimitVerdict = { allowed: true } | { allowed: false; retryAfterSec: number };

/** Pure: refuse while either counter is at its limit, until the later of the blocking windows ends. */
export function judgeAttempt(account: Counter, address: Counter, limits: LoginLimits): LimitVerdict {
	const blocking = [
		account.count >= limits.perAccount ? account.ttlMs : 0,
		address.count >= limits.perAddress ? address.ttlMs : 0
	];
	const waitMs = Math.max(...blocking);
	// A counter at its limit whose TTL reads 0 is expiring this instant: let the attempt through.
	return waitMs > 0 ? { allowed: false, retryAfterSec: Math.ceil(waitMs / 1000) } : { allowed: true };
}
