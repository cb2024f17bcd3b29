/** A paired TV. Only the token's SHA-256 is kept; the token itself is handed to the TV once. */
export interface Device {
	id: string;
	name: string;
	boardId: string;
	tokenHash: string;
	createdMs: number;
	revokedMs: number | null;
	/** Last time the TV proved its token (page load or socket). */
	lastSeenMs: number | null;
	/** Last time a board frame was sent to it, as far as the process that served it knows. */
	lastDataMs: number | null;
}

/** What a TV polls while it shows its code; `token` is present once, right after binding. */
export type PairingStatus =
	| { state: 'pending'; code: string; expiresAtMs: number }
	| { state: 'bound'; token: string; boardId: string };

export const PAIRING_TTL_MS = 10 * 60_000;
/** Pairing requests per address per window: a TV needs one every ten minutes, a script needs many. */
export const PAIRING_RATE = { max: 20, windowMs: 10 * 60_000 };
