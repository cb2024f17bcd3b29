import type { Freshness } from '$lib/shared/protocol/frames';

export const CONNECTION_STATES = ['live', 'stale', 'offline', 'recovering'] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];

export type SocketStatus = 'connecting' | 'open' | 'closed';

/** No frame at all (heartbeats come every ~2 s) for this long: the link is dead even if the socket says open. */
export const OFFLINE_AFTER_SILENCE_MS = 5_000;
/**
 * The server has received no event for this long: its stream has stopped, so its figures are frozen.
 * Servers say how long a silence is normal for their floor (`freshness.staleAfterMs`); this is the
 * bound for those that do not.
 */
export const STALE_AFTER_NO_EVENTS_MS = 10_000;

function staleAfterMs(f: Freshness): number {
	const bound = f.staleAfterMs;
	return typeof bound === 'number' && Number.isFinite(bound) && bound > 0 ? bound : STALE_AFTER_NO_EVENTS_MS;
}

export interface ConnectionInput {
	socket: SocketStatus;
	/** The socket has been open at least once in this page's life. */
	everOpened: boolean;
	/** Client clock. */
	nowMs: number;
	/** Client clock when the last frame of any kind arrived (or the page's data was loaded). */
	lastFrameAtMs: number | null;
	/** The freshness the server last reported, and the client time it arrived. */
	freshness: Freshness | null;
	freshnessAtMs: number | null;
	/** The client's copy has missed changes (gap or reconnect) and waits for the server to catch it up. */
	awaitingSnapshot: boolean;
}

/**
 * Decides what the board may claim about its figures, worst first:
 * - offline: the socket is down (before the first open, only once the page's data is over 5 s old, so a
 *   page load does not flash "offline"), or no frame came for 5 s;
 * - recovering: the client waits for a snapshot after a gap or reconnect, or the server reports a gap
 *   being recovered or its bus disconnected;
 * - stale: the server's stream stopped: by its own clock (moved on by the client's elapsed time since the
 *   report) nothing was received for longer than the server's `staleAfterMs` (10 s when it gives none),
 *   or nothing ever;
 * - live otherwise.
 * Client and server clocks are never compared with each other: each difference is taken on one clock.
 */
export function connectionState(input: ConnectionInput): ConnectionState {
	const silentMs = input.lastFrameAtMs === null ? Infinity : input.nowMs - input.lastFrameAtMs;
	if (input.socket !== 'open' && (input.everOpened || silentMs > OFFLINE_AFTER_SILENCE_MS)) return 'offline';
	if (silentMs > OFFLINE_AFTER_SILENCE_MS) return 'offline';
	if (input.awaitingSnapshot) return 'recovering';
	const f = input.freshness;
	if (!f) return 'stale';
	if (f.gapOpen || !f.busConnected) return 'recovering';
	if (f.lastReceiveMs === null) return 'stale';
	const elapsedMs = input.freshnessAtMs === null ? 0 : Math.max(0, input.nowMs - input.freshnessAtMs);
	if (f.serverNowMs + elapsedMs - f.lastReceiveMs > staleAfterMs(f)) return 'stale';
	return 'live';
}

/**
 * The client-clock instant the shown figures reflect: when the frame confirming them arrived, moved back
 * by how long the server had then gone without an event. A snapshot taken from a server whose stream
 * stopped five minutes ago therefore reads "5 min ago", not "just now".
 */
export function dataAsOfClientMs(receivedAtMs: number, freshness: Freshness | null): number {
	if (!freshness || freshness.lastReceiveMs === null) return receivedAtMs;
	return receivedAtMs - Math.max(0, freshness.serverNowMs - freshness.lastReceiveMs);
}

/** Whole seconds since `asOfMs`, never negative; null when there is no data. */
export function ageSeconds(nowMs: number, asOfMs: number | null): number | null {
	if (asOfMs === null) return null;
	return Math.max(0, Math.floor((nowMs - asOfMs) / 1000));
}
