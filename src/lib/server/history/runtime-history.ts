import type { CentreSetup } from '../../shared/centre/setup';
import type { ServerConfig } from '../config';
import type { Floor } from '../live/floor';
import { consoleLogger } from '../util/logger';
import { LiveHistory } from './live-history';
import { MemoryHistoryStore } from './memory-store';
import { RedisHistoryStore } from './redis-store';
import { DAY_MS, type HistoryStore } from './store';

/** The history part of the runtime: the live recorder, its store, and what reports and imports need. */
export interface RuntimeHistory {
	readonly live: LiveHistory;
	readonly store: HistoryStore;
	readonly setup: CentreSetup;
	readonly timeZone: string;
	readonly shrinkage: number;
	stop(): Promise<void>;
}

/** Redis when configured (the production mode), else the embedded mode's in-process store. */
export function createRuntimeHistory(
	config: ServerConfig,
	floor: Floor,
	clock: () => number
): RuntimeHistory {
	const { env } = config;
	const retentionMs = env.HISTORY_RETENTION_DAYS * DAY_MS;
	const store: HistoryStore = env.REDIS_URL
		? new RedisHistoryStore({ url: env.REDIS_URL, prefix: env.CC_PREFIX, retentionMs })
		: new MemoryHistoryStore({ retentionMs, clock });
	const live = new LiveHistory({
		floor,
		store,
		logger: consoleLogger('history'),
		shrinkage: env.HISTORY_SHRINKAGE
	});
	return {
		live,
		store,
		setup: config.setup,
		timeZone: env.TZ_CENTRE,
		shrinkage: env.HISTORY_SHRINKAGE,
		async stop() {
			await live.stop();
			await store.close();
		}
	};
}
