import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { ClientFrameSchema } from '../../shared/protocol/client-frames';
import { CloseCode } from '../../shared/protocol/close-codes';
import {
	PROTOCOL_VERSION,
	type BoardData,
	type Freshness,
	type ServerFrame
} from '../../shared/protocol/frames';
import type { AlertChange } from '../../shared/protocol/alert-frames';
import type { Logger } from '../util/logger';
import { can } from '../auth/permissions';
import type { Actor } from '../auth/roles';
import type { UpgradeIdentity } from '../auth/upgrade-auth';
import { TeamFanout, type TeamFeed } from '../supervise/team-fanout';
import { AlertFanout, type AlertFeed } from './alert-fanout';
import { BoardDiff } from './board-diff';
import { DEFAULT_REALTIME_LIMITS, type RealtimeLimits } from './limits';

export interface HubOptions {
	/** BoardData for `board:<id>`, or null when no such board exists. */
	boardData: (boardId: string) => BoardData | null;
	freshness: () => Freshness;
	/** Whether a browser origin may open a socket; the page's own host is always allowed. */
	allowedOrigins: string[];
	buildId: string;
	/** The floor's clock (simulated in the embedded mode at SIM_SPEED > 1): what frames say `serverNowMs` is. */
	clock: () => number;
	/**
	 * Wall time, for the hub's own housekeeping (rate limits, idle views, refresh throttles), which must
	 * not speed up with a simulated floor. Default `Date.now`.
	 */
	wallClock?: () => number;
	logger: Logger;
	limits?: Partial<RealtimeLimits>;
	/** Alerts for `alerts:<boardId>` views; without it those views are unknown. */
	alerts?: AlertFeed;
	/**
	 * Who opens the socket (`authenticateUpgrade`), asked before upgrading; without it every socket is
	 * anonymous. Board views stay open to anonymous sockets; team views ask `teams.authorize`.
	 */
	identify?: (req: IncomingMessage) => Promise<UpgradeIdentity>;
	/** Team views `team:<teamId>` for supervisor consoles; without it those views are unknown. */
	teams?: TeamFeed;
	/** Whether anonymous sockets may read board views (open boards); false when TVs must be paired. */
	anonymousBoards?: boolean;
}

/** What this process knows of a paired TV's sockets, for the device list. */
export interface DeviceActivity {
	sockets: number;
	/** The boards its sockets were allowed when they opened. */
	boards: readonly string[];
	/** Wall-clock time a frame last went out to one of its sockets. */
	lastDataMs: number | null;
}

interface Client {
	ws: WebSocket;
	/** The signed-in identity behind the socket, fixed at upgrade; null when anonymous. */
	actor: Actor | null;
	views: Set<View>;
	/** Views this client must get a snapshot of on the next tick (new, resumed too late, or was slow). */
	needsSnapshot: Set<View>;
	alive: boolean;
	lastDataMs: number | null;
	inboundWindowStartMs: number;
	inboundCount: number;
}

interface View {
	name: string;
	boardId: string;
	subscribers: Set<Client>;
	seq: number;
	diff: BoardDiff;
	data: BoardData | null;
	/** Recent patch frames by seq, for resuming clients. */
	recent: Array<{ seq: number; frame: Buffer }>;
	idleSinceMs: number | null;
}

export interface HubStats {
	connections: number;
	views: number;
	framesSent: number;
	bytesSent: number;
	snapshotsSent: number;
	slowClientSkips: number;
	rejectedUpgrades: number;
}

/**
 * The WebSocket fan-out. Each view is computed and serialized once per tick and the same frame goes to
 * every subscriber; a slow socket never queues a backlog: it skips patches and gets a fresh snapshot.
 */
