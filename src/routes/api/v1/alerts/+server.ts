import { json } from '@sveltejs/kit';
import { parseAlertQuery } from '$lib/server/alerts/alert-query';
import { badRequest, requireApiToken } from '$lib/server/http/api-auth';
import { getRuntime } from '$lib/server/runtime/runtime';
import type { RequestHandler } from './$types';

/** Active (or recently cleared) alerts, red first, newest first. See docs/api.md "Alerts". */
export const GET: RequestHandler = ({ request, url }) => {
	const runtime = getRuntime();
	const denied = requireApiToken(request, runtime.config.apiTokens);
	if (denied) return denied;
	const filter = parseAlertQuery(url);
	if ('parameter' in filter) return badRequest(filter.message, filter.parameter);
	return json({
		asOf: runtime.floor.lastEventTs,
		serverNowMs: runtime.clock(),
		state: filter.state ?? 'active',
		alerts: runtime.alerts.list(filter)
	});
};
