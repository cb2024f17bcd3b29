import type { AgentOwnState, Capacity, Channel } from '../shared/contract';
import { DEFAULT_SL_THRESHOLD_SEC, type QueueSetup } from '../shared/centre/setup';
import type { Rng } from './prng';
import type { QueueProfile } from './profiles';

export interface ShiftWindow {
	shiftId: string;
	/** Local minute of day the shift starts. */
	startMin: number;
	durationMin: number;
}

export interface SimAgent {
	readonly agentId: string;
	readonly name: string;
	readonly teamId: string;
	readonly skills: QueueState[];
	/** Concurrent contacts per channel (chat usually 3). */
	readonly capacity: Record<Channel, number>;
	/** The capacity as announced at login: only the channels the agent is skilled for. */
	readonly loginCapacity: Capacity;
	readonly shift: ShiftWindow;
	/** Multiplier on talk time: some agents are quicker than others. */
	readonly speed: number;
	/** A few agents miss offers far more often than the rest, so "repeated RONA" shows up. */
	readonly ronaProne: boolean;
	loggedIn: boolean;
	/** Shift over: takes no new contacts and logs out once the last one is wrapped. */
	leaving: boolean;
	state: AgentOwnState;
	reason: string | null;
	sinceMs: number;
	/** Open contacts per channel, ringing and wrap-up included. */
	open: Record<Channel, number>;
	contacts: Set<SimContact>;
	ringing: SimContact | null;
	/** A break asked for while busy: no new offers, taken when the last contact is wrapped. */
	pendingNotReady: { reason: string; durationMs: number } | null;
	/** Bumped on every own-state change so a stale "back to ready" timer does nothing. */
	stateToken: number;
	/** Bumped on every login/logout so timers of an earlier staffed period do nothing. */
	lifeToken: number;
	shiftEndMs: number;
}

export type ContactStatus = 'queued' | 'ringing' | 'talking' | 'held' | 'wrapup' | 'done';

export interface SimContact {
	readonly contactId: string;
	readonly channel: Channel;
	readonly customerId: string | undefined;
	readonly vip: boolean;
	queue: QueueState;
	priority: number;
	status: ContactStatus;
	statusSinceMs: number;
	queuedAtMs: number;
	agent: SimAgent | null;
	/** Bumped per queue visit so the patience timer of an earlier visit does nothing. */
	leg: number;
	/** Bumped per scheduled step (ring, talk, wrap) so superseded timers do nothing. */
	step: number;
	/** Which queue's waiting list holds the contact, and under which entry. */
	waitingIn: QueueState | null;
	waitSlot: number;
	/** Longest wait of any visit, for the survey mood. */
	maxWaitMs: number;
	transfers: number;
	sessions: Set<string>;
}

interface WaitEntry {
	contact: SimContact;
	slot: number;
}

/** FIFO with O(1) push/shift and occasional compaction; entries may be stale (lazy removal). */
class Fifo {
	#items: WaitEntry[] = [];
	#head = 0;

	push(entry: WaitEntry): void {
		this.#items.push(entry);
	}

	unshift(entry: WaitEntry): void {
		if (this.#head > 0) this.#items[--this.#head] = entry;
		else this.#items.unshift(entry);
	}

	peek(): WaitEntry | undefined {
		return this.#items[this.#head];
	}

	shift(): void {
		this.#head++;
		if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
			this.#items = this.#items.slice(this.#head);
			this.#head = 0;
		}
	}
}

/**
 * One queue's routing state: contacts waiting (priority first, then oldest) and the pool of agents who
 * could take one of its contacts right now. Pools are kept up to date on every agent change, so routing
 * never scans the floor; a Set keeps insertion order, which makes the first member the longest idle.
 */
export class QueueState {
	readonly queueId: string;
	readonly channel: Channel;
	readonly line: QueueSetup['line'];
	readonly profile: QueueProfile;
	readonly slThresholdSec: number;
	readonly pool = new Set<SimAgent>();
	waitingCount = 0;
	readonly #priority = new Fifo();
	readonly #normal = new Fifo();
	#slots = 0;