export class RealtimeHub {
	readonly #o: HubOptions;
	readonly #limits: RealtimeLimits;
	readonly #wss: WebSocketServer;
	readonly #clients = new Set<Client>();
	readonly #views = new Map<string, View>();
	readonly #timers: Array<ReturnType<typeof setInterval>> = [];
	readonly #wallNow: () => number;
	readonly #alerts: AlertFanout<Client> | null;
	readonly #teams: TeamFanout<Client> | null;
	readonly stats: HubStats = {
		connections: 0,
		views: 0,
		framesSent: 0,
		bytesSent: 0,
		snapshotsSent: 0,
		slowClientSkips: 0,
		rejectedUpgrades: 0
	};

	constructor(options: HubOptions) {
		this.#o = options;
		this.#wallNow = options.wallClock ?? Date.now;
		this.#limits = { ...DEFAULT_REALTIME_LIMITS, ...options.limits };
		this.#wss = new WebSocketServer({ noServer: true, maxPayload: this.#limits.maxInboundBytes });
		this.#alerts = options.alerts
			? new AlertFanout<Client>({
					feed: options.alerts,
					freshness: options.freshness,
					send: (client, frame) => this.#send(client, frame),
					slow: (client) => client.ws.bufferedAmount > this.#limits.maxBufferedBytes
				})
			: null;
		this.#teams = options.teams
			? new TeamFanout<Client>({
					feed: options.teams,
					freshness: options.freshness,
					send: (client, frame) => this.#send(client, frame),
					slow: (client) => client.ws.bufferedAmount > this.#limits.maxBufferedBytes,
					clock: this.#wallNow
				})
			: null;
	}

	/** Sends alert changes to the screens whose boards show them; each change is encoded once. */
	publishAlerts(changes: AlertChange[]): void {
		this.#alerts?.publish(changes);
	}

