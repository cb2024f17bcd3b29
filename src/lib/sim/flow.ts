import type { Engine } from './engine';
import { sampleMs, samplePatienceMs } from './profiles';
import {
	canTake,
	createContact,
	leaveWaiting,
	transferTarget,
	updatePools,
	type QueueState,
	type SimAgent,
	type SimContact
} from './routing';
import { endSessions, maybeSurvey } from './aftercare';

/** A transferred contact jumps the plain queue of its new line, as real ACDs do. */
const TRANSFER_PRIORITY = 5;
/** When max wait is reached while the contact is ringing, look again a little later. */
const FLOW_OUT_RETRY_MS = 10_000;

export function newContact(
	engine: Engine,
	queue: QueueState,
	customer: { customerId: string | undefined; vip: boolean }
): SimContact {
	const contactId = `c-${engine.runTag}-${(++engine.contactCounter).toString(36)}`;
	const contact = createContact(contactId, queue, customer, engine.nowMs);
	engine.contacts.set(contactId, contact);
	enqueue(engine, contact, queue);
	return contact;
}

function enqueue(engine: Engine, contact: SimContact, queue: QueueState): void {
	const now = engine.nowMs;
	contact.queue = queue;
	contact.status = 'queued';
	contact.statusSinceMs = now;
	contact.queuedAtMs = now;
	contact.agent = null;
	const leg = ++contact.leg;
	engine.emit({
		type: 'contact.queued',
		contactId: contact.contactId,
		queueId: queue.queueId,
		channel: contact.channel,
		...(contact.customerId ? { customerId: contact.customerId } : {}),
		...(contact.vip ? { vip: true } : {}),
		...(contact.priority > 0 ? { priority: contact.priority } : {})
	});
	const profile = queue.profile;
	const patienceMs = samplePatienceMs(engine.rng, profile);
	const maxWaitMs = profile.maxWaitSec === null ? null : profile.maxWaitSec * 1000;
	if (patienceMs !== null && (maxWaitMs === null || patienceMs < maxWaitMs)) {
		engine.schedule(now + patienceMs, () => abandon(engine, contact, leg));
	} else if (maxWaitMs !== null) {
		engine.schedule(now + maxWaitMs, () => flowOut(engine, contact, leg));
	}
	route(engine, contact, false);
}

function route(engine: Engine, contact: SimContact, front: boolean): void {
	const agent = contact.queue.takeAvailable();
	if (agent) ring(engine, contact, agent);
	else contact.queue.push(contact, front);
}

function ring(engine: Engine, contact: SimContact, agent: SimAgent): void {
	leaveWaiting(contact);
	contact.status = 'ringing';
	contact.statusSinceMs = engine.nowMs;
	contact.agent = agent;
	agent.ringing = contact;
	agent.contacts.add(contact);
	agent.open[contact.channel]++;
	updatePools(agent);
	engine.emit({ type: 'contact.ringing', contactId: contact.contactId, agentId: agent.agentId });
	const step = ++contact.step;
	const profile = contact.queue.profile;
	const ronaChance = agent.ronaProne ? 0.2 : profile.ronaChance;
	if (engine.rng.chance(ronaChance)) {
		engine.schedule(engine.nowMs + profile.ringTimeoutSec * 1000, () => rona(engine, contact, agent, step));
	} else {
		engine.schedule(engine.nowMs + sampleMs(engine.rng, profile.ring), () =>
			answer(engine, contact, agent, step)
		);
	}
}

function detach(contact: SimContact, agent: SimAgent): void {
	if (agent.ringing === contact) agent.ringing = null;
	if (agent.contacts.delete(contact)) agent.open[contact.channel]--;
	contact.agent = null;
}

function rona(engine: Engine, contact: SimContact, agent: SimAgent, step: number): void {
	if (contact.step !== step || contact.status !== 'ringing') return;
	requeueAfterRingOut(engine, contact, agent);
	// The platform parks an agent who let a contact ring out, so the next caller is not sent there too.
	if (agent.loggedIn && agent.state === 'ready') {
		setNotReady(engine, agent, 'rona', Math.round(engine.rng.between(20, 120) * 1000));
	}
	settleAgent(engine, agent);
}

