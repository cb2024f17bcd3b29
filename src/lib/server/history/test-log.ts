import type { CentreSetup } from '../../shared/centre/setup';
import { CentreSetup as CentreSetupSchema } from '../../shared/centre/setup';
import type { CcEvent } from '../../shared/contract';

/** A small event log for specs: envelopes numbered in order, times given in seconds from a start. */
export class TestLog {
	readonly events: CcEvent[] = [];
	readonly startMs: number;
	#seq = 0;

	constructor(startMs: number) {
		this.startMs = startMs;
	}

	at(sec: number): number {
		return this.startMs + Math.round(sec * 1000);
	}

	add(sec: number, body: Record<string, unknown>): this {
		const seq = this.#seq++;
		this.events.push({ v: 1, id: `t-${seq}`, source: 'test', seq, ts: this.at(sec), ...body } as CcEvent);
		return this;
	}

	login(sec: number, agentId: string, queues: string[] = ['q1']): this {
		return this.add(sec, { type: 'agent.login', agentId, name: agentId, teamId: 't1', queues }).add(sec, {
			type: 'agent.state',
			agentId,
			state: 'ready'
		});
	}

	logout(sec: number, agentId: string): this {
		return this.add(sec, { type: 'agent.logout', agentId });
	}

	/** A contact queued at `queuedSec`, answered by `agentId` after `waitSec`, talking `talkSec`, wrap-up `wrapSec`. */
	handled(
		contactId: string,
		agentId: string,
		queuedSec: number,
		waitSec: number,
		talkSec: number,
		wrapSec: number,
		queueId = 'q1'
	): this {
		const answered = queuedSec + waitSec;
		return this.add(queuedSec, { type: 'contact.queued', contactId, queueId, channel: 'voice' })
			.add(answered, { type: 'contact.answered', contactId, agentId })
			.add(answered + talkSec, { type: 'contact.ended', contactId, agentId })
			.add(answered + talkSec + wrapSec, { type: 'contact.wrapped', contactId, agentId });
	}

	abandoned(contactId: string, queuedSec: number, waitSec: number, queueId = 'q1'): this {
		return this.add(queuedSec, { type: 'contact.queued', contactId, queueId, channel: 'voice' }).add(
			queuedSec + waitSec,
			{ type: 'contact.abandoned', contactId }
		);
	}

	sorted(): CcEvent[] {
		return [...this.events].sort((a, b) => a.ts - b.ts || a.seq - b.seq);
	}
}

/** One voice queue `q1`, 80 % in 20 s, short abandons under 5 s. */
export function testSetup(): CentreSetup {
	return CentreSetupSchema.parse({
		centreId: 'test',
		name: { 'zh-CN': '测试', en: 'Test' },
		queues: [{ queueId: 'q1', name: { 'zh-CN': '一', en: 'One' }, channel: 'voice', line: 'tier1' }],
		teams: [{ teamId: 't1', name: { 'zh-CN': '组', en: 'Team' }, queues: ['q1'] }]
	});
}