	start(): void {
		const every = (ms: number, fn: () => void) => {
			const timer = setInterval(fn, ms);
			timer.unref?.();
			this.#timers.push(timer);
		};
		every(this.#limits.tickMs, () => this.#tick());
		every(this.#limits.heartbeatMs, () => this.#heartbeat());
		every(this.#limits.pingMs, () => this.#ping());
	}

	/** Authenticates the upgrade (origin) and hands the socket to ws; answers errors on the raw socket. */
	handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
		const url = new URL(req.url ?? '/', 'http://localhost');
		if (url.pathname !== '/ws') return rejectUpgrade(socket, 404, 'Not Found');
		if (!this.#originAllowed(req)) {
			this.stats.rejectedUpgrades++;
			return rejectUpgrade(socket, 403, 'Forbidden: origin not allowed');
		}
		if (this.#clients.size >= this.#limits.maxConnections) {
			this.stats.rejectedUpgrades++;
			return rejectUpgrade(socket, 503, 'Service Unavailable: too many connections');
		}
		if (!this.#o.identify) {
			this.#wss.handleUpgrade(req, socket, head, (ws) => this.#onConnection(ws, null));
			return;
		}
		this.#o.identify(req).then(
			(identity) => {
				if (!identity.ok) {
					this.stats.rejectedUpgrades++;
					return rejectUpgrade(socket, identity.status, `Forbidden: ${identity.reason}`);
				}
				const { refuse } = identity;
				if (refuse) {
					this.stats.rejectedUpgrades++;
					this.#wss.handleUpgrade(req, socket, head, (ws) => ws.close(refuse.code, refuse.reason));
					return;
				}
				this.#wss.handleUpgrade(req, socket, head, (ws) => this.#onConnection(ws, identity.actor));
			},
			(err: unknown) => {
				// The session store is unreachable: refuse rather than guess who this is.
				this.#o.logger.warn('upgrade not authenticated', { error: String(err) });
				rejectUpgrade(socket, 503, 'Service Unavailable: sign-in check failed');
			}
		);
	}

	#originAllowed(req: IncomingMessage): boolean {
		const origin = req.headers.origin;
		// Non-browser clients (integrations, benchmarks) send no Origin; browsers always do.
		if (!origin) return true;
		if (this.#o.allowedOrigins.includes(origin)) return true;
		try {
			return new URL(origin).host === req.headers.host;
		} catch {
			return false;
		}
	}

	#onConnection(ws: WebSocket, actor: Actor | null): void {
		const client: Client = {
			ws,
			actor,
			views: new Set(),
			needsSnapshot: new Set(),
			alive: true,
			lastDataMs: null,
			inboundWindowStartMs: this.#wallNow(),
			inboundCount: 0
		};
		this.#clients.add(client);
		this.stats.connections = this.#clients.size;
		ws.on('pong', () => (client.alive = true));
		ws.on('message', (data, isBinary) => this.#onClientMessage(client, data, isBinary));
		ws.on('close', () => this.#drop(client));
		ws.on('error', () => this.#drop(client));
		this.#send(client, JSON.stringify(this.#hello()));
	}

	#hello(): ServerFrame {
		return {
			type: 'hello.v1',
			protocol: PROTOCOL_VERSION,
			buildId: this.#o.buildId,
			serverNowMs: this.#o.clock()
		};
	}

	#drop(client: Client): void {
		if (!this.#clients.delete(client)) return;
		for (const view of client.views) this.#leave(client, view);
		this.#alerts?.drop(client);
		this.#teams?.drop(client);
		this.stats.connections = this.#clients.size;
	}

	#onClientMessage(client: Client, data: RawData, isBinary: boolean): void {
		const now = this.#wallNow();
		if (now - client.inboundWindowStartMs > 10_000) {
			client.inboundWindowStartMs = now;
			client.inboundCount = 0;
		}
		if (++client.inboundCount > this.#limits.maxInboundPer10Sec) {
			client.ws.close(CloseCode.tooMany, 'too many messages');
			return;
		}
		if (isBinary) return this.#clientError(client, 'bad_frame', 'frames are JSON text');
		let value: unknown;
		try {
			value = JSON.parse(data.toString());
		} catch {
			return this.#clientError(client, 'bad_frame', 'frame is not JSON');
		}
		const frame = ClientFrameSchema.safeParse(value);
		if (!frame.success) return this.#clientError(client, 'bad_frame', 'unknown or malformed frame');
		if (frame.data.type === 'unsubscribe.v1') {
			this.#alerts?.unsubscribe(client, frame.data.view);
			this.#teams?.unsubscribe(client, frame.data.view);
			const view = this.#views.get(frame.data.view);
			if (view) this.#leave(client, view);
			return;
		}
		this.#subscribe(client, frame.data.view, frame.data.resumeFromSeq);
	}

	#subscribe(client: Client, name: string, resumeFromSeq: number | undefined): void {
		if (name.startsWith('alerts:') && this.#alerts) return this.#subscribeAlerts(client, name);
		if (name.startsWith('team:') && this.#teams) return this.#subscribeTeam(client, name);
		const boardId = name.startsWith('board:') ? name.slice('board:'.length) : null;
		if (boardId === null) return this.#clientError(client, 'unknown_view', `unknown view "${name}"`);
		if (!this.#mayReadBoard(client, boardId)) return this.#clientError(client, 'forbidden', 'not this board');
		let view = this.#views.get(name);
		if (!view) {
			const data = this.#o.boardData(boardId);
			if (!data) return this.#clientError(client, 'unknown_view', `no board "${boardId}"`);
			// Seqs start at the clock so a client resuming against a restarted server cannot match by chance.
			view = {
				name,
				boardId,
				subscribers: new Set(),
				seq: this.#wallNow(),
				diff: new BoardDiff(),
				data,
				recent: [],
				idleSinceMs: null
			};
			view.diff.next(data);
			this.#views.set(name, view);
			this.stats.views = this.#views.size;
		}
		if (!client.views.has(view) && client.views.size >= this.#limits.maxSubscriptionsPerClient) {
			return this.#clientError(client, 'too_many_views', 'too many subscriptions on one socket');
		}
		// An idle view's picture may be minutes old: bring it up to date (as a patch, so clients resuming
		// across the idle spell still get every change) before anyone is sent a snapshot of it.
		if (view.subscribers.size === 0) this.#refresh(view);
		client.views.add(view);
		view.subscribers.add(client);
		view.idleSinceMs = null;
		if (resumeFromSeq !== undefined && this.#resume(client, view, resumeFromSeq)) return;
		this.#sendSnapshot(client, view);
	}

	#subscribeAlerts(client: Client, name: string): void {
		const alerts = this.#alerts!;
		const total = client.views.size + alerts.count(client);
		if (!alerts.has(client, name) && total >= this.#limits.maxSubscriptionsPerClient) {
			return this.#clientError(client, 'too_many_views', 'too many subscriptions on one socket');
		}
		const boardId = name.slice('alerts:'.length);
		if (!this.#mayReadBoard(client, boardId)) return this.#clientError(client, 'forbidden', 'not this board');
		if (!alerts.subscribe(client, name, boardId)) {
			this.#clientError(client, 'unknown_view', `no board "${boardId}"`);
		}
	}

	#subscribeTeam(client: Client, name: string): void {
		const teams = this.#teams!;
		const total = client.views.size + (this.#alerts?.count(client) ?? 0) + teams.count(client);
		if (!teams.has(client, name) && total >= this.#limits.maxSubscriptionsPerClient) {
			return this.#clientError(client, 'too_many_views', 'too many subscriptions on one socket');
		}
		const refused = teams.subscribe(client, name, client.actor);
		if (refused) this.#clientError(client, refused.code, refused.message);
	}

	/**
	 * A paired TV reads only its own board; anonymous sockets read boards unless pairing is required;
	 * signed-in people read boards as before.
	 */
	#mayReadBoard(client: Client, boardId: string): boolean {
		const actor = client.actor;
		if (!actor) return this.#o.anonymousBoards ?? true;
		if (actor.kind === 'device') return can(actor, 'board.read', { board: boardId });
		return true;
	}

	/** Closes a TV's sockets (revoked: 4401, the TV goes back to pairing; rebound: 4403, it reloads). */
	closeDevice(deviceId: string, code: CloseCode, reason: string): number {
		let closed = 0;
		for (const client of this.#clients) {
			if (client.actor?.kind !== 'device' || client.actor.deviceId !== deviceId) continue;
			client.ws.close(code, reason);
			closed++;
		}
		return closed;
	}

	/** Connected TVs of this process by device id. */
	deviceActivity(): Map<string, DeviceActivity> {
		const out = new Map<string, DeviceActivity>();
		for (const client of this.#clients) {
			if (client.actor?.kind !== 'device') continue;
			const seen = out.get(client.actor.deviceId) ?? {
				sockets: 0,
				boards: client.actor.boards,
				lastDataMs: null
			};
			seen.sockets++;
			if (client.lastDataMs !== null && (seen.lastDataMs === null || client.lastDataMs > seen.lastDataMs)) {
				seen.lastDataMs = client.lastDataMs;
			}
			out.set(client.actor.deviceId, seen);
		}
		return out;
	}

	/** Sends the patches a client missed if they are all still kept; false means it needs a snapshot. */
	#resume(client: Client, view: View, fromSeq: number): boolean {
		if (fromSeq === view.seq) return true;
		const missed = view.recent.filter((p) => p.seq > fromSeq);
		if (fromSeq > view.seq || missed.length !== view.seq - fromSeq) return false;
		for (const patch of missed) this.#send(client, patch.frame);
		return true;
	}

	#leave(client: Client, view: View): void {
		client.views.delete(view);
		client.needsSnapshot.delete(view);
		view.subscribers.delete(client);
		if (view.subscribers.size === 0) view.idleSinceMs = this.#wallNow();
	}

	#sendSnapshot(client: Client, view: View): void {
		const data = view.data ?? this.#o.boardData(view.boardId);
		if (!data) return;
		const frame: ServerFrame = {
			type: 'snapshot.v1',
			view: view.name,
			seq: view.seq,
			freshness: this.#o.freshness(),
			data
		};
		client.needsSnapshot.delete(view);
		this.stats.snapshotsSent++;
		this.#send(client, JSON.stringify(frame));
	}

