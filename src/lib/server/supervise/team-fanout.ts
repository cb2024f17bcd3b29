import type { Freshness } from '../../shared/protocol/frames';
import type { TeamData, TeamFrame, TeamPatch } from '../../shared/protocol/team-frames';
import type { Actor } from '../auth/roles';

/** What the hub needs to serve `team:<teamId>` views. */
export interface TeamFeed {
	/** Asked at subscribe time with the socket's own identity (null: anonymous). */
	authorize(actor: Actor | null, teamId: string): boolean;
	data(teamId: string): TeamData | null;
}

interface TeamViewState<C> {
	name: string;
	teamId: string;
	subscribers: Set<C>;
	needsSnapshot: Set<C>;
	seq: number;
	data: TeamData;
	rows: Map<string, string>;
	queuesJson: string;
	alertsJson: string;
	radarJson: string;
	builtMs: number;
}

export interface TeamFanoutOptions<C> {
	feed: TeamFeed;
	freshness: () => Freshness;
	send: (client: C, frame: string | Buffer) => void;
	slow: (client: C) => boolean;
	clock: () => number;
	/** A team view is rebuilt at most this often: 500 agents' figures are not worth 4 builds a second. */
	refreshMs?: number;
}

/**
 * Team views for supervisor consoles. Each view is built once per refresh for all its subscribers and
 * sent as the agent rows that changed (whole rows, never field diffs); a slow socket skips patches and
 * gets a fresh snapshot when it has drained.
 */
export class TeamFanout<C> {
	readonly #o: TeamFanoutOptions<C>;
	readonly #views = new Map<string, TeamViewState<C>>();
	readonly #byClient = new Map<C, Set<string>>();

	constructor(options: TeamFanoutOptions<C>) {
		this.#o = options;
	}

	count(client: C): number {
		return this.#byClient.get(client)?.size ?? 0;
	}

	has(client: C, name: string): boolean {
		return this.#byClient.get(client)?.has(name) ?? false;
	}

	/** Subscribes and sends the snapshot; otherwise returns the error to answer: forbidden or unknown. */
	subscribe(client: C, name: string, actor: Actor | null): null | { code: string; message: string } {
		const teamId = name.slice('team:'.length);
		if (!this.#o.feed.authorize(actor, teamId)) {
			return { code: 'forbidden', message: `you may not view team "${teamId}"` };
		}
		let view = this.#views.get(name);
		if (!view) {
			const data = this.#o.feed.data(teamId);
			if (!data) return { code: 'unknown_view', message: `no team "${teamId}"` };
			view = {
				name,
				teamId,
				subscribers: new Set(),
				needsSnapshot: new Set(),
				// Seqs start at the clock so a client resuming against a restarted server cannot match by chance.
				seq: this.#o.clock(),
				data,
				rows: new Map(),
				queuesJson: '',
				alertsJson: '',
				radarJson: '',
				builtMs: this.#o.clock()
			};
			this.#diff(view, data);
			this.#views.set(name, view);
		}
		view.subscribers.add(client);
		const names = this.#byClient.get(client) ?? new Set();
		names.add(name);
		this.#byClient.set(client, names);
		this.#snapshot(client, view);
		return null;
	}

	unsubscribe(client: C, name: string): void {
		this.#byClient.get(client)?.delete(name);
		const view = this.#views.get(name);
		if (!view) return;
		view.subscribers.delete(client);
		view.needsSnapshot.delete(client);
		if (view.subscribers.size === 0) this.#views.delete(name);
	}

	drop(client: C): void {
		for (const name of this.#byClient.get(client) ?? []) this.unsubscribe(client, name);
		this.#byClient.delete(client);
	}

	tick(): void {
		const now = this.#o.clock();
		for (const view of this.#views.values()) {
			let frame: Buffer | null = null;
			if (now - view.builtMs >= (this.#o.refreshMs ?? 500)) {
				view.builtMs = now;
				const data = this.#o.feed.data(view.teamId);
				if (data) frame = this.#patchFrame(view, data);
			}
			for (const client of view.subscribers) {
				if (this.#o.slow(client)) {
					if (frame) view.needsSnapshot.add(client);
					continue;
				}
				if (view.needsSnapshot.has(client)) this.#snapshot(client, view);
				else if (frame) this.#o.send(client, frame);
			}
		}
	}

	#snapshot(client: C, view: TeamViewState<C>): void {
		view.needsSnapshot.delete(client);
		const frame: TeamFrame = {
			type: 'team.snapshot.v1',
			view: view.name,
			seq: view.seq,
			freshness: this.#o.freshness(),
			data: view.data
		};
		this.#o.send(client, JSON.stringify(frame));
	}

	#patchFrame(view: TeamViewState<C>, data: TeamData): Buffer | null {
		const patch = this.#diff(view, data);
		view.data = data;
		if (!patch) return null;
		view.seq++;
		const frame: TeamFrame = {
			type: 'team.patch.v1',
			view: view.name,
			seq: view.seq,
			freshness: this.#o.freshness(),
			data: patch
		};
		return Buffer.from(JSON.stringify(frame));
	}

	/** Records `data` as the view's state and returns what changed since the last, or null. */
	#diff(view: TeamViewState<C>, data: TeamData): TeamPatch | null {
		const patch: TeamPatch = {};
		const seen = new Set<string>();
		const changed = [];
		for (const row of data.agents) {
			seen.add(row.agentId);
			const json = JSON.stringify(row);
			if (view.rows.get(row.agentId) !== json) {
				view.rows.set(row.agentId, json);
				changed.push(row);
			}
		}
		const removed = [...view.rows.keys()].filter((id) => !seen.has(id));
		for (const id of removed) view.rows.delete(id);
		if (changed.length > 0) patch.agents = changed;
		if (removed.length > 0) patch.removedAgentIds = removed;
		const queuesJson = JSON.stringify(data.queues);
		if (queuesJson !== view.queuesJson) {
			view.queuesJson = queuesJson;
			patch.queues = data.queues;
		}
		const alertsJson = JSON.stringify(data.alerts);
		if (alertsJson !== view.alertsJson) {
			view.alertsJson = alertsJson;
			patch.alerts = data.alerts;
		}
		const radarJson = JSON.stringify(data.radar);
		if (radarJson !== view.radarJson) {
			view.radarJson = radarJson;
			patch.radar = data.radar;
		}
		return Object.keys(patch).length > 0 ? patch : null;
	}
}
