import type { SnapshotAgent, SnapshotContact } from '../shared/contract';
import type { Engine, EventBody } from './engine';

/** The whole live picture: logged-in agents and every open contact (CONTRACT.md "Snapshot"). */
export function snapshotBody(engine: Engine): EventBody {
	const agents: SnapshotAgent[] = [];
	for (const a of engine.agents) {
		if (!a.loggedIn) continue;
		agents.push({
			agentId: a.agentId,
			name: a.name,
			teamId: a.teamId,
			queues: a.skills.map((q) => q.queueId),
			capacity: a.loginCapacity,
			state: a.state,
			reason: a.reason,
			since: a.sinceMs
		});
	}
	const contacts: SnapshotContact[] = [];
	for (const c of engine.contacts.values()) {
		if (c.status === 'done') continue;
		contacts.push({
			contactId: c.contactId,
			queueId: c.queue.queueId,
			channel: c.channel,
			...(c.customerId ? { customerId: c.customerId } : {}),
			...(c.vip ? { vip: true } : {}),
			status: c.status,
			...(c.agent ? { agentId: c.agent.agentId } : {}),
			since: c.statusSinceMs,
			queuedAt: c.queuedAtMs
		});
	}
	return { type: 'floor.snapshot', agents, contacts, asOf: engine.nowMs };
}
