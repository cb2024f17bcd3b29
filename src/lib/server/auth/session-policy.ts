/** How long a session lives: since sign-in (absolute) and since it was last used (idle). */
export interface SessionPolicy {
	absoluteMs: number;
	idleMs: number;
}

export interface SessionTimes {
	createdAtMs: number;
	lastSeenMs: number;
}

/**
 * Extending the idle deadline writes to the store; doing it at most once a minute keeps a busy console
 * from writing on every request, at the cost of idle expiry being up to a minute early.
 */
export const TOUCH_INTERVAL_MS = 60_000;

export type SessionVerdict =
	{ valid: true; touch: boolean; ttlMs: number } | { valid: false; reason: 'idle' | 'expired' };

/** Pure: whether a session is still good at `now`, whether to record the use, and its store TTL. */
export function judgeSession(times: SessionTimes, now: number, policy: SessionPolicy): SessionVerdict {
	const absoluteEnd = times.createdAtMs + policy.absoluteMs;
	if (now >= absoluteEnd) return { valid: false, reason: 'expired' };
	if (now >= times.lastSeenMs + policy.idleMs) return { valid: false, reason: 'idle' };
	const touch = now - times.lastSeenMs >= TOUCH_INTERVAL_MS;
	const idleEnd = (touch ? now : times.lastSeenMs) + policy.idleMs;
	return { valid: true, touch, ttlMs: Math.min(absoluteEnd, idleEnd) - now };
}

/** The store TTL of a fresh session: whichever deadline comes first. */
export function initialTtlMs(policy: SessionPolicy): number {
	return Math.min(policy.absoluteMs, policy.idleMs);
}
