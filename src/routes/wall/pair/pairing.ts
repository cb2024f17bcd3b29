/** The TV's copy of its token, to restore the cookie if the browser drops it (kiosk profiles do). */
export const TOKEN_KEY = 'wallboard.deviceToken';
export const POLL_MS = 3_000;

export function storedToken(): string | null {
	try {
		return localStorage.getItem(TOKEN_KEY);
	} catch {
		return null;
	}
}

export function storeToken(token: string | null): void {
	try {
		if (token) localStorage.setItem(TOKEN_KEY, token);
		else localStorage.removeItem(TOKEN_KEY);
	} catch {
		// Storage disabled: the cookie alone still works.
	}
}

/** Splits a code for reading across a room: `K7R X3M`. */
export function spaced(code: string): string {
	return `${code.slice(0, 3)} ${code.slice(3)}`;
}
