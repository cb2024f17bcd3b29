import { RedisBus } from '../bus/redis-bus';
import type { Runtime } from '../runtime/runtime';
import { Auth } from './auth';
import { MemoryKeyValueStore } from './memory-kv';
import { RedisKeyValueStore } from './redis-kv';

/** Process-wide key, like the runtime's: Kit's routes and the socket upgrade must share one Auth. */
export const AUTH_KEY = Symbol.for('cc-wallboard.auth');

type Registry = Record<symbol, Auth | undefined>;

/** The one Auth of this process, over the runtime's Redis connection (or memory in the embedded mode). */
export function getAuth(runtime: Runtime): Auth {
	const registry = globalThis as unknown as Registry;
	let auth = registry[AUTH_KEY];
	if (!auth) {
		const { env } = runtime.config;
		const kv =
			runtime.bus instanceof RedisBus ? new RedisKeyValueStore(runtime.bus.redis) : new MemoryKeyValueStore();
		auth = new Auth({
			kv,
			prefix: env.CC_PREFIX,
			sessions: { idleMs: env.SESSION_IDLE_MINUTES * 60_000, absoluteMs: env.SESSION_MAX_HOURS * 3_600_000 },
			trustedHeader: env.AUTH_TRUSTED_HEADER ?? null
		});
		registry[AUTH_KEY] = auth;
	}
	return auth;
}
