import { z } from 'zod';

export const AUDIT_OUTCOMES = ['succeeded', 'failed', 'refused'] as const;

/**
 * One line of the audit trail: who asked for what on whom, why, what the platform answered and how
 * long it took. `refused` is an attempt the server turned down (permission, missing endpoint, unknown
 * agent) before anything was sent.
 */
export const AuditEntry = z.object({
	v: z.literal(1),
	atMs: z.number().int(),
	user: z.string(),
	role: z.string(),
	action: z.string(),
	agentId: z.string().nullable(),
	teamId: z.string().nullable(),
	contactId: z.string().nullable(),
	sessionId: z.string().nullable(),
	mode: z.string().nullable(),
	reason: z.string().nullable(),
	commandId: z.string().nullable(),
	commandType: z.string().nullable(),
	outcome: z.enum(AUDIT_OUTCOMES),
	error: z.string().nullable(),
	durationMs: z.number().nullable()
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export interface AuditFilter {
	user?: string;
	agentId?: string;
	action?: string;
	fromMs?: number;
	toMs?: number;
}

export function matchesAudit(entry: AuditEntry, filter: AuditFilter): boolean {
	if (filter.user && entry.user !== filter.user) return false;
	if (filter.agentId && entry.agentId !== filter.agentId) return false;
	if (filter.action && entry.action !== filter.action) return false;
	if (filter.fromMs !== undefined && entry.atMs < filter.fromMs) return false;
	if (filter.toMs !== undefined && entry.atMs >= filter.toMs) return false;
	return true;
}
