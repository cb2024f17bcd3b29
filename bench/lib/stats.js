// Latency statistics for the benchmark.

/**
 * Percentiles of weighted samples (value, weight), exact (no histogram buckets).
 * @param {number[]} values
 * @param {number[]} weights
 * @param {number[]} ps percentiles, 0..100
 */
export function weightedPercentiles(values, weights, ps) {
	const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
	let total = 0;
	let sum = 0;
	for (let i = 0; i < values.length; i++) {
		total += weights[i];
		sum += values[i] * weights[i];
	}
	/** @type {Record<string, number>} */
	const out = { count: total, mean: total ? sum / total : NaN, max: NaN };
	if (!total) {
		for (const p of ps) out[`p${p}`] = NaN;
		return out;
	}
	out.max = values[order[order.length - 1]];
	const targets = ps.map((p) => ({ p, at: (p / 100) * total }));
	let cumulative = 0;
	let t = 0;
	for (const i of order) {
		cumulative += weights[i];
		while (t < targets.length && cumulative >= targets[t].at) {
			out[`p${targets[t].p}`] = values[i];
			t++;
		}
	}
	for (; t < targets.length; t++) out[`p${targets[t].p}`] = out.max;
	return out;
}

export const PERCENTILES = [50, 90, 95, 99, 99.9];

/**
 * Per-event publish -> screen latency. An event published at wall time `ts` is on a screen once the screen
 * has received a frame whose freshness.asOfMs ≥ ts: asOfMs is the newest event time the view reflects,
 * and events reach the server in publish order (one publishing connection, one subscriber connection), so
 * that frame reflects every event published up to `ts`. Each event's latency is that frame's receive time
 * minus `ts`; it includes the wait for the next push tick, as a screen experiences it.
 * @param {number[]} batchTs publish time of each in-window batch (ascending)
 * @param {number[]} batchCount events in each batch
 * @param {Array<{ recv: number[], asOf: number[] }>} screens frames as received by each sampled screen
 */
export function eventLatency(batchTs, batchCount, screens) {
	/** @type {number[]} */
	const values = [];
	/** @type {number[]} */
	const weights = [];
	let undelivered = 0;
	for (const screen of screens) {
		let j = 0;
		for (let b = 0; b < batchTs.length; b++) {
			const ts = batchTs[b];
			while (j < screen.asOf.length && screen.asOf[j] < ts) j++;
			if (j >= screen.asOf.length) {
				undelivered += batchCount[b];
				continue;
			}
			values.push(screen.recv[j] - ts);
			weights.push(batchCount[b]);
		}
	}
	return { ...weightedPercentiles(values, weights, PERCENTILES), undelivered };
}

/**
 * Age of the newest event a frame reflects when it arrives (receive time - asOfMs), per patch frame received
 * inside [fromMs, toMs): the staleness a screen shows right after each update.
 * @param {Array<{ recv: number[], asOf: number[], kind: string[] }>} screens
 * @param {number} fromMs @param {number} toMs
 */
export function frameAge(screens, fromMs, toMs) {
	/** @type {number[]} */
	const values = [];
	for (const screen of screens) {
		for (let i = 0; i < screen.recv.length; i++) {
			const recv = screen.recv[i];
			if (screen.kind[i] !== 'p' || recv < fromMs || recv >= toMs) continue;
			values.push(recv - screen.asOf[i]);
		}
	}
	return weightedPercentiles(
		values,
		values.map(() => 1),
		PERCENTILES
	);
}
