/** Redis names of the settings (docs/api.md "Targets and thresholds"). */
export function settingsKeys(prefix: string) {
	return {
		/** Hash: queueId → JSON StoredQueueSettings. */
		queues: `${prefix}:settings:queues`,
		/** Hash: `notReadyLimitsSec` → JSON StoredNotReadyLimits; `alerts` → JSON stored AlertSetup. */
		centre: `${prefix}:settings:centre`,
		/** Pub/sub: one message per change, so every replica reloads what changed. */
		changed: `${prefix}:settings.changed`
	} as const;
}
export type SettingsKeys = ReturnType<typeof settingsKeys>;

export const NOT_READY_FIELD = 'notReadyLimitsSec';
export const ALERTS_FIELD = 'alerts';

/** What a settings.changed message says; the receiver re-reads the value from Redis, never trusts it. */
export type SettingsChange =
	{ kind: 'queue'; queueId: string } | { kind: 'not-ready-limits' } | { kind: 'alerts' };

export function parseChange(message: string): SettingsChange | null {
	try {
		const v = JSON.parse(message) as Record<string, unknown>;
		if (v.kind === 'queue' && typeof v.queueId === 'string') return { kind: 'queue', queueId: v.queueId };
		if (v.kind === 'not-ready-limits') return { kind: 'not-ready-limits' };
		if (v.kind === 'alerts') return { kind: 'alerts' };
	} catch {
		// fall through: a malformed notice is ignored, the next one or a restart reloads
	}
	return null;
}
