import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import type { OpsSnapshot } from './ops-metrics';

let histogram: IntervalHistogram | null = null;

/**
 * The process's memory and event-loop delay. The delay histogram starts on the first scrape and is
 * reset by each, so a scrape reports the interval since the previous one (what a dashboard wants).
 */
export function readProcess(): OpsSnapshot['process'] {
	if (!histogram) {
		histogram = monitorEventLoopDelay({ resolution: 10 });
		histogram.enable();
	}
	const memory = process.memoryUsage();
	// Nanoseconds; 0 until the histogram has a sample (the first scrape after start).
	const p99 = histogram.count > 0 ? histogram.percentile(99) : 0;
	const max = histogram.count > 0 ? histogram.max : 0;
	histogram.reset();
	return {
		residentBytes: memory.rss,
		heapUsedBytes: memory.heapUsed,
		eventLoopDelayP99Sec: p99 / 1e9,
		eventLoopDelayMaxSec: max / 1e9
	};
}
