import { timingSafeEqual } from 'node:crypto';
import { json } from '@sveltejs/kit';

/** Compares in constant time so a token cannot be guessed byte by byte from response times. */
function sameToken(given: string, expected: string): boolean {
	const a = Buffer.from(given);
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}

/** Returns a 401 response when the request lacks a valid `Authorization: Bearer <token>`, else null. */
export function requireApiToken(request: Request, tokens: readonly string[]): Response | null {
	const header = request.headers.get('authorization') ?? '';
	const match = /^Bearer\s+(\S+)$/i.exec(header);
	if (match && tokens.some((token) => sameToken(match[1] ?? '', token))) return null;
	return json(
		{ error: 'unauthorized', message: 'send Authorization: Bearer <token> with one of the API_TOKENS' },
		{ status: 401, headers: { 'www-authenticate': 'Bearer' } }
	);
}

/** A 4xx JSON error with a message that says what to fix. */
export function badRequest(message: string, parameter?: string): Response {
	return json({ error: 'bad_request', message, ...(parameter ? { parameter } : {}) }, { status: 400 });
}
