import { json } from '@sveltejs/kit';
import { requireApiToken } from '$lib/server/http/api-auth';
import { getRuntime } from '$lib/server/runtime/runtime';
import { AGENT_COUNT_CARDS, AGENT_WINDOW_CARDS, QUEUE_CARDS } from '$lib/shared/metrics/cards';
import type { RequestHandler } from './$types';

/** The figures that have formula cards, with their names and formulas in words. See docs/api.md. */
export const GET: RequestHandler = ({ request }) => {
	const runtime = getRuntime();
	const denied = requireApiToken(request, runtime.config.apiTokens);
	if (denied) return denied;
	const entry = (source: string) => (d: { id: string; name: unknown; formula: unknown; unit: string }) => ({
		id: d.id,
		source,
		name: d.name,
		unit: d.unit,
		...(typeof d.formula === 'function' ? {} : { formula: d.formula })
	});
	return json({
		figures: [
			...QUEUE_CARDS.map(entry('queue')),
			...AGENT_COUNT_CARDS.map(entry('agent-counts')),
			...AGENT_WINDOW_CARDS.map(entry('agent-window'))
		]
	});
};
