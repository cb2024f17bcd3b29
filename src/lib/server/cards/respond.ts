import { json } from '@sveltejs/kit';
import type { CardResult } from './formula-card';

/** A card result as an HTTP answer: the card, or the 400/404 with its message. */
export function cardResponse(result: CardResult): Response {
	if (result.ok) return json(result.card, { headers: { 'cache-control': 'no-store' } });
	const error = result.status === 404 ? 'not_found' : 'bad_request';
	return json(
		{ error, message: result.message, ...(result.parameter ? { parameter: result.parameter } : {}) },
		{ status: result.status }
	);
}
