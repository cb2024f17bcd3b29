import { z } from 'zod';
import { Channel, EventEnvelope, Id } from './envelope';

export const ContactQueued = EventEnvelope.extend({
	type: z.literal('contact.queued'),
	contactId: Id,
	queueId: Id,
	channel: Channel,
	customerId: Id.optional(),
	vip: z.boolean().optional(),
	priority: z.number().int().optional()
});
export type ContactQueued = z.infer<typeof ContactQueued>;

const contactAgent = { contactId: Id, agentId: Id };

export const ContactRinging = EventEnvelope.extend({ type: z.literal('contact.ringing'), ...contactAgent });
export type ContactRinging = z.infer<typeof ContactRinging>;

export const ContactRona = EventEnvelope.extend({ type: z.literal('contact.rona'), ...contactAgent });
export type ContactRona = z.infer<typeof ContactRona>;

export const ContactAnswered = EventEnvelope.extend({ type: z.literal('contact.answered'), ...contactAgent });
export type ContactAnswered = z.infer<typeof ContactAnswered>;

export const ContactHeld = EventEnvelope.extend({ type: z.literal('contact.held'), contactId: Id });
export type ContactHeld = z.infer<typeof ContactHeld>;

export const ContactResumed = EventEnvelope.extend({ type: z.literal('contact.resumed'), contactId: Id });
export type ContactResumed = z.infer<typeof ContactResumed>;

export const ContactTransferred = EventEnvelope.extend({
	type: z.literal('contact.transferred'),
	contactId: Id,
	fromAgentId: Id,
	toQueueId: Id.optional(),
	toAgentId: Id.optional()
});
export type ContactTransferred = z.infer<typeof ContactTransferred>;

export const ContactAbandoned = EventEnvelope.extend({ type: z.literal('contact.abandoned'), contactId: Id });
export type ContactAbandoned = z.infer<typeof ContactAbandoned>;

export const ContactFlowedOut = EventEnvelope.extend({
	type: z.literal('contact.flowed_out'),
	contactId: Id,
	to: z.string().min(1).max(64)
});
export type ContactFlowedOut = z.infer<typeof ContactFlowedOut>;

export const ContactEnded = EventEnvelope.extend({ type: z.literal('contact.ended'), ...contactAgent });
export type ContactEnded = z.infer<typeof ContactEnded>;

export const ContactWrapped = EventEnvelope.extend({ type: z.literal('contact.wrapped'), ...contactAgent });
export type ContactWrapped = z.infer<typeof ContactWrapped>;

export const ContactSurvey = EventEnvelope.extend({
	type: z.literal('contact.survey'),
	contactId: Id,
	score: z.number().int().min(1, 'score must be 1..5').max(5, 'score must be 1..5')
});
export type ContactSurvey = z.infer<typeof ContactSurvey>;
