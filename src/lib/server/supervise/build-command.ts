import { Command } from '../../shared/contract/commands';
import { CONTRACT_VERSION } from '../../shared/contract/envelope';
import type { ActionRequest } from './action-request';

/**
 * The contract command for a request, validated by the contract's own schema so nothing malformed
 * reaches the platform. `issuedBy` is the username: the platform echoes it as `supervisorId`, and
 * people read it on every agent row and in the audit.
 */
export function buildCommand(
	request: ActionRequest,
	context: { id: string; ts: number; issuedBy: string; endpoint: string | null }
): Command {
	const envelope = { v: CONTRACT_VERSION, id: context.id, ts: context.ts, issuedBy: context.issuedBy };
	switch (request.action) {
		case 'start':
			return Command.parse({
				...envelope,
				type: 'supervise',
				agentId: request.agentId,
				contactId: request.contactId,
				mode: request.mode,
				endpoint: context.endpoint
			});
		case 'change':
			return Command.parse({
				...envelope,
				type: 'supervise.change',
				sessionId: request.sessionId,
				mode: request.mode
			});
		case 'stop':
			return Command.parse({ ...envelope, type: 'supervise.stop', sessionId: request.sessionId });
		case 'force_ready':
		case 'force_not_ready':
			return Command.parse({
				...envelope,
				type: 'agent.set_state',
				agentId: request.agentId,
				state: request.action === 'force_ready' ? 'ready' : 'not_ready',
				reason: request.reason
			});
		case 'force_logout':
			return Command.parse({
				...envelope,
				type: 'agent.logout',
				agentId: request.agentId,
				reason: request.reason
			});
	}
}
