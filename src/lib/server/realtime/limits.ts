/** Every bound of the WebSocket layer, named, with its default. */
export interface RealtimeLimits {
	/** Push tick: a view's changes are coalesced and sent at most this often. */
	tickMs: number;
	/** Heartbeat frame carrying freshness, so clients can tell a quiet floor from a dead link. */
	heartbeatMs: number;
	/** Protocol-level ping; a socket that misses one pong is terminated. */
	pingMs: number;
	/** A client whose unsent bytes exceed this skips patches and gets a snapshot once it drains. */
	maxBufferedBytes: number;
	maxConnections: number;
	maxSubscriptionsPerClient: number;
	/** Largest inbound frame; clients only send small control frames. */
	maxInboundBytes: number;
	/** Inbound frames allowed per client per 10 s. */
	maxInboundPer10Sec: number;
	/** Patches kept per view so a reconnecting client can resume without a snapshot. */
	resumablePatches: number;
}

export const DEFAULT_REALTIME_LIMITS: RealtimeLimits = {
	tickMs: 250,
	heartbeatMs: 2_000,
	pingMs: 15_000,
	maxBufferedBytes: 1024 * 1024,
	maxConnections: 5_000,
	maxSubscriptionsPerClient: 8,
	maxInboundBytes: 4 * 1024,
	maxInboundPer10Sec: 50,
	resumablePatches: 40
};
