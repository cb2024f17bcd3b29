import { json } from '@sveltejs/kit';
import type { z } from 'zod';
import { badRequest } from '../http/api-auth';
import type { ActionResult } from './user-actions';

/**
 * The JSON body of an ack or snooze, parsed by its schema; or the 400 naming the first wrong field.
 */
export async function readBody<T>(request: Request, schema: z.ZodType<T>): Promise<T | Response> {
	let raw: unknown;
	try {
		raw = await request.json();
	} catch {
		return badRequest('the body must be JSON, e.g. {"user": "zhang.san"}', 'body');
	}
	const parsed = schema.safeParse(raw);
	if (parsed.success) return parsed.data;
	const issue = parsed.error.issues[0];
	const field =
		issue?.path.map(String).join('.') || (issue?.code === 'unrecognized_keys' ? issue.keys[0] : '') || 'body';
	const message =
		issue?.code === 'unrecognized_keys'
			? `unknown field "${issue.keys[0]}"`
			: (issue?.message ?? 'invalid body');
	return badRequest(`${field}: ${message}`, field);
}

export function actionResponse(result: ActionResult): Response {
	if (result.ok) return json({ alert: result.change.alert });
	if (result.status === 404) return json({ error: 'not_found', message: result.message }, { status: 404 });
	return badRequest(`${result.field ?? 'body'}: ${result.message}`, result.field);
}
