import { z } from 'zod';
import { EventEnvelope, Id, SupervisionMode } from './envelope';

export const SupervisionStarted = EventEnvelope.extend({
	type: z.literal('supervision.started'),
	sessionId: Id,
	commandId: Id.optional(),
	supervisorId: Id,
	agentId: Id,
	contactId: Id,
	mode: SupervisionMode
});
export type SupervisionStarted = z.infer<typeof SupervisionStarted>;

export const SupervisionChanged = EventEnvelope.extend({
	type: z.literal('supervision.changed'),
	sessionId: Id,
	mode: SupervisionMode
});
export type SupervisionChanged = z.infer<typeof SupervisionChanged>;

export const SupervisionEnded = EventEnvelope.extend({
	type: z.literal('supervision.ended'),
	sessionId: Id,
	reason: z.string().max(128).optional()
});
export type SupervisionEnded = z.infer<typeof SupervisionEnded>;