	#tick(): void {
		const now = this.#wallNow();
		for (const view of this.#views.values()) {
			if (view.subscribers.size === 0) {
				// Idle views are kept a while so clients that reconnect can resume, then forgotten.
				if (view.idleSinceMs !== null && now - view.idleSinceMs > 10 * 60_000) this.#views.delete(view.name);
				continue;
			}
			const frame = this.#refresh(view);
			for (const client of view.subscribers) {
				if (client.ws.bufferedAmount > this.#limits.maxBufferedBytes) {
					if (frame) {
						this.stats.slowClientSkips++;
						client.needsSnapshot.add(view);
					}
					continue;
				}
				if (client.needsSnapshot.has(view)) this.#sendSnapshot(client, view);
				else if (frame) this.#send(client, frame);
			}
		}
		this.stats.views = this.#views.size;
		this.#alerts?.tick();
		this.#teams?.tick();
	}

	/**
	 * Recomputes a view and, when it changed, numbers and keeps the patch. The frame is encoded to UTF-8
	 * once here and the same buffer goes to every subscriber, so fan-out costs no per-socket encoding.
	 */
	#refresh(view: View): Buffer | null {
		const data = this.#o.boardData(view.boardId);
		if (!data) return null;
		view.data = data;
		const patch = view.diff.next(data);
		if (!patch) return null;
		view.seq++;
		const frame = Buffer.from(
			JSON.stringify({
				type: 'patch.v1',
				view: view.name,
				seq: view.seq,
				freshness: this.#o.freshness(),
				data: patch
			} satisfies ServerFrame)
		);
		view.recent.push({ seq: view.seq, frame });
		if (view.recent.length > this.#limits.resumablePatches) view.recent.shift();
		return frame;
	}

	#heartbeat(): void {
		const frame = Buffer.from(
			JSON.stringify({ type: 'heartbeat.v1', freshness: this.#o.freshness() } satisfies ServerFrame)
		);
		for (const client of this.#clients) {
			if (client.ws.bufferedAmount <= this.#limits.maxBufferedBytes) this.#send(client, frame);
		}
	}

	#ping(): void {
		for (const client of this.#clients) {
			if (!client.alive) {
				client.ws.terminate();
				this.#drop(client);
				continue;
			}
			client.alive = false;
			client.ws.ping();
		}
	}

	#send(client: Client, frame: string | Buffer): void {
		if (client.ws.readyState !== client.ws.OPEN) return;
		const bytes = typeof frame === 'string' ? Buffer.from(frame) : frame;
		// Frames are JSON text: a Buffer must still go out as a text frame.
		client.ws.send(bytes, { binary: false });
		// Wall time, not the floor's (simulated) clock: the device list compares it with now.
		if (client.actor?.kind === 'device') client.lastDataMs = Date.now();
		this.stats.framesSent++;
		this.stats.bytesSent += bytes.length;
	}

	#clientError(client: Client, code: string, message: string): void {
		this.#send(client, JSON.stringify({ type: 'error.v1', code, message } satisfies ServerFrame));
	}

	/** Closes every socket with "going away" so clients reconnect to the next instance. */
	async stop(): Promise<void> {
		for (const timer of this.#timers) clearInterval(timer);
		for (const client of this.#clients) client.ws.close(CloseCode.goingAway, 'server restarting');
		await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
		for (const client of this.#clients) client.ws.terminate();
	}
}

function rejectUpgrade(socket: Duplex, status: number, text: string): void {
	socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${text}\n`);
}
