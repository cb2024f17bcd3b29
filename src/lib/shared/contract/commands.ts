import { z } from 'zod';
import { AgentOwnState, CONTRACT_VERSION, EpochMs, Id, StateReason, SupervisionMode } from './envelope';

/** Fields every command carries; `issuedBy` is the user on whose behalf the wallboard asks. */
const CommandEnvelope = z.object({
	v: z.literal(CONTRACT_VERSION),
	id: Id,
	ts: EpochMs,
	issuedBy: Id
});

export const SuperviseCommand = CommandEnvelope.extend({
	type: z.literal('supervise'),
	agentId: Id,
	contactId: Id,
	mode: SupervisionMode,
	endpoint: z.string().min(1).max(256)
});
export type SuperviseCommand = z.infer<typeof SuperviseCommand>;

export const SuperviseChangeCommand = CommandEnvelope.extend({
	type: z.literal('supervise.change'),
	sessionId: Id,
	mode: SupervisionMode
});
export type SuperviseChangeCommand = z.infer<typeof SuperviseChangeCommand>;

export const SuperviseStopCommand = CommandEnvelope.extend({
	type: z.literal('supervise.stop'),
	sessionId: Id
});
export type SuperviseStopCommand = z.infer<typeof SuperviseStopCommand>;

export const AgentSetStateCommand = CommandEnvelope.extend({
	type: z.literal('agent.set_state'),
	agentId: Id,
	state: AgentOwnState,
	reason: StateReason.min(1, 'a reason is required')
});
export type AgentSetStateCommand = z.infer<typeof AgentSetStateCommand>;

export const AgentLogoutCommand = CommandEnvelope.extend({
	type: z.literal('agent.logout'),
	agentId: Id,
	reason: StateReason.min(1, 'a reason is required')
});
export type AgentLogoutCommand = z.infer<typeof AgentLogoutCommand>;

export const SnapshotRequestCommand = CommandEnvelope.extend({
	type: z.literal('snapshot.request')
});
export type SnapshotRequestCommand = z.infer<typeof SnapshotRequestCommand>;

/** Commands, wallboard → platform, on `<prefix>:command`. */
export const Command = z.discriminatedUnion('type', [
	SuperviseCommand,
	SuperviseChangeCommand,
	SuperviseStopCommand,
	AgentSetStateCommand,
	AgentLogoutCommand,
	SnapshotRequestCommand
]);
export type Command = z.infer<typeof Command>;

/** Exactly one result per command, platform → wallboard, on `<prefix>:command.result`. */
export const CommandResult = z.union([
	z.object({ v: z.literal(CONTRACT_VERSION), commandId: Id, ok: z.literal(true), sessionId: Id.optional() }),
	z.object({
		v: z.literal(CONTRACT_VERSION),
		commandId: Id,
		ok: z.literal(false),
		error: z.string().min(1).max(512)
	})
]);
export type CommandResult = z.infer<typeof CommandResult>;
