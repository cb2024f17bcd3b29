import {
	alertOnBoard,
	type AlertChange,
	type AlertChangeFrame,
	type AlertsSnapshotFrame,
	type AlertView
} from '../../shared/protocol/alert-frames';
import type { Freshness } from '../../shared/protocol/frames';

export interface AlertFeed {
	/** Active alerts of a board, or null when no such board exists. */
	snapshot(boardId: string): AlertView[] | null;
	/** The queues a board shows (empty: every queue), or null when no such board exists. */
	scope(boardId: string): string[] | null;
}

interface Subscription<C> {
	client: C;
	view: string;
	boardId: string;
	queueIds: string[];
}

/**
 * Alert frames for `alerts:<boardId>` subscribers: a snapshot on subscribe, then each change encoded
 * once and sent to every client whose boards show it (once per client, however many such boards).
 * Screens opt in by subscribing, so old bundles that do not know these frames never receive them. A
 * client too slow to take a change is marked and gets a fresh snapshot when it has caught up.
 */
export class AlertFanout<C> {
	readonly #feed: AlertFeed;
	readonly #freshness: () => Freshness;
	readonly #send: (client: C, frame: Buffer) => void;
	readonly #slow: (client: C) => boolean;
	readonly #subs = new Map<C, Map<string, Subscription<C>>>();
	readonly #needsSnapshot = new Set<Subscription<C>>();

	constructor(options: {
		feed: AlertFeed;
		freshness: () => Freshness;
		send: (client: C, frame: Buffer) => void;
		slow: (client: C) => boolean;
	}) {
		this.#feed = options.feed;
		this.#freshness = options.freshness;
		this.#send = options.send;
		this.#slow = options.slow;
	}

	/** False when the board does not exist. */
	subscribe(client: C, view: string, boardId: string): boolean {
		const queueIds = this.#feed.scope(boardId);
		if (queueIds === null) return false;
		let views = this.#subs.get(client);
		if (!views) this.#subs.set(client, (views = new Map()));
		const sub = { client, view, boardId, queueIds };
		views.set(view, sub);
		this.#sendSnapshot(sub);
		return true;
	}

	has(client: C, view: string): boolean {
		return this.#subs.get(client)?.has(view) ?? false;
	}

	count(client: C): number {
		return this.#subs.get(client)?.size ?? 0;
	}

	unsubscribe(client: C, view: string): void {
		const views = this.#subs.get(client);
		const sub = views?.get(view);
		if (!views || !sub) return;
		views.delete(view);
		this.#needsSnapshot.delete(sub);
		if (views.size === 0) this.#subs.delete(client);
	}

	drop(client: C): void {
		for (const view of [...(this.#subs.get(client)?.keys() ?? [])]) this.unsubscribe(client, view);
	}

	publish(changes: AlertChange[]): void {
		if (this.#subs.size === 0) return;
		const freshness = this.#freshness();
		for (const { change, alert } of changes) {
			let frame: Buffer | null = null;
			for (const [client, views] of this.#subs) {
				const shown = [...views.values()].filter((s) => alertOnBoard(alert, s.queueIds));
				if (shown.length === 0) continue;
				if (this.#slow(client)) {
					for (const sub of shown) this.#needsSnapshot.add(sub);
					continue;
				}
				frame ??= Buffer.from(
					JSON.stringify({ type: 'alert.v1', freshness, change, alert } satisfies AlertChangeFrame)
				);
				this.#send(client, frame);
			}
		}
	}

	/** Snapshots for clients that were too slow for a change and have drained since. */
	tick(): void {
		for (const sub of [...this.#needsSnapshot]) {
			if (!this.#slow(sub.client)) this.#sendSnapshot(sub);
		}
	}

	#sendSnapshot(sub: Subscription<C>): void {
		this.#needsSnapshot.delete(sub);
		const alerts = this.#feed.snapshot(sub.boardId) ?? [];
		const frame: AlertsSnapshotFrame = {
			type: 'alerts.v1',
			view: sub.view,
			freshness: this.#freshness(),
			alerts
		};
		this.#send(sub.client, Buffer.from(JSON.stringify(frame)));
	}
}
