// Interval history reads at report size: a month of 15-min rows for 20 queues (plus their channel and
// centre roll-ups) written to a real redis-server, then read back as the report API does it: the
// store read (pipelined HGETALL per interval), the filter and sort, and the JSON and CSV encodings.
//
// Prints rows, write time, and for each read the best and median of the runs (ms).
// Page loading and drawing in Chromium is measured by bench/reports-page.ts.
//
// Usage: npx tsx bench/history.ts [--days 31] [--queues 20] [--runs 7]
import { parseArgs } from 'node:util';
import { emptyCounters } from '../src/lib/shared/metrics/counters';
import { toCsv } from '../src/lib/server/history/csv';
import type { IntervalRow } from '../src/lib/server/history/interval-row';
import { isoInZone, intervalStartMs } from '../src/lib/server/history/local-time';
import { readRows } from '../src/lib/server/history/read-rows';
import { RedisHistoryStore } from '../src/lib/server/history/redis-store';
import { startRedis } from '../tests/support/redis-server';

const { values } = parseArgs({
	options: { days: { type: 'string' }, queues: { type: 'string' }, runs: { type: 'string' } }
});
const days = Number(values.days ?? 31);
const queueCount = Number(values.queues ?? 20);
const runs = Number(values.runs ?? 7);
const TZ = 'Asia/Shanghai';

function row(startMs: number, scope: IntervalRow['scope'], queueId: string | null, i: number): IntervalRow {
	const offered = 40 + (i % 60);
	return {
		start: isoInZone(startMs, TZ),
		startMs,
		size: 15,
		scope,
		queueId,
		channel: scope === 'centre' ? null : 'voice',
		offered,
		answered: offered - 3,
		abandoned: 3,
		shortAbandoned: 1,
		flowedOut: 0,
		answeredWithin: offered - 8,
		abandonedWithin: 1,
		handled: offered - 3,
		answerRate: (offered - 3) / offered,
		abandonRate: 3 / offered,
		serviceLevel: (offered - 8) / offered,
		asaSec: 12.5,
		maxWaitSec: 95.2,
		attSec: 280.1,
		ahtSec: 320.7,
		acwShare: 0.08,
		repeatRate: 0.14,
		csat: 0.88,
		surveys: 12,
		arrivalsPerHour: offered * 4,
		staffedAvg: 22.4,
		productiveAvg: 20.1,
		occupancy: 0.81,
		slThresholdSec: 20,
		slFormula: 'abandons_negative',
		targetServiceLevel: 0.8,
		patienceSec: 140.2,
		requiredErlangC: 21,
		requiredErlangA: 20,
		scheduledErlangC: 30,
		scheduledErlangA: 29,
		gap: 2.4,
		closed: true,
		counters: { ...emptyCounters(), answered: offered - 3, abandoned: 3, handled: offered - 3 }
	};
}

function stats(samples: number[]): string {
	const sorted = [...samples].sort((a, b) => a - b);
	return `best ${sorted[0]!.toFixed(1)} ms, median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms`;
}

async function main(): Promise<void> {
	const redis = await startRedis();
	const store = new RedisHistoryStore({ url: redis.url, prefix: 'bench', retentionMs: 400 * 86_400_000 });
	try {
		const toMs = intervalStartMs(Date.now(), 15, TZ);
		const fromMs = toMs - days * 86_400_000;
		const rows: IntervalRow[] = [];
		let i = 0;
		for (let ms = fromMs; ms < toMs; ms += 900_000) {
			for (let q = 0; q < queueCount; q++) rows.push(row(ms, 'queue', `queue-${q}`, i++));
			rows.push(row(ms, 'channel', null, i++), row(ms, 'centre', null, i++));
		}
		const writeStart = performance.now();
		for (let k = 0; k < rows.length; k += 10_000) await store.write(rows.slice(k, k + 10_000), 'replace');
		console.log(
			`wrote ${rows.length} rows (${days} days × 96 intervals × ${queueCount + 2}) in ${(performance.now() - writeStart).toFixed(0)} ms`
		);

		const read: number[] = [];
		const json: number[] = [];
		const csv: number[] = [];
		const oneQueue: number[] = [];
		for (let r = 0; r < runs; r++) {
			let t = performance.now();
			const all = await readRows(store, { fromMs, toMs, size: 15, timeZone: TZ });
			read.push(performance.now() - t);
			t = performance.now();
			const body = JSON.stringify({ rows: all });
			json.push(performance.now() - t);
			t = performance.now();
			toCsv(all);
			csv.push(performance.now() - t);
			t = performance.now();
			await readRows(store, { fromMs, toMs, size: 15, timeZone: TZ, queueIds: ['queue-3'] });
			oneQueue.push(performance.now() - t);
			if (r === 0) console.log(`read ${all.length} rows, JSON body ${(body.length / 1e6).toFixed(1)} MB`);
		}
		console.log(`read month, all queues:   ${stats(read)}`);
		console.log(`encode JSON:              ${stats(json)}`);
		console.log(`encode CSV:               ${stats(csv)}`);
		console.log(`read month, one queue:    ${stats(oneQueue)}`);
	} finally {
		await store.close();
		await redis.stop();
	}
}

void main();
