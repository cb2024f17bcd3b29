/**
 * The TV's restore key: not a credential (the token lives in an HttpOnly cookie the page never sees),
 * only something `/wall/restore` trades, once, for a new cookie when the browser dropped it.
 */
export const RESTORE_KEY = 'wallboard.deviceRestore';
/** Where pages before the HttpOnly cookie mirrored the token itself; removed wherever it is found. */
const LEGACY_TOKEN_KEY = 'wallboard.deviceToken';
export const POLL_MS = 3_000;

export function storedRestoreKey(): string | null {
	try {
		localStorage.removeItem(LEGACY_TOKEN_KEY);
		return localStorage.getItem(RESTORE_KEY);
	} catch {
		return null;
	}
}

export function storeRestoreKey(key: string | null): void {
	try {
		localStorage.removeItem(LEGACY_TOKEN_KEY);
		if (key) localStorage.setItem(RESTORE_KEY, key);
		else localStorage.removeItem(RESTORE_KEY);
	} catch {
		// Storage disabled: the cookie alone still works; only a dropped cookie then needs pairing again.
	}
}

export type RestoreOutcome = { ok: true; boardId: string } | { ok: false; reason: 'refused' | 'unreachable' };

/**
 * Trades the stored restore key for a new cookie (set by the server's answer) and keeps the new key.
 * A refused key is forgotten; an unreachable server leaves it for the next try.
 */
export async function restoreDevice(key: string, signal?: AbortSignal): Promise<RestoreOutcome> {
	try {
		const res = await fetch('/wall/restore', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ restoreKey: key }),
			signal
		});
		if (res.status === 404) {
			storeRestoreKey(null);
			return { ok: false, reason: 'refused' };
		}
		if (!res.ok) return { ok: false, reason: 'unreachable' };
		const body = (await res.json()) as { boardId: string; restoreKey: string };
		storeRestoreKey(body.restoreKey);
		return { ok: true, boardId: body.boardId };
	} catch {
		return { ok: false, reason: 'unreachable' };
	}
}

/** Splits a code for reading across a room: `K7R X3M`. */
export function spaced(code: string): string {
	return `${code.slice(0, 3)} ${code.slice(3)}`;
}
