import { fail, redirect } from '@sveltejs/kit';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { getAuth } from '$lib/server/auth/instance';
import { safeRedirectTarget } from '$lib/server/auth/redirect-target';
import { getRuntime } from '$lib/server/runtime/runtime';
import type { Actions, PageServerLoad } from './$types';

/** Someone already signed in has nothing to do here. */
export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
	return {};
};

export const actions = {
	default: async ({ request, cookies, url, getClientAddress, setHeaders }) => {
		const form = await request.formData();
		const username = String(form.get('username') ?? '').trim();
		const password = String(form.get('password') ?? '');
		if (!username || !password) return fail(400, { username, error: 'authMissing' as const });

		const auth = getAuth(getRuntime());
		const result = await auth.login({ username, password, address: getClientAddress() });
		if (!result.ok && result.reason === 'rate_limited') {
			setHeaders({ 'retry-after': String(result.retryAfterSec) });
			return fail(429, {
				username,
				error: 'authRateLimited' as const,
				retryAfterMin: Math.ceil(result.retryAfterSec / 60)
			});
		}
		if (!result.ok) return fail(400, { username, error: 'authInvalid' as const });

		setSessionCookie(cookies, result.sessionId, {
			secure: url.protocol === 'https:',
			policy: auth.sessions.policy
		});
		redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
	}
} satisfies Actions;
