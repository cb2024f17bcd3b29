import { fail } from '@sveltejs/kit';
import { requirePermission } from '$lib/server/auth/guard';
import { getAuth } from '$lib/server/auth/instance';
import { USER_ROLES } from '$lib/server/auth/roles';
import { toPublicUser } from '$lib/server/auth/user';
import { echoFields, parseCreateForm, parsePasswordForm, parseUpdateForm } from '$lib/server/auth/user-forms';
import { UsernameTakenError } from '$lib/server/auth/user-store';
import { getRuntime } from '$lib/server/runtime/runtime';
import type { Actions, PageServerLoad } from './$types';

const context = () => {
	const runtime = getRuntime();
	return { users: getAuth(runtime).users, teamIds: runtime.setup.teams.map((team) => team.teamId) };
};

export const load: PageServerLoad = async ({ locals, url }) => {
	const me = requirePermission(locals, url, 'users.manage');
	const runtime = getRuntime();
	const { users } = context();
	return {
		me: { id: me.id, displayName: me.displayName },
		users: (await users.list()).map(toPublicUser),
		roles: [...USER_ROLES],
		teams: runtime.setup.teams.map((team) => ({ teamId: team.teamId, name: team.name }))
	};
};

/** Every action checks the permission itself: actions run without the page's load. */
export const actions = {
	create: async ({ locals, url, request }) => {
		requirePermission(locals, url, 'users.manage');
		const { users, teamIds } = context();
		const form = await request.formData();
		const parsed = parseCreateForm(form, teamIds);
		if (!parsed.ok)
			return fail(400, { action: 'create' as const, errors: parsed.errors, values: echoFields(form) });
		try {
			const user = await users.create(parsed.value);
			return { action: 'create' as const, notice: 'usersCreatedNotice' as const, username: user.username };
		} catch (err) {
			if (!(err instanceof UsernameTakenError)) throw err;
			return fail(400, {
				action: 'create' as const,
				errors: { username: 'authErrUsernameTaken' as const },
				values: echoFields(form)
			});
		}
	},

	update: async ({ locals, url, request }) => {
		const me = requirePermission(locals, url, 'users.manage');
		const { users, teamIds } = context();
		const form = await request.formData();
		const userId = String(form.get('userId') ?? '');
		const parsed = parseUpdateForm(form, teamIds);
		if (!parsed.ok) return fail(400, { action: 'update' as const, userId, errors: parsed.errors });
		// The last admin could otherwise demote themselves and leave nobody able to manage users.
		if (userId === me.id && parsed.value.role !== 'admin') {
			return fail(400, { action: 'update' as const, userId, errors: { role: 'authErrSelf' as const } });
		}
		const user = await users.update(userId, parsed.value);
		if (!user)
			return fail(404, { action: 'update' as const, userId, errors: { role: 'authErrNotFound' as const } });
		return {
			action: 'update' as const,
			userId,
			notice: 'usersSavedNotice' as const,
			username: user.username
		};
	},

	setDisabled: async ({ locals, url, request }) => {
		const me = requirePermission(locals, url, 'users.manage');
		const form = await request.formData();
		const userId = String(form.get('userId') ?? '');
		const disabled = form.get('disabled') === 'true';
		if (userId === me.id && disabled) {
			return fail(400, { action: 'setDisabled' as const, userId, errors: { role: 'authErrSelf' as const } });
		}
		const user = await context().users.update(userId, { disabled });
		if (!user) {
			return fail(404, {
				action: 'setDisabled' as const,
				userId,
				errors: { role: 'authErrNotFound' as const }
			});
		}
		return {
			action: 'setDisabled' as const,
			userId,
			notice: 'usersSavedNotice' as const,
			username: user.username
		};
	},

	resetPassword: async ({ locals, url, request }) => {
		requirePermission(locals, url, 'users.manage');
		const form = await request.formData();
		const userId = String(form.get('userId') ?? '');
		const parsed = parsePasswordForm(form);
		if (!parsed.ok) return fail(400, { action: 'resetPassword' as const, userId, errors: parsed.errors });
		const user = await context().users.setPassword(userId, parsed.value.password);
		if (!user) {
			return fail(404, {
				action: 'resetPassword' as const,
				userId,
				errors: { password: 'authErrNotFound' as const }
			});
		}
		return {
			action: 'resetPassword' as const,
			userId,
			notice: 'usersPasswordNotice' as const,
			username: user.username
		};
	}
} satisfies Actions;
