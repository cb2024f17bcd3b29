import { requirePermission } from '$lib/server/auth/guard';
import { getRuntime } from '$lib/server/runtime/runtime';
import { ACTION_NAMES, SUPERVISE_MODES } from '$lib/server/supervise/action-request';
import { parseAuditQuery } from '$lib/server/supervise/audit-query';
import type { PageServerLoad } from './$types';

/** Read-only by design: this page has no actions, so nothing here can change or delete the audit. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const me = requirePermission(locals, url, 'audit.read');
	const runtime = getRuntime();
	const filter = parseAuditQuery(url.searchParams, runtime.timeZone, Date.now());
	const entries = await runtime.supervision.audit.query(filter, 1_000);
	return {
		me: { displayName: me.displayName },
		entries,
		timeZone: runtime.timeZone,
		actions: [...SUPERVISE_MODES, ...ACTION_NAMES.filter((a) => a !== 'start')],
		query: Object.fromEntries(
			['user', 'agent', 'action', 'from', 'to'].map((k) => [k, url.searchParams.get(k) ?? ''])
		)
	};
};
