import { CentreSetup } from '../../shared/centre/setup';
import {
	CONTRACT_VERSION,
	EVENT_SCHEMAS,
	type CcEvent,
	type Channel,
	type EventOf,
	type EventType,
	type SnapshotAgent,
	type SnapshotContact,
	type SupervisionMode
} from '../../shared/contract';

/**
 * Builds valid, typed contract events for tests, on a clock the test moves: `b.at(ms)` / `b.after(sec)`
 * set the time of the following events; each event gets the next seq and a unique id, is checked
 * against the contract's schema (a builder that produced invalid events would test nothing) and is
 * appended to `b.events`.
 *
 *   const b = createEventBuilder({ startMs: T0 });
 *   b.queued('c1', 'orders-voice');
 *   b.after(12).answered('c1', 'a1');
 */
export interface EventBuilderOptions {
	source?: string;
	/** Time of the first events, epoch ms (default 2025-11-23 09:00 Asia/Shanghai). */
	startMs?: number;
	firstSeq?: number;
}

type Envelope = 'v' | 'id' | 'type' | 'ts' | 'source' | 'seq';
type Fields<T extends EventType> = Omit<EventOf<T>, Envelope>;

export const DEFAULT_START_MS = Date.UTC(2025, 10, 23, 1, 0, 0);

export interface LoginFields {
	name?: string;
	teamId?: string;
	queues?: string[];
	capacity?: { voice?: number; chat?: number; email?: number };
}

export interface QueuedFields {
	channel?: Channel;
	vip?: boolean;
	customerId?: string;
	priority?: number;
}

export class EventBuilder {
	readonly source: string;
	readonly startMs: number;
	readonly events: CcEvent[] = [];
	nowMs: number;
	#seq: number;

	constructor(options: EventBuilderOptions = {}) {
		this.source = options.source ?? 'pbx1';
		this.startMs = options.startMs ?? DEFAULT_START_MS;
		this.nowMs = this.startMs;
		this.#seq = options.firstSeq ?? 1;
	}

	/** Sets the clock to an absolute epoch ms. */
	at(ms: number): this {
		this.nowMs = ms;
		return this;
	}

	/** Sets the clock to `sec` seconds after the start. */
	atSec(sec: number): this {
		this.nowMs = this.startMs + sec * 1000;
		return this;
	}

	/** Moves the clock on by `sec` seconds. */
	after(sec: number): this {
		this.nowMs += sec * 1000;
		return this;
	}

	make<T extends EventType>(type: T, fields: Fields<T>): EventOf<T> {
		const seq = this.#seq++;
		const event = {
			v: CONTRACT_VERSION,
			id: `${this.source}-${String(seq).padStart(12, '0')}`,
			type,
			ts: this.nowMs,
			source: this.source,
			seq,
			...fields
		} as EventOf<T>;
		EVENT_SCHEMAS[type].parse(event);
		this.events.push(event);
		return event;
	}

	login(agentId: string, fields: LoginFields = {}): EventOf<'agent.login'> {
		return this.make('agent.login', {
			agentId,
			name: fields.name ?? `Agent ${agentId}`,
			teamId: fields.teamId ?? 'team-1',
			queues: fields.queues ?? [],
			...(fields.capacity ? { capacity: fields.capacity } : {})
		});
	}

	state(agentId: string, state: 'ready' | 'not_ready', reason?: string): EventOf<'agent.state'> {
		return this.make('agent.state', { agentId, state, ...(reason !== undefined ? { reason } : {}) });
	}

	ready(agentId: string): EventOf<'agent.state'> {
		return this.state(agentId, 'ready');
	}

	logout(agentId: string, reason?: string): EventOf<'agent.logout'> {
		return this.make('agent.logout', { agentId, ...(reason !== undefined ? { reason } : {}) });
	}

	queued(contactId: string, queueId: string, fields: QueuedFields = {}): EventOf<'contact.queued'> {
		return this.make('contact.queued', {
			contactId,
			queueId,
			channel: fields.channel ?? 'voice',
			...omitChannel(fields)
		});
	}

	ringing(contactId: string, agentId: string): EventOf<'contact.ringing'> {
		return this.make('contact.ringing', { contactId, agentId });
	}

