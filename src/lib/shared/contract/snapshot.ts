import { z } from 'zod';
import { Capacity } from './agent-events';
import { AgentOwnState, Channel, EpochMs, EventEnvelope, Id, StateReason } from './envelope';

export const SnapshotAgent = z.object({
	agentId: Id,
	name: z.string().min(1).max(128),
	teamId: Id,
	queues: z.array(Id).max(200),
	capacity: Capacity.optional(),
	state: AgentOwnState,
	reason: StateReason.nullish(),
	since: EpochMs
});
export type SnapshotAgent = z.infer<typeof SnapshotAgent>;

export const SnapshotContactStatus = z.enum(['queued', 'ringing', 'talking', 'held', 'wrapup']);
export type SnapshotContactStatus = z.infer<typeof SnapshotContactStatus>;

export const SnapshotContact = z.object({
	contactId: Id,
	queueId: Id,
	channel: Channel,
	customerId: Id.optional(),
	vip: z.boolean().optional(),
	status: SnapshotContactStatus,
	agentId: Id.optional(),
	since: EpochMs,
	queuedAt: EpochMs
});
export type SnapshotContact = z.infer<typeof SnapshotContact>;

/** Replaces the live picture (agents, open contacts); never rewrites history already counted. */
export const FloorSnapshot = EventEnvelope.extend({
	type: z.literal('floor.snapshot'),
	agents: z.array(SnapshotAgent).max(100_000),
	contacts: z.array(SnapshotContact).max(100_000),
	asOf: EpochMs
});
export type FloorSnapshot = z.infer<typeof FloorSnapshot>;
