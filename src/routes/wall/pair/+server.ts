import { json } from '@sveltejs/kit';
import { PairingRateLimitedError } from '$lib/server/devices/device-store';
import { getDevices } from '$lib/server/devices/instance';
import { getRuntime } from '$lib/server/runtime/runtime';
import type { RequestHandler } from './$types';

/** A TV asks for a pairing code: no login, limited per address so codes cannot be farmed. */
export const POST: RequestHandler = async ({ getClientAddress }) => {
	try {
		const request = await getDevices(getRuntime()).requestPairing(getClientAddress());
		return json(request, { headers: { 'cache-control': 'no-store' } });
	} catch (err) {
		if (!(err instanceof PairingRateLimitedError)) throw err;
		return json(
			{ error: 'rate_limited', message: 'too many pairing requests from this address' },
			{ status: 429, headers: { 'retry-after': String(Math.ceil(err.retryAfterMs / 1000)) } }
		);
	}
};