	rona(contactId: string, agentId: string): EventOf<'contact.rona'> {
		return this.make('contact.rona', { contactId, agentId });
	}

	answered(contactId: string, agentId: string): EventOf<'contact.answered'> {
		return this.make('contact.answered', { contactId, agentId });
	}

	held(contactId: string): EventOf<'contact.held'> {
		return this.make('contact.held', { contactId });
	}

	resumed(contactId: string): EventOf<'contact.resumed'> {
		return this.make('contact.resumed', { contactId });
	}

	transferred(
		contactId: string,
		fromAgentId: string,
		to: { toQueueId?: string; toAgentId?: string } = {}
	): EventOf<'contact.transferred'> {
		return this.make('contact.transferred', { contactId, fromAgentId, ...to });
	}

	abandoned(contactId: string): EventOf<'contact.abandoned'> {
		return this.make('contact.abandoned', { contactId });
	}

	flowedOut(contactId: string, to = 'voicemail'): EventOf<'contact.flowed_out'> {
		return this.make('contact.flowed_out', { contactId, to });
	}

	ended(contactId: string, agentId: string): EventOf<'contact.ended'> {
		return this.make('contact.ended', { contactId, agentId });
	}

	wrapped(contactId: string, agentId: string): EventOf<'contact.wrapped'> {
		return this.make('contact.wrapped', { contactId, agentId });
	}

	survey(contactId: string, score: number): EventOf<'contact.survey'> {
		return this.make('contact.survey', { contactId, score });
	}

	supervisionStarted(
		sessionId: string,
		fields: { supervisorId: string; agentId: string; contactId: string; mode: SupervisionMode }
	): EventOf<'supervision.started'> {
		return this.make('supervision.started', { sessionId, ...fields });
	}

	supervisionChanged(sessionId: string, mode: SupervisionMode): EventOf<'supervision.changed'> {
		return this.make('supervision.changed', { sessionId, mode });
	}

	supervisionEnded(sessionId: string, reason?: string): EventOf<'supervision.ended'> {
		return this.make('supervision.ended', { sessionId, ...(reason !== undefined ? { reason } : {}) });
	}

	snapshot(
		agents: SnapshotAgent[],
		contacts: SnapshotContact[],
		asOfMs = this.nowMs
	): EventOf<'floor.snapshot'> {
		return this.make('floor.snapshot', { agents, contacts, asOf: asOfMs });
	}

	/** Events built since the last call (for applying a scenario in steps). */
	take(): CcEvent[] {
		return this.events.splice(0, this.events.length);
	}
}

function omitChannel(fields: QueuedFields): Omit<QueuedFields, 'channel'> {
	const { channel: _channel, ...rest } = fields;
	return rest;
}

export function createEventBuilder(options?: EventBuilderOptions): EventBuilder {
	return new EventBuilder(options);
}

/**
 * A small centre for tests: three voice queues that differ only in service-level formula (20 s),
 * a VIP line (10 s), a chat queue (60 s) and an email queue (4 h), in that set-up order.
 */
export function testCentreSetup(): CentreSetup {
	return CentreSetup.parse({
		name: { 'zh-CN': '测试中心', en: 'Test centre' },
		queues: [
			{ queueId: 'neg', name: { 'zh-CN': '负' }, channel: 'voice', slFormula: 'abandons_negative' },
			{ queueId: 'ign', name: { 'zh-CN': '忽略' }, channel: 'voice', slFormula: 'ignore_abandons' },
			{ queueId: 'pos', name: { 'zh-CN': '正' }, channel: 'voice', slFormula: 'abandons_positive' },
			{ queueId: 'vip', name: { 'zh-CN': 'VIP' }, channel: 'voice', slThresholdSec: 10, line: 'vip' },
			{ queueId: 'chat', name: { 'zh-CN': '在线' }, channel: 'chat' },
			{ queueId: 'email', name: { 'zh-CN': '邮件' }, channel: 'email', shortAbandonSec: 0 }
		],
		teams: [
			{ teamId: 'voice-team', name: { 'zh-CN': '语音组' }, queues: ['neg', 'ign', 'pos', 'vip'] },
			{ teamId: 'chat-team', name: { 'zh-CN': '在线组' }, queues: ['chat', 'email'] }
		]
	});
}
