import { z } from 'zod';
import { Id, StateReason, SupervisionMode } from '../../shared/contract/envelope';

/** The four ways in, in escalation order (listen → whisper → barge → takeover). */
export const SUPERVISE_MODES = SupervisionMode.options;

const reason = StateReason.trim().min(1, 'a reason is required');

/**
 * What a supervisor asks for, from a console form or the JSON API. `start` opens a session on the
 * agent's contact; `change` and `stop` act on a session; the `force_*` actions change the agent.
 */
export const ActionRequest = z.discriminatedUnion('action', [
	z.object({ action: z.literal('start'), agentId: Id, contactId: Id, mode: SupervisionMode }).strict(),
	z.object({ action: z.literal('change'), sessionId: Id, mode: SupervisionMode }).strict(),
	z.object({ action: z.literal('stop'), sessionId: Id }).strict(),
	z.object({ action: z.literal('force_ready'), agentId: Id, reason }).strict(),
	z.object({ action: z.literal('force_not_ready'), agentId: Id, reason }).strict(),
	z.object({ action: z.literal('force_logout'), agentId: Id, reason }).strict()
]);
export type ActionRequest = z.infer<typeof ActionRequest>;
export type ActionName = ActionRequest['action'];
export const ACTION_NAMES = ActionRequest.options.map((o) => o.shape.action.value);
