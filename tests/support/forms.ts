import { expect } from 'vitest';
import type { AppHandle } from './app-server';

export type FormFields = Record<string, string | string[]>;

export interface FormOptions {
	cookie?: string | undefined;
	/** The Origin header; Kit refuses form posts without a same-origin one. Default: the app's own. */
	origin?: string;
	/** `x-forwarded-proto`, for testing what an https proxy in front would get. */
	proto?: string;
}

/**
 * A browser-like form post to a page action: urlencoded, same-origin, `accept: text/html` (with an
 * any-type accept Kit answers as if to `use:enhance`, JSON with 200), redirects not followed so tests see them.
 */
export function postForm(app: AppHandle, path: string, fields: FormFields, options: FormOptions = {}) {
	const body = new URLSearchParams();
	for (const [name, value] of Object.entries(fields))
		for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
	return fetch(`${app.baseUrl}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html',
			origin: options.origin ?? app.baseUrl,
			...(options.proto ? { 'x-forwarded-proto': options.proto } : {}),
			...(options.cookie ? { cookie: options.cookie } : {})
		},
		body
	});
}

/** Signs in through the login form and returns the `cc_session=…` pair to send back. */
export async function signIn(app: AppHandle, username: string, password: string): Promise<string> {
	const res = await postForm(app, '/login', { username, password });
	expect(res.status).toBe(303);
	const cookie = res.headers.getSetCookie().find((c) => c.startsWith('cc_session='));
	expect(cookie).toBeDefined();
	return cookie!.split(';')[0]!;
}

/** Creates an account through the admin form, as the signed-in admin whose cookie is given. */
export async function createUser(app: AppHandle, adminCookie: string, fields: FormFields): Promise<void> {
	const res = await postForm(app, '/admin/users?/create', fields, { cookie: adminCookie });
	expect(res.status).toBe(200);
}
