import { json } from '@sveltejs/kit';
import { badRequest, requireApiToken } from '$lib/server/http/api-auth';
import { getRuntime } from '$lib/server/runtime/runtime';
import { parseCalcQuery, staffingCalc } from '$lib/server/staffing/calc';
import type { RequestHandler } from './$types';

/** Staffing calculator: Erlang C / Erlang A figures and required agents for a query. See docs/api.md. */
export const GET: RequestHandler = ({ request, url }) => {
	const denied = requireApiToken(request, getRuntime().config.apiTokens);
	if (denied) return denied;
	const parsed = parseCalcQuery(url.searchParams);
	if (!parsed.ok) return badRequest(parsed.message, parsed.parameter);
	try {
		return json(staffingCalc(parsed.value));
	} catch (err) {
		// The models reject impossible input with a RangeError. The parser is meant to catch all of it
		// first; should one slip past, the caller still learns what was wrong instead of getting a 500.
		if (err instanceof RangeError) return badRequest(err.message, 'query');
		throw err;
	}
};
