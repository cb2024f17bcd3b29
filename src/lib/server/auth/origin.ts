/**
 * Whether a browser origin may open the socket: the page's own host, or one configured (ORIGIN,
 * WS_ORIGINS). Upgrades skip Kit's form-origin check, and a socket carries the session cookie, so
 * without this any site a supervisor visits could open their console's socket (cross-site hijacking).
 */
export function originAllowed(
	origin: string | undefined,
	host: string | undefined,
	allowed: readonly string[]
): boolean {
	// Non-browser clients (integrations, benchmarks) send no Origin; browsers always do.
	if (origin === undefined) return true;
	if (allowed.includes(origin)) return true;
	try {
		return host !== undefined && new URL(origin).host === host;
	} catch {
		return false;
	}
}

/** ORIGIN plus the comma-separated WS_ORIGINS, blanks dropped. */
export function allowedOrigins(env: { ORIGIN?: string; WS_ORIGINS?: string }): string[] {
	return [env.ORIGIN, ...(env.WS_ORIGINS?.split(',') ?? [])].flatMap((o) => (o?.trim() ? [o.trim()] : []));
}
