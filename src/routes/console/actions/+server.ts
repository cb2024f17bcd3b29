import { getRuntime } from '$lib/server/runtime/runtime';
import { handleActionRequest } from '$lib/server/supervise/http';
import type { RequestHandler } from './$types';

/** The console's supervision actions: the same checks, command and audit as `POST /api/v1/supervise`. */
export const POST: RequestHandler = ({ request, locals, url }) =>
	handleActionRequest(getRuntime(), locals, request, url);
