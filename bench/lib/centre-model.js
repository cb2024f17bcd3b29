// A deterministic, compressed-time model of a contact centre that produces contract-valid events on
// demand: whoever calls next() decides the event rate, the model decides what happens. Contacts go
// queued -> ringing -> answered (sometimes held/resumed) -> ended -> wrapped, some abandon while
// waiting, some ring without answer (RONA) and are offered again; agents change state (ready /
// not ready with a reason) and a few log out and back in. Time is compressed: handle times are scaled to
// the event rate so that the agent population stays about 70 % occupied whatever the rate, and the first
// floor.snapshot starts the floor mid-shift (contacts already talking, in wrap-up, waiting), so the mix
// of event types is steady from the first second.
// Agent events use source `bench-acd` (channel <prefix>:agent), contact events `bench-pbx`
// (<prefix>:contact); each source's seq steps by one, as the contract requires.

/** mulberry32: small, fast, deterministic. */
export function rng(seed = 1) {
	let s = seed >>> 0;
	return () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A set with O(1) add, delete and random pick. @template T */
class PickSet {
	/** @type {T[]} */
	items = [];
	/** @type {Map<T, number>} */
	index = new Map();
	get size() {
		return this.items.length;
	}
	/** @param {T} item */
	add(item) {
		if (this.index.has(item)) return;
		this.index.set(item, this.items.length);
		this.items.push(item);
	}
	/** @param {T} item */
	delete(item) {
		const at = this.index.get(item);
		if (at === undefined) return;
		const last = this.items.pop();
		this.index.delete(item);
		if (last !== item) {
			this.items[at] = last;
			this.index.set(last, at);
		}
	}
	/** @param {() => number} random @returns {T | undefined} */
	pick(random) {
		return this.items[Math.floor(random() * this.items.length)];
	}
}

/**
 * @typedef {{ at: number, order: number, contact: Contact, action: string }} Job
 * @typedef {{ id: string, team: Team, queues: string[], name: string, slots: number, legs: number,
 *   loggedIn: boolean, ready: boolean }} Agent
 * @typedef {{ id: string, queues: string[], channel: 'voice' | 'chat' | 'email', free: PickSet<Agent> }} Team
 * @typedef {{ id: string, queueId: string, channel: 'voice' | 'chat' | 'email', vip: boolean,
 *   stage: 'waiting' | 'ringing' | 'talking' | 'held' | 'wrapup' | 'done', agent: Agent | null,
 *   talkMs: number, queuedAt: number, since: number }} Contact
 */

/** Min-heap of jobs by time (then insertion order, so equal times stay FIFO). */
class JobHeap {
	/** @type {Job[]} */
	heap = [];
	get size() {
		return this.heap.length;
	}
	peek() {
		return this.heap[0];
	}
	/** @param {Job} a @param {Job} b */
	static less(a, b) {
		return a.at < b.at || (a.at === b.at && a.order < b.order);
	}
	/** @param {Job} job */
	push(job) {
		const h = this.heap;
		h.push(job);
		let i = h.length - 1;
		while (i > 0) {
			const parent = (i - 1) >> 1;
			const p = h[parent];
			if (!JobHeap.less(job, p)) break;
			h[i] = p;
			i = parent;
		}
		h[i] = job;
	}
	pop() {
		const h = this.heap;
		const top = h[0];
		const last = h.pop();
		if (h.length && last) {
			let i = 0;
			for (;;) {
				const l = 2 * i + 1;
				if (l >= h.length) break;
				const r = l + 1;
				const c = r < h.length && JobHeap.less(h[r], h[l]) ? r : l;
				if (!JobHeap.less(h[c], last)) break;
				h[i] = h[c];
				i = c;
			}
			h[i] = last;
		}
		return top;
	}
}

const REASONS = ['break', 'lunch', 'meeting', 'training', 'outbound'];
/** Share of arrivals per queue of config/centre.example.json (unknown queues get 1). */
const QUEUE_WEIGHTS = {
	'presales-voice': 20,
	'orders-voice': 20,
	'aftersales-voice': 15,
	'presales-chat': 12,
	'aftersales-chat': 10,
	'aftersales-email': 5,
	'tier2-callback': 6,
	complaints: 4,
	'vip-voice': 8
};
/** Share of agents per team of config/centre.example.json (unknown teams get 5). */
const TEAM_WEIGHTS = {
	't1-voice-a': 24,
	't1-voice-b': 24,
	't1-chat': 14,
	't1-email': 6,
	't2-experts': 10,
	complaints: 10,
	vip: 12
};
const SLOTS = { voice: 1, chat: 3, email: 1 };
/** Target share of logged-in agents that are not ready. */
const NOT_READY_SHARE = 0.15;
const AGENT_STATE_SHARE = 0.09;
const LOGIN_SHARE = 0.01;

/** @param {number} n @param {number} width */
const pad = (n, width) => String(n).padStart(width, '0');

export class CentreModel {
	/**
	 * @param {{ setup: { queues: Array<{queueId: string, channel: 'voice' | 'chat' | 'email'}>,
	 *   teams: Array<{teamId: string, queues: string[]}> }, agents: number, rate: number, seed?: number }} options
	 */
	constructor({ setup, agents, rate, seed = 20261111 }) {
		this.random = rng(seed);
		/** @type {Record<string, 'voice' | 'chat' | 'email'>} */
		this.queueChannel = Object.fromEntries(setup.queues.map((q) => [q.queueId, q.channel]));
		/** @type {Team[]} */
		this.teams = setup.teams.map((t) => ({
			id: t.teamId,
			queues: t.queues,
			channel: this.queueChannel[t.queues[0] ?? ''] ?? 'voice',
			free: new PickSet()
		}));
		/** @type {Map<string, Team[]>} */
		this.teamsOfQueue = new Map();
		for (const team of this.teams) {
			for (const q of team.queues) this.teamsOfQueue.set(q, [...(this.teamsOfQueue.get(q) ?? []), team]);
		}
		// Arrivals only to queues someone can answer.
		this.arrivalQueues = setup.queues
			.map((q) => q.queueId)
			.filter((q) => this.teamsOfQueue.has(q))
			.map((q) => ({ q, w: QUEUE_WEIGHTS[q] ?? 1 }));
		this.arrivalTotal = this.arrivalQueues.reduce((sum, x) => sum + x.w, 0);

		/** @type {Agent[]} */
		this.agents = [];
		const teamTotal = this.teams.reduce((sum, t) => sum + (TEAM_WEIGHTS[t.id] ?? 5), 0);
		let slots = 0;
		for (let i = 0; i < agents; i++) {
			let x = this.random() * teamTotal;
			let team = this.teams[0];
			for (const t of this.teams) {
				x -= TEAM_WEIGHTS[t.id] ?? 5;
				if (x < 0) {
					team = t;
					break;
				}
			}
			const agent = {
				id: `a-${pad(i + 1, 5)}`,
				name: `Agent ${pad(i + 1, 5)}`,
				team,
				queues: team.queues,
				slots: SLOTS[team.channel],
				legs: 0,
				loggedIn: true,
				ready: true
			};
			slots += agent.slots;
			this.agents.push(agent);
		}
		/** @type {PickSet<Agent>} */
		this.notReady = new PickSet();
		/** @type {PickSet<Agent>} */
		this.loggedOut = new PickSet();
		/** @type {Map<Agent, string>} */
		this.reasons = new Map();

		// Compressed time: handle time such that ~70 % of the ready slots are busy at this event rate.
		const contactsPerSec = Math.max(1, (rate * (1 - AGENT_STATE_SHARE - LOGIN_SHARE)) / 5.2);
		this.handleMs = Math.min(
			300_000,
			Math.max(2_000, ((slots * (1 - NOT_READY_SHARE) * 0.7) / contactsPerSec) * 1000)
		);
		this.maxOpen = Math.max(50, Math.ceil(slots * 1.2));
		this.contactsPerSec = contactsPerSec;
		this.heap = new JobHeap();
		this.order = 0;
		/** @type {Map<string, Contact>} */
		this.openContacts = new Map();
		this.seeded = false;
		this.contactNo = 0;
		this.agentSeq = 0;
		this.contactSeq = 0;
		/** @type {Record<string, number>} */
		this.counts = {};
	}

	/** Exponentially distributed duration with the given mean, bounded to [mean/20, 5*mean]. */
	exp(/** @type {number} */ mean) {
		const x = -Math.log(1 - this.random()) * mean;
		return Math.min(5 * mean, Math.max(mean / 20, x));
	}

	/** @param {Agent} agent */
	refresh(agent) {
		const free = agent.loggedIn && agent.ready && agent.legs < agent.slots;
		if (free) agent.team.free.add(agent);
		else agent.team.free.delete(agent);
		if (agent.loggedIn && !agent.ready) this.notReady.add(agent);
		else this.notReady.delete(agent);
		if (agent.loggedIn) this.loggedOut.delete(agent);
		else this.loggedOut.add(agent);
	}

	/** @param {string} type @param {number} ts @param {object} fields */
	agentEvent(type, ts, fields) {
		const seq = this.agentSeq++;
		this.counts[type] = (this.counts[type] ?? 0) + 1;
		return {
			channel: 'agent',
			event: { v: 1, id: `bench-acd-${seq}`, type, ts, source: 'bench-acd', seq, ...fields }
		};
	}

	/** @param {string} type @param {number} ts @param {object} fields */
	contactEvent(type, ts, fields) {
		const seq = this.contactSeq++;
		this.counts[type] = (this.counts[type] ?? 0) + 1;
		return {
			channel: 'contact',
			event: { v: 1, id: `bench-pbx-${seq}`, type, ts, source: 'bench-pbx', seq, ...fields }
		};
	}

	/**
	 * The platform's answer to `snapshot.request`: the agent population (all logged in at first, 15 % not
	 * ready) and every open contact. The first one also seeds the floor mid-shift: contacts talking, in
	 * wrap-up, ringing and waiting in the numbers the event rate sustains (Little's law), each with its next
	 * step scheduled, so the event mix is steady from the first second instead of after a handle time.
	 * @param {number} ts
	 */
	snapshot(ts) {
		if (!this.seeded) this.seed(ts);
		const agents = this.agents
			.filter((a) => a.loggedIn)
			.map((a) => ({
				agentId: a.id,
				name: a.name,
				teamId: a.team.id,
				queues: a.queues,
				state: a.ready ? 'ready' : 'not_ready',
				reason: a.ready ? null : (this.reasons.get(a) ?? null),
				since: ts
			}));
		const status = {
			waiting: 'queued',
			ringing: 'ringing',
			talking: 'talking',
			held: 'held',
			wrapup: 'wrapup'
		};
		const contacts = [...this.openContacts.values()].map((c) => {
			/** @type {Record<string, unknown>} */
			const row = { contactId: c.id, queueId: c.queueId, channel: c.channel, status: status[c.stage] };
			if (c.vip) row.vip = true;
			if (c.agent) row.agentId = c.agent.id;
			row.since = c.since;
			row.queuedAt = c.queuedAt;
			return row;
		});
		return this.agentEvent('floor.snapshot', ts, { agents, contacts, asOf: ts });
	}

	/** @param {number} ts */
	seed(ts) {
		this.seeded = true;
		for (const agent of this.agents) {
			agent.ready = this.random() >= NOT_READY_SHARE;
			if (!agent.ready) this.reasons.set(agent, REASONS[Math.floor(this.random() * 4)]);
			this.refresh(agent);
		}
		const H = this.handleMs;
		// contacts with an agent: arrival rate x time with an agent (ring + talk + wrap-up ≈ 0.98 H)
		const withAgent = Math.round(this.contactsPerSec * 0.98 * (H / 1000));
		for (let i = 0; i < withAgent; i++) {
			const c = this.newContact(ts);
			const agent = this.freeAgentFor(c.queueId);
			if (!agent) continue;
			agent.legs++;
			this.refresh(agent);
			c.agent = agent;
			this.openContacts.set(c.id, c);
			const x = this.random();
			if (x < 0.03) {
				c.stage = 'ringing';
				c.since = ts - Math.floor(this.random() * 1000);
				this.schedule(ts + this.exp(0.03 * H), c, 'answer');
			} else if (x < 0.8) {
				c.stage = 'talking';
				c.talkMs = this.exp(0.75 * H);
				c.since = ts - Math.floor(this.random() * c.talkMs);
				this.schedule(ts + this.exp(0.75 * H), c, 'end');
			} else {
				c.stage = 'wrapup';
				c.since = ts - Math.floor(this.random() * 0.2 * H);
				this.schedule(ts + this.exp(0.2 * H), c, 'wrap');
			}
			c.queuedAt = c.since - Math.floor(this.exp(0.05 * H));
		}
		// contacts waiting: arrival rate x mean wait
		const waiting = Math.round(this.contactsPerSec * 0.05 * (H / 1000));
		for (let i = 0; i < waiting; i++) {
			const c = this.newContact(ts);
			c.queuedAt = c.since = ts - Math.floor(this.random() * 0.05 * H);
			this.openContacts.set(c.id, c);
			this.schedule(ts + this.exp(0.05 * H), c, 'offer');
		}
	}

	/** A contact in a queue chosen by the arrival weights; not yet open. @param {number} ts @returns {Contact} */
	newContact(ts) {
		let x = this.random() * this.arrivalTotal;
		let queueId = this.arrivalQueues[0]?.q ?? '';
		for (const { q, w } of this.arrivalQueues) {
			x -= w;
			if (x < 0) {
				queueId = q;
				break;
			}
		}
		return {
			id: `c-${pad(++this.contactNo, 8)}`,
			queueId,
			channel: this.queueChannel[queueId] ?? 'voice',
			vip: queueId === 'vip-voice' || this.random() < 0.02,
			stage: 'waiting',
			agent: null,
			talkMs: 0,
			queuedAt: ts,
			since: ts
		};
	}

	/** @param {number} at @param {Contact} contact @param {string} action */
	schedule(at, contact, action) {
		this.heap.push({ at, order: this.order++, contact, action });
	}

	/**
	 * The next event at time `now` (epoch ms). Always returns one.
	 * @param {number} now
	 * @returns {{ channel: string, event: Record<string, unknown> }}
	 */
	next(now) {
		const r = this.random();
		if (r < LOGIN_SHARE) {
			const e = this.loginOrOut(now);
			if (e) return e;
		} else if (r < LOGIN_SHARE + AGENT_STATE_SHARE) {
			const e = this.stateChange(now, false);
			if (e) return e;
		}
		// Contact lifecycle: what is due first; else a new arrival; else run ahead of the schedule.
		for (let tries = 0; tries < 64; tries++) {
			const top = this.heap.peek();
			if (top && top.at <= now) {
				const e = this.run(this.heap.pop(), now);
				if (e) return e;
				continue;
			}
			if (this.openContacts.size < this.maxOpen) return this.arrival(now);
			if (!top) break;
			const e = this.run(this.heap.pop(), now);
			if (e) return e;
		}
		return this.stateChange(now, true);
	}

	/** @param {number} now */
	arrival(now) {
		const contact = this.newContact(now);
		this.openContacts.set(contact.id, contact);
		const H = this.handleMs;
		if (this.random() < 0.06) this.schedule(now + this.exp(0.15 * H), contact, 'abandon');
		else this.schedule(now + this.exp(0.05 * H), contact, 'offer');
		/** @type {Record<string, unknown>} */
		const fields = {
			contactId: contact.id,
			queueId: contact.queueId,
			channel: contact.channel,
			customerId: `cu-${pad(Math.floor(this.random() * 5_000_000), 7)}`
		};
		if (contact.vip) fields.vip = true;
		if (this.random() < 0.1) fields.priority = 1 + Math.floor(this.random() * 5);
		return this.contactEvent('contact.queued', now, fields);
	}

	/** @param {Job} job @param {number} now */
	run(job, now) {
		const { contact: c, action } = job;
		const H = this.handleMs;
		switch (action) {
			case 'offer': {
				if (c.stage !== 'waiting') return null;
				const agent = this.freeAgentFor(c.queueId);
				if (!agent) {
					this.schedule(now + Math.max(200, 0.02 * H), c, 'offer');
					return null;
				}
				agent.legs++;
				this.refresh(agent);
				c.stage = 'ringing';
				c.since = now;
				c.agent = agent;
				this.schedule(now + Math.min(4000, this.exp(0.03 * H)), c, this.random() < 0.04 ? 'rona' : 'answer');
				return this.contactEvent('contact.ringing', now, { contactId: c.id, agentId: agent.id });
			}
			case 'rona': {
				if (c.stage !== 'ringing' || !c.agent) return null;
				const agent = c.agent;
				agent.legs--;
				this.refresh(agent);
				c.stage = 'waiting';
				c.since = now;
				c.agent = null;
				this.schedule(now + this.exp(0.02 * H), c, 'offer');
				return this.contactEvent('contact.rona', now, { contactId: c.id, agentId: agent.id });
			}
			case 'answer': {
				if (c.stage !== 'ringing' || !c.agent) return null;
				c.stage = 'talking';
				c.since = now;
				c.talkMs = this.exp(0.75 * H);
				if (this.random() < 0.1) this.schedule(now + 0.3 * c.talkMs, c, 'hold');
				else this.schedule(now + c.talkMs, c, 'end');
				return this.contactEvent('contact.answered', now, { contactId: c.id, agentId: c.agent.id });
			}
			case 'hold': {
				if (c.stage !== 'talking') return null;
				c.stage = 'held';
				this.schedule(now + 0.2 * c.talkMs, c, 'resume');
				return this.contactEvent('contact.held', now, { contactId: c.id });
			}
			case 'resume': {
				if (c.stage !== 'held') return null;
				c.stage = 'talking';
				this.schedule(now + 0.5 * c.talkMs, c, 'end');
				return this.contactEvent('contact.resumed', now, { contactId: c.id });
			}
			case 'end': {
				if (c.stage !== 'talking' || !c.agent) return null;
				c.stage = 'wrapup';
				c.since = now;
				this.schedule(now + this.exp(0.2 * H), c, 'wrap');
				return this.contactEvent('contact.ended', now, { contactId: c.id, agentId: c.agent.id });
			}
			case 'wrap': {
				if (c.stage !== 'wrapup' || !c.agent) return null;
				const agent = c.agent;
				agent.legs--;
				this.refresh(agent);
				c.stage = 'done';
				this.openContacts.delete(c.id);
				if (this.random() < 0.1) this.schedule(now + this.exp(0.5 * H), c, 'survey');
				return this.contactEvent('contact.wrapped', now, { contactId: c.id, agentId: agent.id });
			}
			case 'survey':
				return this.contactEvent('contact.survey', now, {
					contactId: c.id,
					score: 1 + Math.floor(this.random() * 5)
				});
			case 'abandon': {
				if (c.stage !== 'waiting') return null;
				c.stage = 'done';
				this.openContacts.delete(c.id);
				return this.contactEvent('contact.abandoned', now, { contactId: c.id });
			}
			default:
				return null;
		}
	}

	/** @param {string} queueId */
	freeAgentFor(queueId) {
		const teams = this.teamsOfQueue.get(queueId) ?? [];
		const start = Math.floor(this.random() * teams.length);
		for (let i = 0; i < teams.length; i++) {
			const team = teams[(start + i) % teams.length];
			const agent = team.free.pick(this.random);
			if (agent) return agent;
		}
		return null;
	}

	/**
	 * An agent goes not ready (when fewer than the target share are) or back to ready. `any` allows an agent
	 * on a contact too (the fallback that can always produce an event).
	 * @param {number} now @param {boolean} any
	 */
	stateChange(now, any) {
		const loggedIn = this.agents.length - this.loggedOut.size;
		if (this.notReady.size < NOT_READY_SHARE * loggedIn) {
			for (let tries = 0; tries < 8; tries++) {
				const agent = this.agents[Math.floor(this.random() * this.agents.length)];
				if (!agent || !agent.loggedIn || !agent.ready || (!any && agent.legs > 0)) continue;
				const reason = /** @type {string} */ (REASONS[Math.floor(this.random() * REASONS.length)]);
				agent.ready = false;
				this.reasons.set(agent, reason);
				this.refresh(agent);
				return this.agentEvent('agent.state', now, { agentId: agent.id, state: 'not_ready', reason });
			}
		}
		const agent = this.notReady.pick(this.random);
		if (agent) {
			agent.ready = true;
			this.reasons.delete(agent);
			this.refresh(agent);
			return this.agentEvent('agent.state', now, { agentId: agent.id, state: 'ready' });
		}
		if (!any) return null;
		// Nobody is not ready: a logged-in agent repeats its ready state (valid, changes nothing).
		const someone = this.agents.find((a) => a.loggedIn) ?? this.agents[0];
		return this.agentEvent('agent.state', now, { agentId: someone.id, state: 'ready' });
	}

	/** An idle agent logs out (keeping ≤ 5 % out), or a logged-out one logs back in (not ready until it says). */
	loginOrOut(/** @type {number} */ now) {
		const out = this.loggedOut.size;
		if (out > 0 && (out >= 0.05 * this.agents.length || this.random() < 0.5)) {
			const agent = this.loggedOut.pick(this.random);
			agent.loggedIn = true;
			agent.ready = false;
			this.reasons.set(agent, '');
			this.refresh(agent);
			return this.agentEvent('agent.login', now, {
				agentId: agent.id,
				name: agent.name,
				teamId: agent.team.id,
				queues: agent.queues
			});
		}
		for (let tries = 0; tries < 8; tries++) {
			const agent = this.agents[Math.floor(this.random() * this.agents.length)];
			if (!agent || !agent.loggedIn || agent.legs > 0) continue;
			agent.loggedIn = false;
			agent.ready = false;
			this.reasons.delete(agent);
			this.refresh(agent);
			return this.agentEvent('agent.logout', now, { agentId: agent.id, reason: 'end_of_shift' });
		}
		return null;
	}
}
