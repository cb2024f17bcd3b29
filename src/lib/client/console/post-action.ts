/** What the console shows for an action: pending until the server answers with the platform's result. */
export type ActionState =
	| { status: 'pending'; label: string }
	| { status: 'succeeded'; label: string; sessionId: string | null }
	| { status: 'failed'; label: string; error: string; timedOut: boolean };

export type ActionBody =
	| { action: 'start'; agentId: string; contactId: string; mode: string }
	| { action: 'change'; sessionId: string; mode: string }
	| { action: 'stop'; sessionId: string }
	| { action: 'force_ready' | 'force_not_ready' | 'force_logout'; agentId: string; reason: string };

/**
 * Posts one action and waits for its outcome. A network error or an answer that is not the server's
 * JSON is a failure too: nothing is shown as done without the platform's result.
 */
export async function postAction(
	body: ActionBody,
	label: string,
	fetcher: typeof fetch = fetch
): Promise<Exclude<ActionState, { status: 'pending' }>> {
	try {
		const res = await fetcher('/console/actions', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body)
		});
		const answer = (await res.json()) as {
			status?: string;
			sessionId?: string | null;
			error?: string;
			timedOut?: boolean;
		};
		if (res.ok && answer.status === 'succeeded')
			return { status: 'succeeded', label, sessionId: answer.sessionId ?? null };
		return {
			status: 'failed',
			label,
			error: answer.error ?? `HTTP ${res.status}`,
			timedOut: answer.timedOut === true
		};
	} catch (err) {
		return { status: 'failed', label, error: String(err), timedOut: false };
	}
}

export async function postAlertAction(
	body: { op: 'ack'; alertId: string } | { op: 'snooze'; alertId: string; minutes: number },
	fetcher: typeof fetch = fetch
): Promise<string | null> {
	try {
		const res = await fetcher('/console/alerts', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body)
		});
		if (res.ok) return null;
		return ((await res.json()) as { error?: string }).error ?? `HTTP ${res.status}`;
	} catch (err) {
		return String(err);
	}
}
