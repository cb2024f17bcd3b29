/**
 * A paired TV. Only SHA-256s are kept: of the token (its HttpOnly cookie) and of its restore key (the
 * one-purpose value its page keeps in localStorage to get a new cookie after the browser drops it).
 */
export interface Device {
	id: string;
	name: string;
	boardId: string;
	tokenHash: string;
	/** Absent on devices paired before restore keys existed: those cannot restore a lost cookie. */
	restoreHash?: string | null;
	createdMs: number;
	revokedMs: number | null;
	/** Last time the TV proved its token (page load or socket). */
	lastSeenMs: number | null;
	/** Last time a board frame was sent to it, as far as the process that served it knows. */
	lastDataMs: number | null;
}

/**
 * What a TV polls while it shows its code; `token` and `restoreKey` are present once, right after
 * binding. The token goes into the HttpOnly cookie only; the page sees the restore key, never the token.
 */
export type PairingStatus =
	| { state: 'pending'; code: string; expiresAtMs: number }
	| { state: 'bound'; token: string; restoreKey: string; boardId: string };

/** What a TV gets for a live restore key: a new token (cookie), a new restore key, its board. */
export interface RestoredDevice {
	device: Device;
	token: string;
	restoreKey: string;
}

export const PAIRING_TTL_MS = 10 * 60_000;
/** Pairing requests per address per window: a TV needs one every ten minutes, a script needs many. */
export const PAIRING_RATE = { max: 20, windowMs: 10 * 60_000 };
