import { error, type RequestEvent } from '@sveltejs/kit';
import { requireApiToken } from '../http/api-auth';
import { getRuntime } from '../runtime/runtime';

/** Who may change boards, and the name their saves are recorded under. */
export interface BoardAdmin {
	savedBy: string;
}

type GuardEvent = Pick<RequestEvent, 'request' | 'locals'>;

/**
 * The one check for changing boards, used by the editor's load and actions and by the JSON API: a
 * valid API token (`Authorization: Bearer …`), or a signed-in admin. Returns null when neither; the
 * callers turn that into a 401/403 of their kind. Finer rules (a team's own boards) belong here.
 */
export function boardAdminOf(event: GuardEvent): BoardAdmin | null {
	const user = event.locals.user;
	if (user && user.role === 'admin' && !user.disabled) return { savedBy: user.username };
	if (event.request.headers.has('authorization')) {
		const denied = requireApiToken(event.request, getRuntime().config.apiTokens);
		if (!denied) return { savedBy: 'api' };
	}
	return null;
}

/** For pages and form actions: 403 unless `boardAdminOf` allows (anonymous visitors were sent to /login). */
export function requireBoardAdmin(event: GuardEvent): BoardAdmin {
	const admin = boardAdminOf(event);
	if (!admin) error(403, 'Forbidden: editing boards needs an admin account');
	return admin;
}
