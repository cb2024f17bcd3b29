import { getRuntime } from '$lib/server/runtime/runtime';
import { handleActionRequest } from '$lib/server/supervise/http';
import type { RequestHandler } from './$types';

/** Starts, changes or stops a supervision session, or forces an agent's state. See docs/api.md. */
export const POST: RequestHandler = ({ request, locals, url }) =>
	handleActionRequest(getRuntime(), locals, request, url);
