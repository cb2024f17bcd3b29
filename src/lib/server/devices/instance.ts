import { MemoryKeyValueStore } from '../auth/memory-kv';
import { RedisKeyValueStore } from '../auth/redis-kv';
import { RedisBus } from '../bus/redis-bus';
import type { Runtime } from '../runtime/runtime';
import { DeviceStore } from './device-store';

/** Process-wide key, like the Auth's: Kit's routes and the socket upgrade must share one store. */
export const DEVICES_KEY = Symbol.for('cc-wallboard.devices');

type Registry = Record<symbol, DeviceStore | undefined>;

/** The device store of this process: Redis in redis mode (TVs stay paired across restarts), memory otherwise. */
export function getDevices(runtime: Pick<Runtime, 'bus' | 'config'>): DeviceStore {
	const registry = globalThis as unknown as Registry;
	let store = registry[DEVICES_KEY];
	if (!store) {
		const kv =
			runtime.bus instanceof RedisBus ? new RedisKeyValueStore(runtime.bus.redis) : new MemoryKeyValueStore();
		store = new DeviceStore({ kv, prefix: runtime.config.env.CC_PREFIX });
		registry[DEVICES_KEY] = store;
	}
	return store;
}
