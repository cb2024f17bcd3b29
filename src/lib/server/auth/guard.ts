import { error, redirect } from '@sveltejs/kit';
import { can } from './permissions';
import type { Action, Subject } from './roles';

/**
 * The server-side check for a route or action: anonymous visitors go to /login, signed-in users
 * without the permission get 403. Pages hide what one may not do, but this is the guard.
 */
export function requirePermission(
	locals: App.Locals,
	url: URL,
	action: Action,
	subject?: Subject
): NonNullable<App.Locals['user']> {
	if (!locals.user || !locals.actor) {
		redirect(303, `/login?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`);
	}
	if (!can(locals.actor, action, subject)) error(403, 'Forbidden: your role may not open this page');
	return locals.user;
}
