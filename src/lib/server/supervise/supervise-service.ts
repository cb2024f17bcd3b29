import { randomBytes } from 'node:crypto';
import type { Bus } from '../bus/bus';
import { can } from '../auth/permissions';
import type { Actor } from '../auth/roles';
import type { Logger } from '../util/logger';
import type { ActionRequest } from './action-request';
import type { AuditEntry } from './audit-entry';
import type { AuditLog } from './audit-log';
import { buildCommand } from './build-command';
import type { CommandTracker } from './command-tracker';

/** Who asks: the signed-in account as the service needs it. */
export interface Requester {
	username: string;
	role: string;
	actor: Actor;
	audioEndpoint: string | null;
}

export type ActionResponse =
	| { status: 'succeeded'; commandId: string; sessionId: string | null; durationMs: number }
	| { status: 'failed'; commandId: string; error: string; timedOut: boolean; durationMs: number }
	| { status: 'refused'; httpStatus: 400 | 403 | 404; error: string };

export interface SuperviseOptions {
	bus: Bus;
	commandChannel: string;
	tracker: CommandTracker;
	audit: AuditLog;
	/** Wall clock: command `ts` and audit times are real time even when the floor is simulated. */
	clock: () => number;
	/** The team of a known agent, or null. */
	agentTeam: (agentId: string) => string | null;
	/** A live session as the floor knows it (from `supervision.started`), or null. */
	floorSession: (sessionId: string) => { agentId: string; contactId: string } | null;
	logger: Logger;
	newId?: () => string;
}

interface Target {
	agentId: string | null;
	teamId: string | null;
	contactId: string | null;
	sessionId: string | null;
}

/**
 * Commands out, results in, audit always. Every request is checked against the permission table for
 * the agent's team, published on `<prefix>:command`, awaited (result or timeout) and written to the
 * audit, refusals included.
 */
export class SuperviseService {
	readonly #o: SuperviseOptions;
	/**
	 * Sessions this replica opened, from their results: the `supervision.started` event may arrive after
	 * the result, and a supervisor escalating at once must not be told the session is unknown.
	 */
	readonly #opened = new Map<string, { agentId: string; contactId: string }>();

	constructor(options: SuperviseOptions) {
		this.#o = options;
	}

	async run(requester: Requester, request: ActionRequest): Promise<ActionResponse> {
		const startedMs = this.#o.clock();
		const target = this.#target(request);
		const refuse = async (httpStatus: 400 | 403 | 404, error: string): Promise<ActionResponse> => {
			await this.#audit(requester, request, target, { outcome: 'refused', error, startedMs });
			return { status: 'refused', httpStatus, error };
		};
		if (!target.agentId)
			return refuse(
				404,
				`unknown or ended session ${'sessionId' in request ? request.sessionId : ''}`.trim()
			);
		if (target.teamId === null) return refuse(404, `unknown agent ${target.agentId}`);
		if (!can(requester.actor, 'team.supervise', { team: target.teamId })) {
			return refuse(403, `you may not act on agents of team ${target.teamId}`);
		}
		if (request.action === 'start' && !requester.audioEndpoint) {
			return refuse(
				400,
				'your profile has no audio endpoint (extension or SIP URI): ask an admin to set one'
			);
		}
		const command = buildCommand(request, {
			id: this.#o.newId?.() ?? `cmd-${randomBytes(9).toString('base64url')}`,
			ts: this.#o.clock(),
			issuedBy: requester.username,
			endpoint: requester.audioEndpoint
		});
		const settled = this.#o.tracker.track(command.id);
		try {
			await this.#o.bus.publish(this.#o.commandChannel, JSON.stringify(command));
		} catch (err) {
			this.#o.logger.warn('command not published', { commandId: command.id, error: String(err) });
		}
		const outcome = await settled;
		if (outcome.status === 'succeeded') this.#remember(request, target, outcome.sessionId);
		const sessionId =
			outcome.status === 'succeeded' ? (outcome.sessionId ?? target.sessionId) : target.sessionId;
		await this.#audit(
			requester,
			request,
			{ ...target, sessionId },
			{
				outcome: outcome.status,
				error: outcome.status === 'failed' ? outcome.error : null,
				startedMs,
				commandId: command.id,
				commandType: command.type
			}
		);
		return outcome;
	}

	#target(request: ActionRequest): Target {
		if (request.action === 'change' || request.action === 'stop') {
			const session = this.#opened.get(request.sessionId) ?? this.#o.floorSession(request.sessionId);
			if (!session) return { agentId: null, teamId: null, contactId: null, sessionId: request.sessionId };
			return {
				agentId: session.agentId,
				teamId: this.#o.agentTeam(session.agentId),
				contactId: session.contactId,
				sessionId: request.sessionId
			};
		}
		return {
			agentId: request.agentId,
			teamId: this.#o.agentTeam(request.agentId),
			contactId: request.action === 'start' ? request.contactId : null,
			sessionId: null
		};
	}

	#remember(request: ActionRequest, target: Target, sessionId: string | null): void {
		if (request.action === 'start' && sessionId && target.agentId && target.contactId) {
			this.#opened.set(sessionId, { agentId: target.agentId, contactId: target.contactId });
			// Bounded: sessions whose stop never came through here (ended by the platform) age out.
			if (this.#opened.size > 5_000) this.#opened.delete(this.#opened.keys().next().value!);
		}
		if (request.action === 'stop') this.#opened.delete(request.sessionId);
	}

	async #audit(
		requester: Requester,
		request: ActionRequest,
		target: Target,
		result: {
			outcome: AuditEntry['outcome'];
			error?: string | null;
			startedMs: number;
			commandId?: string;
			commandType?: string;
		}
	): Promise<void> {
		await this.#o.audit.append({
			v: 1,
			atMs: result.startedMs,
			user: requester.username,
			role: requester.role,
			action: auditAction(request),
			agentId: target.agentId,
			teamId: target.teamId,
			contactId: target.contactId,
			sessionId: target.sessionId,
			mode: 'mode' in request ? request.mode : null,
			reason: 'reason' in request ? request.reason : null,
			commandId: result.commandId ?? null,
			commandType: result.commandType ?? null,
			outcome: result.outcome,
			error: result.error ?? null,
			durationMs: result.outcome === 'refused' ? null : this.#o.clock() - result.startedMs
		});
	}
}

/** `start` is recorded with its mode (`listen`, `barge`, …) so the audit reads like the console. */
function auditAction(request: ActionRequest): string {
	return request.action === 'start' ? request.mode : request.action;
}
