export interface BackoffOptions {
	/** Upper bound of the first retry's delay. */
	baseMs: number;
	/** No retry waits longer than this, however many attempts failed. */
	capMs: number;
}

export const RECONNECT_BACKOFF: BackoffOptions = { baseMs: 500, capMs: 30_000 };

/**
 * Delay before reconnect attempt `attempt` (0-based): exponential, capped, with "equal jitter".
 * Half the delay is fixed so a failing server is never hammered with near-zero retries; half is random
 * so a thousand TVs dropped by the same server restart do not all come back in the same millisecond.
 */
export function backoffDelayMs(
	attempt: number,
	random: () => number,
	options: BackoffOptions = RECONNECT_BACKOFF
): number {
	const exponent = Math.min(Math.max(0, Math.floor(attempt)), 30);
	const ceiling = Math.min(options.capMs, options.baseMs * 2 ** exponent);
	const r = Math.min(1, Math.max(0, random()));
	return Math.round(ceiling / 2 + (r * ceiling) / 2);
}
