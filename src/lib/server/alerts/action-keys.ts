import { z } from 'zod';
import { ALERT_SEVERITIES } from '../../shared/protocol/alert-frames';

/** Redis names of the alert actions (docs/api.md "Alerts"). */
export function alertKeys(prefix: string) {
	return {
		/** Hash: `<alertId>|ack|<user>`, `<alertId>|snooze|<user>`, `<alertId>|cleared|` → JSON ActionValue. */
		acks: `${prefix}:alerts:acks`,
		/** Pub/sub: one message per write, so every replica re-reads the hash. */
		changed: `${prefix}:alerts.changed`
	} as const;
}
export type AlertKeys = ReturnType<typeof alertKeys>;

export type ActionKind = 'ack' | 'snooze' | 'cleared';

/** Alert ids are `al-` + base64url and users may not contain `|`, so the separator is unambiguous. */
export function actionField(alertId: string, action: ActionKind, user: string): string {
	return `${alertId}|${action}|${user}`;
}

export function parseActionField(
	field: string
): { alertId: string; action: ActionKind; user: string } | null {
	const [alertId, action, user, ...rest] = field.split('|');
	if (!alertId || user === undefined || rest.length > 0) return null;
	if (action !== 'ack' && action !== 'snooze' && action !== 'cleared') return null;
	return { alertId, action, user };
}

/** A stored value, as every replica writes and reads it. */
export const ActionValue = z.object({
	v: z.literal(1),
	subject: z.string(),
	atMs: z.number(),
	expiresAtMs: z.number(),
	severity: z.enum(ALERT_SEVERITIES).optional(),
	untilMs: z.number().optional()
});
export type ActionValue = z.infer<typeof ActionValue>;

export function parseActionValue(text: string): ActionValue | null {
	try {
		const parsed = ActionValue.safeParse(JSON.parse(text));
		return parsed.success ? parsed.data : null;
	} catch {
		return null;
	}
}