	constructor(setup: QueueSetup, profile: QueueProfile) {
		this.queueId = setup.queueId;
		this.channel = setup.channel;
		this.line = setup.line;
		this.profile = profile;
		this.slThresholdSec = setup.slThresholdSec ?? DEFAULT_SL_THRESHOLD_SEC[setup.channel];
	}

	/** Adds to the waiting list; `front` keeps a contact's place after a ring-no-answer. */
	push(contact: SimContact, front: boolean): void {
		const entry = { contact, slot: ++this.#slots };
		contact.waitingIn = this;
		contact.waitSlot = entry.slot;
		this.waitingCount++;
		const fifo = contact.priority > 0 ? this.#priority : this.#normal;
		if (front) fifo.unshift(entry);
		else fifo.push(entry);
	}

	/** The contact that should be offered next, without removing it. */
	peek(): SimContact | undefined {
		return this.#head(this.#priority) ?? this.#head(this.#normal);
	}

	#head(fifo: Fifo): SimContact | undefined {
		for (let entry = fifo.peek(); entry; entry = fifo.peek()) {
			if (entry.contact.waitingIn === this && entry.contact.waitSlot === entry.slot) return entry.contact;
			fifo.shift();
		}
		return undefined;
	}

	/** First pooled agent who can still take this queue's channel. */
	takeAvailable(): SimAgent | undefined {
		for (const agent of this.pool) {
			if (canTake(agent, this.channel)) return agent;
			this.pool.delete(agent);
		}
		return undefined;
	}
}

/** Takes a contact off whatever waiting list holds it (the list entry goes stale and is skipped). */
export function leaveWaiting(contact: SimContact): void {
	if (!contact.waitingIn) return;
	contact.waitingIn.waitingCount--;
	contact.waitingIn = null;
}

/** Whether the agent could be offered a contact of this channel right now. */
export function canTake(agent: SimAgent, channel: Channel): boolean {
	if (!agent.loggedIn || agent.leaving || agent.state !== 'ready' || agent.pendingNotReady || agent.ringing) {
		return false;
	}
	if (agent.open.voice > 0) return false;
	if (channel === 'voice') return agent.contacts.size === 0;
	return agent.open[channel] < agent.capacity[channel];
}

/** Re-files the agent in the pools of its queues; call after anything that changes availability. */
export function updatePools(agent: SimAgent): void {
	for (const queue of agent.skills) {
		if (canTake(agent, queue.channel)) queue.pool.add(agent);
		else queue.pool.delete(agent);
	}
}

export function createContact(
	contactId: string,
	queue: QueueState,
	customer: { customerId: string | undefined; vip: boolean },
	nowMs: number
): SimContact {
	return {
		contactId,
		channel: queue.channel,
		customerId: customer.customerId,
		vip: customer.vip,
		queue,
		priority: customer.vip ? 10 : 0,
		status: 'queued',
		statusSinceMs: nowMs,
		queuedAtMs: nowMs,
		agent: null,
		leg: 0,
		step: 0,
		waitingIn: null,
		waitSlot: 0,
		maxWaitMs: 0,
		transfers: 0,
		sessions: new Set()
	};
}

/** A contact is passed on at most twice (tier 1 → tier 2 → complaints), never back to its own queue. */
const MAX_TRANSFERS = 2;

/** Where a finished conversation is transferred to, if anywhere, per the queue's transfer chances. */
export function transferTarget(
	rng: Rng,
	lineQueues: Map<string, QueueState>,
	contact: SimContact
): QueueState | undefined {
	if (contact.transfers >= MAX_TRANSFERS) return undefined;
	for (const { line, chance } of contact.queue.profile.transfers) {
		if (!rng.chance(chance)) continue;
		const target = lineQueues.get(line);
		if (target && target !== contact.queue) return target;
	}
	return undefined;
}
