import { CloseCode } from '$lib/shared/protocol/close-codes';
import { boardView, type BoardData, type ClientFrame, type Freshness } from '$lib/shared/protocol/frames';
import { alertsView, type AlertView } from '$lib/shared/protocol/alert-frames';
import { applyAlertChange, sortAlerts } from './alert-list';
import { backoffDelayMs, RECONNECT_BACKOFF } from './backoff';
import { forgetSeq, initialSync, markReconnecting, reduceFrame, type SyncState } from './board-sync';
import {
	ageSeconds,
	connectionState,
	dataAsOfClientMs,
	type ConnectionState,
	type SocketStatus
} from './connection-state';
import { parseServerFrame } from './parse-frame';
import { reloadDelayMs } from './reload';

/** An open socket with no frame for this long is treated as dead (a half-open TCP link never closes). */
export const RECONNECT_AFTER_SILENCE_MS = 12_000;
/** A snapshot asked for and not received in this long: start over on a new socket with a fresh subscribe. */
export const SNAPSHOT_TIMEOUT_MS = 10_000;
/** Close code the client uses when it gives up on a socket itself. */
const CLIENT_GAVE_UP = 4000;
/** Close codes after which retrying soon cannot help; retry slowly, since nobody is there to press reload. */
const SLOW_RETRY_CODES: ReadonlySet<number> = new Set([
	CloseCode.badRequest,
	CloseCode.unauthorized,
	CloseCode.forbidden,
	CloseCode.tooMany
]);
const RELOADED_AT_KEY = 'wallboard.reloadedAt';

export interface SocketHandlers {
	open(): void;
	message(text: string): void;
	close(code: number): void;
}
export interface SocketHandle {
	send(text: string): void;
	close(code?: number, reason?: string): void;
}
export type SocketFactory = (url: string, handlers: SocketHandlers) => SocketHandle;

export const browserSocket: SocketFactory = (url, handlers) => {
	const ws = new WebSocket(url);
	ws.onopen = () => handlers.open();
	ws.onmessage = (ev: MessageEvent) => {
		if (typeof ev.data === 'string') handlers.message(ev.data);
	};
	// 'error' is always followed by 'close', which is where reconnecting happens.
	ws.onclose = (ev: CloseEvent) => handlers.close(ev.code);
	return {
		send: (text) => {
			if (ws.readyState === WebSocket.OPEN) ws.send(text);
		},
		close: (code, reason) => ws.close(code, reason)
	};
};

