import { createHash, randomBytes, randomInt } from 'node:crypto';

/** No 0/O, 1/I/L, 2/Z, 5/S or 8/B: a code read off a TV across a room must not be misread. */
export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const CODE_LENGTH = 6;

/** A pairing code such as `K7RX3M`; `pick` is injectable so tests can fix the letters. */
export function pairingCode(pick: (max: number) => number = randomInt): string {
	let code = '';
	for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[pick(CODE_ALPHABET.length)];
	return code;
}

/** Upper-cases and drops spaces and dashes, so `k7r-x3m` typed by an admin finds `K7RX3M`. */
export function normalizeCode(input: string): string {
	return input.toUpperCase().replace(/[\s-]/g, '');
}

/** A secret with 256 bits of entropy: device tokens and poll ids. */
export function secretToken(): string {
	return randomBytes(32).toString('base64url');
}

/** Only this is stored: a leaked store must not let anyone act as a TV. */
export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}
