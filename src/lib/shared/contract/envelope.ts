import { z } from 'zod';

/** Contract version this build speaks. Producers send `v: 1`. */
export const CONTRACT_VERSION = 1;

/** Opaque identifiers (agentId, queueId, contactId, …) are bounded so a broken producer cannot bloat state. */
export const Id = z.string().min(1, 'must not be empty').max(64, 'must be at most 64 characters');

/** Epoch milliseconds, UTC. Bounded to 2000-01-01 … 2200-01-01 so seconds-for-milliseconds mistakes are caught. */
export const EpochMs = z
	.number()
	.int('must be an integer (epoch milliseconds)')
	.min(946_684_800_000, 'must be epoch milliseconds after 2000-01-01 (seconds given?)')
	.max(7_258_118_400_000, 'must be epoch milliseconds before 2200-01-01');

/** Fields every event carries. */
export const EventEnvelope = z.object({
	v: z.literal(CONTRACT_VERSION, { error: 'unsupported contract version (expected v: 1)' }),
	id: Id,
	type: z.string().min(1).max(64),
	ts: EpochMs,
	source: Id,
	seq: z.number().int().min(0)
});
export type EventEnvelope = z.infer<typeof EventEnvelope>;

export const Channel = z.enum(['voice', 'chat', 'email']);
export type Channel = z.infer<typeof Channel>;

export const CHANNELS: readonly Channel[] = Channel.options;

export const AgentOwnState = z.enum(['ready', 'not_ready']);
export type AgentOwnState = z.infer<typeof AgentOwnState>;

export const SupervisionMode = z.enum(['listen', 'whisper', 'barge', 'takeover']);
export type SupervisionMode = z.infer<typeof SupervisionMode>;

/** Not-ready reasons are free text from the platform, bounded. */
export const StateReason = z.string().max(32, 'reason must be at most 32 characters');
