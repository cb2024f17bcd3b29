import { z } from 'zod';
import { AgentOwnState, EventEnvelope, Id, StateReason } from './envelope';

export const Capacity = z.object({
	voice: z.number().int().min(0).max(10).optional(),
	chat: z.number().int().min(0).max(20).optional(),
	email: z.number().int().min(0).max(50).optional()
});
export type Capacity = z.infer<typeof Capacity>;

/** Defaults when a login carries no capacity (CONTRACT.md). */
export const DEFAULT_CAPACITY = { voice: 1, chat: 3, email: 1 } as const;

export const AgentLogin = EventEnvelope.extend({
	type: z.literal('agent.login'),
	agentId: Id,
	name: z.string().min(1).max(128),
	teamId: Id,
	queues: z.array(Id).max(200),
	capacity: Capacity.optional()
});
export type AgentLogin = z.infer<typeof AgentLogin>;

export const AgentState = EventEnvelope.extend({
	type: z.literal('agent.state'),
	agentId: Id,
	state: AgentOwnState,
	reason: StateReason.optional()
});
export type AgentState = z.infer<typeof AgentState>;

export const AgentLogout = EventEnvelope.extend({
	type: z.literal('agent.logout'),
	agentId: Id,
	reason: StateReason.optional()
});
export type AgentLogout = z.infer<typeof AgentLogout>;
