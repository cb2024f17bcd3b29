import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** Cost parameters stored with every hash, so they can be raised later without breaking old hashes. */
export interface ScryptParams {
	/** CPU/memory cost, a power of two. */
	N: number;
	r: number;
	p: number;
}

/** OWASP's scrypt minimum (N=2^15, r=8, p=3): about 32 MiB and some tens of milliseconds per check. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 3 };
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

function derive(password: string, salt: Buffer, params: ScryptParams, keyLength: number): Promise<Buffer> {
	// Node's default maxmem (32 MiB) is exactly 128·N·r at N=2^15, r=8, which it rejects: give headroom.
	const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 };
	return new Promise((resolve, reject) =>
		scrypt(password.normalize('NFKC'), salt, keyLength, options, (err, key) =>
			err ? reject(err) : resolve(key)
		)
	);
}

/** `scrypt$N$r$p$salt$hash` (base64url): self-describing, so verify needs nothing but the string. */
export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
	const salt = randomBytes(SALT_LENGTH);
	const key = await derive(password, salt, params, KEY_LENGTH);
	return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join(
		'$'
	);
}

/** True when the password matches; false for a wrong password or a malformed hash (never throws on input). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const parts = stored.split('$');
	if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
	const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
	if (![N, r, p].every((n) => Number.isInteger(n) && n > 0)) return false;
	const salt = Buffer.from(parts[4] ?? '', 'base64url');
	const expected = Buffer.from(parts[5] ?? '', 'base64url');
	if (salt.length === 0 || expected.length === 0) return false;
	const actual = await derive(password, salt, { N, r, p }, expected.length);
	return timingSafeEqual(actual, expected);
}

/**
 * A hash of a random password, verified against when a username is unknown, so the answer takes as long
 * as for a real account and response times do not tell which usernames exist.
 */
const decoys = new Map<string, Promise<string>>();
export function decoyHash(params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
	const key = `${params.N}:${params.r}:${params.p}`;
	let hash = decoys.get(key);
	if (!hash) decoys.set(key, (hash = hashPassword(randomBytes(16).toString('base64url'), params)));
	return hash;
}
