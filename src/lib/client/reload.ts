/** Reloads are spread over this window so a deploy does not make every TV on the floor reload at once. */
export const RELOAD_JITTER_MS = 10_000;
/** A page that reloads and is told "too old" again within this time waits this long before trying again. */
export const RELOAD_LOOP_GUARD_MS = 60_000;

/**
 * Delay before reloading a page the server called too old (close 4409). If the previous reload was
 * moments ago, the server is still on the old build (or a proxy caches the page): wait instead of
 * reloading in a tight loop for weeks.
 */
export function reloadDelayMs(lastReloadAtMs: number | null, nowMs: number, random: () => number): number {
	const jitter = Math.round(Math.min(1, Math.max(0, random())) * RELOAD_JITTER_MS);
	const recent =
		lastReloadAtMs !== null && nowMs - lastReloadAtMs >= 0 && nowMs - lastReloadAtMs < RELOAD_LOOP_GUARD_MS;
	return (recent ? RELOAD_LOOP_GUARD_MS : 1_000) + jitter;
}