function requeueAfterRingOut(engine: Engine, contact: SimContact, agent: SimAgent): void {
	engine.emit({ type: 'contact.rona', contactId: contact.contactId, agentId: agent.agentId });
	// The agent stays out of the pools until settled, so the contact cannot ring the same agent again.
	detach(contact, agent);
	contact.status = 'queued';
	contact.statusSinceMs = engine.nowMs;
	contact.step++;
	route(engine, contact, true);
}

function answer(engine: Engine, contact: SimContact, agent: SimAgent, step: number): void {
	if (contact.step !== step || contact.status !== 'ringing') return;
	const now = engine.nowMs;
	agent.ringing = null;
	contact.status = 'talking';
	contact.statusSinceMs = now;
	contact.maxWaitMs = Math.max(contact.maxWaitMs, now - contact.queuedAtMs);
	engine.emit({ type: 'contact.answered', contactId: contact.contactId, agentId: agent.agentId });
	const profile = contact.queue.profile;
	const talkMs = sampleMs(engine.rng, profile.talk, agent.speed);
	const talkStep = ++contact.step;
	let holdMs = 0;
	if (engine.rng.chance(profile.holdChance)) {
		holdMs = sampleMs(engine.rng, profile.hold);
		const holdAtMs = now + talkMs * engine.rng.between(0.2, 0.7);
		engine.schedule(holdAtMs, () => setHeld(engine, contact, talkStep, true));
		engine.schedule(holdAtMs + holdMs, () => setHeld(engine, contact, talkStep, false));
	}
	engine.schedule(now + talkMs + holdMs, () => finish(engine, contact, agent, talkStep));
	// A chat agent below capacity can be offered the next chat while this one runs.
	settleAgent(engine, agent);
}

function setHeld(engine: Engine, contact: SimContact, step: number, held: boolean): void {
	if (contact.step !== step || contact.status !== (held ? 'talking' : 'held')) return;
	contact.status = held ? 'held' : 'talking';
	contact.statusSinceMs = engine.nowMs;
	engine.emit({ type: held ? 'contact.held' : 'contact.resumed', contactId: contact.contactId });
}

function finish(engine: Engine, contact: SimContact, agent: SimAgent, step: number): void {
	if (contact.step !== step || (contact.status !== 'talking' && contact.status !== 'held')) return;
	const target = transferTarget(engine.rng, engine.lineQueues, contact);
	if (target) {
		engine.emit({
			type: 'contact.transferred',
			contactId: contact.contactId,
			fromAgentId: agent.agentId,
			toQueueId: target.queueId
		});
		endSessions(engine, contact, 'transferred');
		detach(contact, agent);
		contact.transfers++;
		contact.priority = Math.max(contact.priority, TRANSFER_PRIORITY);
		contact.step++;
		enqueue(engine, contact, target);
		settleAgent(engine, agent);
		return;
	}
	engine.emit({ type: 'contact.ended', contactId: contact.contactId, agentId: agent.agentId });
	endSessions(engine, contact, 'contact ended');
	contact.status = 'wrapup';
	contact.statusSinceMs = engine.nowMs;
	const wrapStep = ++contact.step;
	const wrapMs = sampleMs(engine.rng, contact.queue.profile.wrap);
	engine.schedule(engine.nowMs + wrapMs, () => wrapped(engine, contact, agent, wrapStep));
}

function wrapped(engine: Engine, contact: SimContact, agent: SimAgent, step: number): void {
	if (contact.step !== step || contact.status !== 'wrapup') return;
	engine.emit({ type: 'contact.wrapped', contactId: contact.contactId, agentId: agent.agentId });
	close(engine, contact);
	detach(contact, agent);
	maybeSurvey(engine, contact);
	settleAgent(engine, agent);
}

function close(engine: Engine, contact: SimContact): void {
	contact.status = 'done';
	contact.step++;
	engine.contacts.delete(contact.contactId);
}

function abandon(engine: Engine, contact: SimContact, leg: number): void {
	if (contact.leg !== leg || (contact.status !== 'queued' && contact.status !== 'ringing')) return;
	const agent = contact.agent;
	leaveWaiting(contact);
	contact.maxWaitMs = Math.max(contact.maxWaitMs, engine.nowMs - contact.queuedAtMs);
	engine.emit({ type: 'contact.abandoned', contactId: contact.contactId });
	close(engine, contact);
	if (agent) {
		detach(contact, agent);
		settleAgent(engine, agent);
	}
	// Many who hang up try again: the repeat callers of a bad busy hour.
	maybeRecontact(engine, contact, 0.4);
}

