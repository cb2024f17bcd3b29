import { json } from '@sveltejs/kit';
import type { z } from 'zod';
import { badRequest } from '../http/api-auth';
import { fieldIssues } from './schema';

/** The request body as JSON, or the 400 that says it is not. */
export async function readJsonBody(request: Request): Promise<unknown | Response> {
	const text = await request.text();
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return badRequest('the body must be JSON (Content-Type: application/json)', 'body');
	}
}

/** The request body parsed by `schema`, or the 400 that says what is wrong with it. */
export async function parseJsonBody<S extends z.ZodType>(
	request: Request,
	schema: S
): Promise<z.output<S> | Response> {
	const raw = await readJsonBody(request);
	if (raw instanceof Response) return raw;
	const parsed = schema.safeParse(raw);
	return parsed.success ? parsed.data : invalidSettings(parsed.error);
}

/**
 * A 400 naming every field that failed, first one as `parameter` (like the other 400s of the API), so
 * a script can show "targets.answerRate: Too big: expected number to be <=1" next to the right input.
 */
export function invalidSettings(error: z.ZodError): Response {
	const issues = fieldIssues(error);
	return json(
		{
			error: 'bad_request',
			message: issues.map((i) => `${i.field}: ${i.message}`).join('; '),
			parameter: issues[0]?.field ?? 'body',
			issues
		},
		{ status: 400 }
	);
}

export function unknownQueue(queueId: string, known: string[]): Response {
	return json(
		{
			error: 'not_found',
			message: `no queue "${queueId}" in the centre set-up; settings exist for: ${known.join(', ')}`
		},
		{ status: 404 }
	);
}
