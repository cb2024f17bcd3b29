import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { allowedOrigins, originAllowed } from '$lib/server/auth/origin';
import { can } from '$lib/server/auth/permissions';
import { getRuntime } from '$lib/server/runtime/runtime';
import type { RequestHandler } from './$types';

const Body = z.discriminatedUnion('op', [
	z.object({ op: z.literal('ack'), alertId: z.string().min(1).max(256) }).strict(),
	z
		.object({
			op: z.literal('snooze'),
			alertId: z.string().min(1).max(256),
			minutes: z.number().int().min(1).max(1440)
		})
		.strict()
]);

/**
 * Acknowledge or snooze an alert from the console, as the signed-in user (never a name from the body),
 * and only for alerts about a team this person may read.
 */
export const POST: RequestHandler = async ({ request, locals, url }) => {
	const runtime = getRuntime();
	if (!locals.user || !locals.actor) return json({ error: 'sign in first' }, { status: 401 });
	const origin = request.headers.get('origin') ?? undefined;
	if (!origin || !originAllowed(origin, url.host, allowedOrigins(runtime.config.env))) {
		return json({ error: 'cross-site request refused' }, { status: 403 });
	}
	const parsed = Body.safeParse(await request.json().catch(() => null));
	if (!parsed.success)
		return json({ error: parsed.error.issues[0]?.message ?? 'invalid body' }, { status: 400 });
	const body = parsed.data;
	const alert = runtime.alerts.list().find((a) => a.alertId === body.alertId);
	if (!alert) return json({ error: 'no such active alert' }, { status: 404 });
	const teams = new Set<string>();
	if (alert.agentId) {
		const teamId = runtime.floor.agents.get(alert.agentId)?.teamId;
		if (teamId !== undefined) teams.add(teamId);
	}
	for (const team of runtime.setup.teams)
		if (team.queues.some((q) => alert.queueIds.includes(q))) teams.add(team.teamId);
	if (![...teams].some((team) => can(locals.actor, 'team.read', { team }))) {
		return json({ error: 'this alert is not about your teams' }, { status: 403 });
	}
	const user = locals.user.username;
	const result =
		body.op === 'ack'
			? await runtime.alerts.acknowledge(body.alertId, user)
			: await runtime.alerts.snooze(body.alertId, { user, minutes: body.minutes });
	if (result.ok) return json({ alert: result.change.alert });
	return json({ error: result.message }, { status: result.status });
};