function flowOut(engine: Engine, contact: SimContact, leg: number): void {
	if (contact.leg !== leg) return;
	if (contact.status === 'ringing') {
		engine.schedule(engine.nowMs + FLOW_OUT_RETRY_MS, () => flowOut(engine, contact, leg));
		return;
	}
	if (contact.status !== 'queued') return;
	leaveWaiting(contact);
	engine.emit({ type: 'contact.flowed_out', contactId: contact.contactId, to: contact.queue.profile.flowTo });
	close(engine, contact);
	maybeRecontact(engine, contact, 0.25);
}

function maybeRecontact(engine: Engine, contact: SimContact, chance: number): void {
	if (!contact.customerId || !engine.rng.chance(chance)) return;
	const queue = contact.queue;
	const customer = { customerId: contact.customerId, vip: contact.vip };
	const delayMs = engine.rng.logNormal(8, 0.9) * 60_000;
	engine.schedule(engine.nowMs + delayMs, () => newContact(engine, queue, customer));
}

/** Own state not ready, back to ready by itself after `durationMs` unless something else changes it first. */
export function setNotReady(
	engine: Engine,
	agent: SimAgent,
	reason: string | null,
	durationMs: number
): void {
	agent.state = 'not_ready';
	agent.reason = reason;
	agent.sinceMs = engine.nowMs;
	engine.emit({
		type: 'agent.state',
		agentId: agent.agentId,
		state: 'not_ready',
		...(reason ? { reason } : {})
	});
	const token = ++agent.stateToken;
	engine.schedule(engine.nowMs + durationMs, () => {
		if (agent.stateToken === token && agent.loggedIn) setReady(engine, agent);
	});
	updatePools(agent);
}

export function setReady(engine: Engine, agent: SimAgent): void {
	agent.state = 'ready';
	agent.reason = null;
	agent.sinceMs = engine.nowMs;
	agent.stateToken++;
	engine.emit({ type: 'agent.state', agentId: agent.agentId, state: 'ready' });
	settleAgent(engine, agent);
}

/**
 * Brings an agent's routing in line after any change: logs out a leaving agent or starts a requested
 * break once idle, re-files the agent in the pools, and offers the best waiting contact it can take.
 */
export function settleAgent(engine: Engine, agent: SimAgent): void {
	if (agent.loggedIn && agent.contacts.size === 0) {
		if (agent.leaving) {
			logout(engine, agent, 'shift end', false);
			return;
		}
		const pending = agent.pendingNotReady;
		if (pending) {
			agent.pendingNotReady = null;
			setNotReady(engine, agent, pending.reason, pending.durationMs);
			return;
		}
	}
	updatePools(agent);
	offerWaiting(engine, agent);
}

function offerWaiting(engine: Engine, agent: SimAgent): void {
	if (!agent.loggedIn || agent.ringing) return;
	let best: SimContact | undefined;
	for (const queue of agent.skills) {
		if (queue.waitingCount === 0 || !canTake(agent, queue.channel)) continue;
		const head = queue.peek();
		if (!head) continue;
		if (
			!best ||
			head.priority > best.priority ||
			(head.priority === best.priority && head.queuedAtMs < best.queuedAtMs)
		) {
			best = head;
		}
	}
	if (best) ring(engine, best, agent);
}

/** Ends the staffed period; contacts in progress stay with the agent until they end (CONTRACT.md). */
export function logout(engine: Engine, agent: SimAgent, reason: string, forced: boolean): void {
	engine.emit({ type: 'agent.logout', agentId: agent.agentId, reason });
	agent.loggedIn = false;
	agent.leaving = false;
	agent.pendingNotReady = null;
	agent.state = 'not_ready';
	agent.reason = null;
	agent.sinceMs = engine.nowMs;
	agent.lifeToken++;
	agent.stateToken++;
	engine.loggedIn--;
	// An offer not yet accepted cannot stay with someone who has gone: it rings out and goes back.
	if (agent.ringing) requeueAfterRingOut(engine, agent.ringing, agent);
	updatePools(agent);
	engine.hooks.loggedOut(agent, forced);
}
