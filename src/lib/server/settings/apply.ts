import { DEFAULT_SL_THRESHOLD_SEC, type QueueConfig, type QueueSetup } from '../../shared/centre/setup';
import type { Floor } from '../live/floor';
import type { QueueSettings } from './schema';

/** A queue's settings as the set-up file gives them: what applies until the API changes them. */
export function settingsFromSetup(q: QueueSetup): QueueSettings {
	return {
		...(q.slThresholdSec !== undefined ? { slThresholdSec: q.slThresholdSec } : {}),
		slFormula: q.slFormula,
		targets: q.targets,
		thresholds: q.thresholds,
		limits: q.limits,
		...(q.notReadyLimitsSec ? { notReadyLimitsSec: q.notReadyLimitsSec } : {})
	};
}

export function withSettings(config: QueueConfig, s: QueueSettings): QueueConfig {
	// Rest-spread drops any earlier per-queue limits: settings without them mean the centre's apply.
	const { notReadyLimitsSec: _previous, ...rest } = config;
	return {
		...rest,
		...(s.notReadyLimitsSec ? { notReadyLimitsSec: s.notReadyLimitsSec } : {}),
		slThresholdSec: s.slThresholdSec ?? DEFAULT_SL_THRESHOLD_SEC[config.channel],
		slFormula: s.slFormula,
		targets: s.targets,
		thresholds: s.thresholds,
		limits: s.limits
	};
}

/**
 * Replaces the queue's config on the floor, so the next figures, board frame and alert check use it.
 * A new object rather than edits in place: a reader holding the old config sees one consistent set.
 * Counts already made stay as they were judged (an SL threshold change applies to outcomes from now on).
 */
export function applyToFloor(floor: Floor, queueId: string, s: QueueSettings): boolean {
	const queue = floor.queues.get(queueId);
	if (!queue) return false;
	queue.config = withSettings(queue.config, s);
	return true;
}
