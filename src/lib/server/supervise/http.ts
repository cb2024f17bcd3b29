import { json } from '@sveltejs/kit';
import { allowedOrigins, originAllowed } from '../auth/origin';
import type { Runtime } from '../runtime/runtime';
import { ActionRequest } from './action-request';
import type { ActionResponse } from './supervise-service';

/**
 * The JSON endpoint's core, shared by the console and `POST /api/v1/supervise`. Kit checks the Origin
 * of form posts only; this body is JSON and rides on the session cookie, so the Origin is checked here.
 */
export async function handleActionRequest(
	runtime: Runtime,
	locals: App.Locals,
	request: Request,
	url: URL
): Promise<Response> {
	if (!locals.user || !locals.actor) {
		return json({ status: 'refused', error: 'sign in first' }, { status: 401 });
	}
	const origin = request.headers.get('origin') ?? undefined;
	if (!origin || !originAllowed(origin, url.host, allowedOrigins(runtime.config.env))) {
		return json(
			{ status: 'refused', error: 'cross-site request refused (Origin missing or foreign)' },
			{ status: 403 }
		);
	}
	let raw: unknown;
	try {
		raw = await request.json();
	} catch {
		return json({ status: 'refused', error: 'the body must be JSON' }, { status: 400 });
	}
	const parsed = ActionRequest.safeParse(raw);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const field = issue?.path.map(String).join('.') || 'body';
		return json({ status: 'refused', error: `${field}: ${issue?.message ?? 'invalid'}` }, { status: 400 });
	}
	const result = await runtime.supervision.service.run(
		{
			username: locals.user.username,
			role: locals.user.role,
			actor: locals.actor,
			audioEndpoint: locals.user.audioEndpoint
		},
		parsed.data
	);
	// The HTTP status already says what `httpStatus` says; the body stays the client's shape.
	const body = result.status === 'refused' ? { status: result.status, error: result.error } : result;
	return json(body, { status: statusOf(result) });
}

function statusOf(result: ActionResponse): number {
	if (result.status === 'succeeded') return 200;
	if (result.status === 'refused') return result.httpStatus;
	// The platform said no (502) or said nothing in time (504).
	return result.timedOut ? 504 : 502;
}