/** ws:// or wss:// to match the page, same host and port. */
export function sameOriginSocketUrl(): string {
	return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws`;
}

function readReloadedAt(): number | null {
	try {
		const v = Number(sessionStorage.getItem(RELOADED_AT_KEY));
		return Number.isFinite(v) && v > 0 ? v : null;
	} catch {
		return null;
	}
}

function reloadPage(): void {
	try {
		sessionStorage.setItem(RELOADED_AT_KEY, String(Date.now()));
	} catch {
		// Storage may be disabled on kiosk browsers; the reload still matters more than the loop guard.
	}
	location.reload();
}

export interface LiveBoardOptions {
	boardId: string;
	/** The board as loaded with the page (server-rendered), shown until the socket's snapshot arrives. */
	initial: BoardData;
	freshness: Freshness | null;
	url?: () => string;
	socket?: SocketFactory;
	now?: () => number;
	random?: () => number;
	reload?: () => void;
	lastReloadAt?: () => number | null;
	/** This bundle's build; a `hello.v1` naming another one means a deploy happened: reload. */
	buildId?: string;
	/**
	 * Called when the server closes with 4401 or 4403; true means the page handled it (a paired TV
	 * revoked or rebound goes back to `/wall`) and no reconnect should follow. Default: reconnect.
	 */
	onRefused?: (code: number) => boolean;
}

/**
 * For a paired TV (its page was told so: the device cookie is HttpOnly and not visible here) that is
 * refused: go to `/wall`, which shows pairing if revoked, or sends it on to its new board if rebound.
 */
export function leaveForPairing(): boolean {
	location.assign(`/wall${location.search}`);
	return true;
}

/** Servers started outside a build (dev, tests) say this; it never means "a new version is out". */
export const UNVERSIONED_BUILD = 'dev';

/**
 * One board's live picture: the page's data, kept current over the /ws socket, with an honest account
 * of how current it is. Constructing it does nothing (safe during SSR); `start()` in an effect connects,
 * and the function it returns disconnects.
 */
export class LiveBoard {
	readonly boardId: string;
	readonly view: string;

	data: BoardData;
	freshness: Freshness | null;
	socket: SocketStatus;
	everOpened: boolean;
	awaitingSnapshot: boolean;
	/** Client clock, advanced once a second while started. */
	nowMs: number;
	lastFrameAtMs: number | null;
	freshnessAtMs: number | null;
	/** Client-clock instant the shown figures reflect (see dataAsOfClientMs). */
	dataAsOfMs: number | null;
	lastCloseCode: number | null;
	lastError: string | null;
	/** Active alerts of this board's queues, red first (from `alerts:<boardId>`). */
	alerts: AlertView[];

	readonly state: ConnectionState = $derived.by(() =>
		connectionState({
			socket: this.socket,
			everOpened: this.everOpened,
			nowMs: this.nowMs,
			lastFrameAtMs: this.lastFrameAtMs,
			freshness: this.freshness,
			freshnessAtMs: this.freshnessAtMs,
			awaitingSnapshot: this.awaitingSnapshot
		})
	);
	/** "Updated N s ago": whole seconds, ticking with `nowMs`. */
	readonly ageSec: number | null = $derived.by(() => ageSeconds(this.nowMs, this.dataAsOfMs));

	#sync: SyncState;
	#url: () => string;
	#factory: SocketFactory;
	#now: () => number;
	#random: () => number;
	#reload: () => void;
	#lastReloadAt: () => number | null;
	#buildId: string | null;
	#onRefused: (code: number) => boolean;

	#running = false;
	#connId = 0;
	#handle: SocketHandle | null = null;
	#attempt = 0;
	#awaitingSinceMs = 0;
	#reconnectTimer: ReturnType<typeof setTimeout> | null = null;
	#tickTimer: ReturnType<typeof setTimeout> | null = null;
	#reloadTimer: ReturnType<typeof setTimeout> | null = null;
	#lastWarnMs = -Infinity;

	constructor(options: LiveBoardOptions) {
		this.boardId = options.boardId;
		this.view = boardView(options.boardId);
		this.#url = options.url ?? sameOriginSocketUrl;
		this.#factory = options.socket ?? browserSocket;
		this.#now = options.now ?? Date.now;
		this.#random = options.random ?? Math.random;
		this.#reload = options.reload ?? reloadPage;
		this.#lastReloadAt = options.lastReloadAt ?? readReloadedAt;
		this.#buildId = options.buildId ?? null;
		this.#onRefused = options.onRefused ?? (() => false);
		this.#sync = initialSync(options.initial);

		const now = this.#now();
		this.data = $state.raw(options.initial);
		this.freshness = $state.raw(options.freshness);
		this.socket = $state('connecting');
		this.everOpened = $state(false);
		this.awaitingSnapshot = $state(false);
		this.nowMs = $state(now);
		// The page's own data counts as a frame received now, so a fresh page load is not "offline".
		this.lastFrameAtMs = $state(now);
		this.freshnessAtMs = $state(options.freshness ? now : null);
		this.dataAsOfMs = $state(dataAsOfClientMs(now, options.freshness));
		this.lastCloseCode = $state(null);
		this.lastError = $state(null);
		this.alerts = $state.raw([]);
	}

	start(): () => void {
		if (!this.#running) {
			this.#running = true;
			this.nowMs = this.#now();
			this.#connect();
			this.#scheduleTick();
			if (typeof window !== 'undefined') window.addEventListener('online', this.#onOnline);
		}
		return () => this.stop();
	}

	stop(): void {
		if (!this.#running) return;
		this.#running = false;
		for (const timer of [this.#reconnectTimer, this.#tickTimer, this.#reloadTimer])
			if (timer) clearTimeout(timer);
		this.#reconnectTimer = this.#tickTimer = this.#reloadTimer = null;
		if (typeof window !== 'undefined') window.removeEventListener('online', this.#onOnline);
		this.#detach(1000, 'page closed');
		this.socket = 'closed';
	}

	#connect(): void {
		this.#reconnectTimer = null;
		const id = ++this.#connId;
		this.socket = 'connecting';
		try {
			this.#handle = this.#factory(this.#url(), {
				open: () => id === this.#connId && this.#onOpen(),
				message: (text) => id === this.#connId && this.#onMessage(text),
				close: (code) => id === this.#connId && this.#onClose(code)
			});
		} catch (err) {
			this.#warn('socket could not be created', err);
			this.#onClose(1006);
		}
	}

	#onOpen(): void {
		const now = this.#now();
		this.socket = 'open';
		this.everOpened = true;
		this.lastFrameAtMs = now;
		this.#awaitingSinceMs = now;
		this.#subscribe(this.#sync.lastSeq ?? undefined);
		// Alerts are their own view with no seq to resume: every new socket gets a fresh snapshot of them.
		const alerts: ClientFrame = { type: 'subscribe.v1', view: alertsView(this.boardId) };
		this.#handle?.send(JSON.stringify(alerts));
	}

	#subscribe(resumeFromSeq: number | undefined): void {
		const frame: ClientFrame =
			resumeFromSeq === undefined
				? { type: 'subscribe.v1', view: this.view }
				: { type: 'subscribe.v1', view: this.view, resumeFromSeq };
		this.#handle?.send(JSON.stringify(frame));
	}

	#onMessage(text: string): void {
		const parsed = parseServerFrame(text);
		if (!parsed.ok) {
			this.#warn(`ignored a frame: ${parsed.reason}`);
			return;
		}
		const frame = parsed.frame;
		const now = this.#now();
		this.lastFrameAtMs = now;
		this.nowMs = now;
		switch (frame.type) {
			case 'hello.v1':
				// A new build is out: reload (jittered, loop-guarded) so the floor picks it up by itself.
				if (
					this.#buildId !== null &&
					frame.buildId !== UNVERSIONED_BUILD &&
					this.#buildId !== UNVERSIONED_BUILD &&
					frame.buildId !== this.#buildId
				) {
					this.#scheduleReload();
				}
				return;
			case 'error.v1':
				this.lastError = frame.code;
				this.#warn(`server error ${frame.code}: ${frame.message}`);
				return;
			case 'heartbeat.v1':
				this.#setFreshness(frame.freshness, now);
				this.#setSync(reduceFrame(this.#sync, frame).state, now);
				// In sync with nothing to patch: the figures shown are as current as the server's.
				if (this.#sync.pending === 'none' && this.#sync.lastSeq !== null) {
					this.#advanceAsOf(dataAsOfClientMs(now, frame.freshness));
				}
				return;
			case 'alerts.v1':
				if (frame.view === alertsView(this.boardId)) this.alerts = sortAlerts([...frame.alerts]);
				return;
			case 'alert.v1':
				this.alerts = applyAlertChange(this.alerts, frame);
				return;
			case 'snapshot.v1':
			case 'patch.v1': {
				if (frame.view !== this.view) return;
				this.#setFreshness(frame.freshness, now);
				const step = reduceFrame(this.#sync, frame);
				this.#setSync(step.state, now);
				if (step.applied) {
					this.data = step.state.data;
					const asOf = dataAsOfClientMs(now, frame.freshness);
					if (frame.type === 'snapshot.v1') this.dataAsOfMs = asOf;
					else this.#advanceAsOf(asOf);
				}
				if (step.resubscribe) this.#subscribe(undefined);
				return;
			}
		}
	}

	#onClose(code: number): void {
		this.#handle = null;
		this.socket = 'closed';
		this.lastCloseCode = code;
		this.#setSync(markReconnecting(this.#sync), this.#now());
		if (code === CloseCode.clientTooOld) {
			this.#scheduleReload();
			return;
		}
		if ((code === CloseCode.unauthorized || code === CloseCode.forbidden) && this.#onRefused(code)) {
			this.stop();
			return;
		}
		this.#scheduleReconnect(SLOW_RETRY_CODES.has(code));
	}

	/** Abandons the current socket at once; its late events are ignored (the close handshake can take minutes). */
	#detach(code: number, reason: string): void {
		this.#connId++;
		const handle = this.#handle;
		this.#handle = null;
		try {
			handle?.close(code, reason);
		} catch {
			// Already closed.
		}
	}

	#dropAndReconnect(reason: string, freshSubscribe: boolean): void {
		this.#warn(reason);
		this.#detach(CLIENT_GAVE_UP, reason);
		if (freshSubscribe) this.#sync = forgetSeq(this.#sync);
		this.#onClose(CLIENT_GAVE_UP);
	}

	#scheduleReconnect(slow: boolean): void {
		if (!this.#running || this.#reconnectTimer) return;
		const attempt = slow ? Number.MAX_SAFE_INTEGER : this.#attempt++;
		const delay = backoffDelayMs(attempt, this.#random, RECONNECT_BACKOFF);
		this.#reconnectTimer = setTimeout(() => this.#connect(), delay);
	}

	#scheduleReload(): void {
		if (!this.#running || this.#reloadTimer) return;
		const delay = reloadDelayMs(this.#lastReloadAt(), this.#now(), this.#random);
		this.#reloadTimer = setTimeout(() => this.#reload(), delay);
	}

	#onOnline = (): void => {
		// The network came back: don't sit out a 30 s backoff in front of the whole floor.
		if (this.socket === 'closed' && this.#reconnectTimer) {
			clearTimeout(this.#reconnectTimer);
			this.#connect();
		}
	};

	#scheduleTick(): void {
		if (!this.#running) return;
		const now = this.#now();
		// Aligned to the second so the clock does not visibly skip or stutter.
		this.#tickTimer = setTimeout(() => this.#tick(), 1000 - (now % 1000) + 5);
	}

	#tick(): void {
		const now = this.#now();
		this.nowMs = now;
		if (this.socket === 'open') {
			if (this.lastFrameAtMs !== null && now - this.lastFrameAtMs > RECONNECT_AFTER_SILENCE_MS) {
				this.#dropAndReconnect('no frame from the server; reconnecting', false);
			} else if (this.#sync.pending !== 'none' && now - this.#awaitingSinceMs > SNAPSHOT_TIMEOUT_MS) {
				this.#dropAndReconnect('no snapshot from the server; reconnecting', true);
			}
		}
		this.#scheduleTick();
	}

	#setSync(next: SyncState, now: number): void {
		if (next.pending !== 'none' && this.#sync.pending === 'none') this.#awaitingSinceMs = now;
		// Back-off restarts only once a connection has proved useful, not merely opened: a server that
		// accepts and then drops every socket must not be retried at the fastest rate forever.
		if (next.pending === 'none' && this.socket === 'open') this.#attempt = 0;
		this.#sync = next;
		this.awaitingSnapshot = next.pending !== 'none';
	}

	#setFreshness(freshness: Freshness, now: number): void {
		this.freshness = freshness;
		this.freshnessAtMs = now;
	}

	#advanceAsOf(asOf: number): void {
		if (this.dataAsOfMs === null || asOf > this.dataAsOfMs) this.dataAsOfMs = asOf;
	}

	/** At most one console line a minute: a TV left for weeks must not fill its memory with logs. */
	#warn(message: string, err?: unknown): void {
		const now = this.#now();
		if (now - this.#lastWarnMs < 60_000) return;
		this.#lastWarnMs = now;
		console.warn(`[live-board ${this.boardId}] ${message}`, err ?? '');
	}
}
