import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/roles';
import { MemoryBus } from '../bus/memory-bus';
import type { ActionRequest } from './action-request';
import { AuditLog } from './audit-log';
import { CommandTracker } from './command-tracker';
import { SuperviseService, type Requester } from './supervise-service';

const silent = { info: () => {}, warn: () => {}, error: () => {} };
const teams: Record<string, string> = { 'a-1': 'team-a', 'b-1': 'team-b' };

function person(role: Actor['role'] & ('admin' | 'manager' | 'supervisor'), teamIds: string[]): Requester {
	return {
		username: `${role}.x`,
		role,
		actor: { kind: 'user', userId: `u-${role}`, role, teams: teamIds },
		audioEndpoint: 'sip:8012@pbx1'
	};
}

/** A service on an in-process bus whose "platform" answers every command with `answer`. */
function setup(answer: ((command: Record<string, unknown>) => Record<string, unknown> | null) | null = null) {
	const bus = new MemoryBus();
	let id = 0;
	const tracker = new CommandTracker({ clock: () => Date.now(), timeoutMs: 50 });
	const audit = new AuditLog({ bus, prefix: 't', logger: silent });
	const sent: Array<Record<string, unknown>> = [];
	void bus.subscribe(['t:command'], (_channel, message) => {
		const command = JSON.parse(message) as Record<string, unknown>;
		sent.push(command);
		const reply = answer?.(command);
		if (reply)
			queueMicrotask(() => tracker.settle({ v: 1, commandId: String(command.id), ...reply } as never));
	});
	const service = new SuperviseService({
		bus,
		commandChannel: 't:command',
		tracker,
		audit,
		clock: () => Date.now(),
		agentTeam: (agentId) => teams[agentId] ?? null,
		floorSession: (sessionId) => (sessionId === 's-b' ? { agentId: 'b-1', contactId: 'c-b' } : null),
		logger: silent,
		newId: () => `cmd-${++id}`
	});
	return { service, audit, sent };
}

const barge = (agentId: string): ActionRequest => ({
	action: 'start',
	agentId,
	contactId: 'c-1',
	mode: 'barge'
});

describe('supervision permissions', () => {
	const cases: Array<[string, Requester, ActionRequest, 'sent' | 403]> = [
		['a supervisor barges on an agent of their team', person('supervisor', ['team-a']), barge('a-1'), 'sent'],
		['a supervisor may not barge on another team', person('supervisor', ['team-a']), barge('b-1'), 403],
		[
			'a supervisor may not force another team’s agent ready',
			person('supervisor', ['team-a']),
			{ action: 'force_ready', agentId: 'b-1', reason: 'break over' },
			403
		],
		[
			'a supervisor may not stop a session on another team',
			person('supervisor', ['team-a']),
			{ action: 'stop', sessionId: 's-b' },
			403
		],
		['a manager reads but does not supervise', person('manager', []), barge('a-1'), 403],
		['an admin supervises any team', person('admin', []), barge('b-1'), 'sent']
	];
	for (const [name, requester, request, expected] of cases) {
		it(name, async () => {
			const { service, sent } = setup(() => ({ ok: true, sessionId: 's-1' }));
			const result = await service.run(requester, request);
			if (expected === 'sent') {
				expect(result.status).toBe('succeeded');
				expect(sent).toHaveLength(1);
			} else {
				expect(result).toMatchObject({ status: 'refused', httpStatus: expected });
				expect(sent).toHaveLength(0);
			}
		});
	}
});

describe('SuperviseService', () => {
	it('publishes the contract command with the username as issuedBy and the profile endpoint', async () => {
		const { service, sent } = setup(() => ({ ok: true, sessionId: 's-1' }));
		const result = await service.run(person('supervisor', ['team-a']), barge('a-1'));
		expect(result).toMatchObject({ status: 'succeeded', commandId: 'cmd-1', sessionId: 's-1' });
		expect(sent[0]).toMatchObject({
			v: 1,
			id: 'cmd-1',
			type: 'supervise',
			issuedBy: 'supervisor.x',
			agentId: 'a-1',
			contactId: 'c-1',
			mode: 'barge',
			endpoint: 'sip:8012@pbx1'
		});
	});

	it('refuses to start a session without an audio endpoint in the profile, and sends nothing', async () => {
		const { service, sent } = setup(() => ({ ok: true }));
		const result = await service.run(
			{ ...person('supervisor', ['team-a']), audioEndpoint: null },
			barge('a-1')
		);
		expect(result).toMatchObject({ status: 'refused', httpStatus: 400 });
		if (result.status === 'refused') expect(result.error).toMatch(/audio endpoint/);
		expect(sent).toHaveLength(0);
	});

	it('escalates a session it just opened before the platform’s session event arrives', async () => {
		const { service, sent } = setup(() => ({ ok: true, sessionId: 's-1' }));
		const sup = person('supervisor', ['team-a']);
		await service.run(sup, barge('a-1'));
		const change = await service.run(sup, { action: 'change', sessionId: 's-1', mode: 'takeover' });
		expect(change.status).toBe('succeeded');
		expect(sent[1]).toMatchObject({ type: 'supervise.change', sessionId: 's-1', mode: 'takeover' });
	});

	it('audits success, failure, timeout and refusal with reason, result and timing', async () => {
		let reply: Record<string, unknown> | null = { ok: false, error: 'agent not logged in' };
		const { service, audit } = setup(() => reply);
		const sup = person('supervisor', ['team-a']);
		await service.run(sup, { action: 'force_ready', agentId: 'a-1', reason: 'break over' });
		reply = null;
		const timedOut = await service.run(sup, {
			action: 'force_logout',
			agentId: 'a-1',
			reason: 'end of shift'
		});
		expect(timedOut).toMatchObject({
			status: 'failed',
			error: 'no answer from the platform',
			timedOut: true
		});
		await service.run(sup, barge('b-1'));
		const entries = await audit.query({});
		expect(entries.map((e) => [e.action, e.outcome, e.error])).toEqual([
			['barge', 'refused', 'you may not act on agents of team team-b'],
			['force_logout', 'failed', 'no answer from the platform'],
			['force_ready', 'failed', 'agent not logged in']
		]);
		expect(entries[1]).toMatchObject({
			reason: 'end of shift',
			user: 'supervisor.x',
			commandType: 'agent.logout'
		});
		expect(entries[1]!.durationMs).toBeGreaterThanOrEqual(45);
		expect(await audit.query({ action: 'force_ready' })).toHaveLength(1);
	});
});
