import { readFileSync } from 'node:fs';
import { RedisBus } from '../server/bus/redis-bus';
import { CentreSetup } from '../shared/centre/setup';
import { describeIssues } from '../shared/contract/parse';
import { parseCli, USAGE, type CliOptions } from './cli-args';
import { backfillSimulated } from '../server/history/backfill';
import { RedisHistoryStore } from '../server/history/redis-store';
import { runSimulator } from './shell';
import { createSimulation } from './simulation';

const STATUS_EVERY_MS = 10_000;

function fail(message: string, exitCode: number): never {
	console.error(message);
	process.exit(exitCode);
}

function loadSetup(path: string): CentreSetup {
	let raw: string;
	try {
		raw = readFileSync(path, 'utf8');
	} catch (err) {
		return fail(`cannot read set-up ${path}: ${(err as Error).message}`, 1);
	}
	let json: unknown;
	try {
		json = JSON.parse(raw);
	} catch (err) {
		return fail(`set-up ${path} is not valid JSON: ${(err as Error).message}`, 1);
	}
	const parsed = CentreSetup.safeParse(json);
	if (!parsed.success) return fail(`set-up ${path} is invalid: ${describeIssues(parsed.error)}`, 1);
	return parsed.data;
}

function main(options: CliOptions): void {
	const setup = loadSetup(options.setupPath);
	const simulation = createSimulation({
		setup,
		agents: options.agents,
		seed: options.seed,
		source: options.source,
		startMs: Date.now(),
		timeZone: options.timeZone
	});
	const bus = new RedisBus(options.redisUrl, { pubsub: options.pubsub });
	const runner = runSimulator({
		bus,
		prefix: options.prefix,
		simulation,
		speed: options.speed,
		writeLog: options.writeLog,
		logMaxLen: options.logMaxLen
	});
	const clockFormat = new Intl.DateTimeFormat('en-GB', {
		timeZone: options.timeZone,
		dateStyle: 'short',
		timeStyle: 'medium'
	});
	console.log(
		`simulating ${setup.name.en ?? setup.name['zh-CN']}: ${options.agents} agents, seed ${options.seed}, ` +
			`speed ${options.speed}×, ${options.redisUrl} prefix "${options.prefix}", log ${options.writeLog ? 'on' : 'off'}`
	);

	let lastEvents = 0;
	let lastWallMs = Date.now();
	const status = setInterval(() => {
		const stats = simulation.stats();
		const wallMs = Date.now();
		const perSec = ((stats.eventsEmitted - lastEvents) * 1000) / Math.max(1, wallMs - lastWallMs);
		lastEvents = stats.eventsEmitted;
		lastWallMs = wallMs;
		console.log(
			`[${clockFormat.format(runner.now())}] ${perSec.toFixed(0)} events/s, ${stats.loggedIn} agents logged in, ` +
				`${stats.waiting} waiting, ${stats.openContacts} open contacts, redis ${bus.status().connected ? 'up' : 'DOWN'}`
		);
	}, STATUS_EVERY_MS);

	let stopping = false;
	const shutdown = (signal: string) => {
		if (stopping) {
			// A second signal means "now": do not wait for a Redis that may never answer.
			process.exit(1);
		}
		stopping = true;
		console.log(`${signal}: stopping after ${simulation.stats().eventsEmitted} events`);
		clearInterval(status);
		void runner
			.stop()
			.then(() => bus.close())
			.then(() => process.exit(0));
	};
	process.on('SIGINT', () => shutdown('SIGINT'));
	process.on('SIGTERM', () => shutdown('SIGTERM'));
	if (options.durationSec !== null)
		setTimeout(() => shutdown('duration reached'), options.durationSec * 1000);
}

/** `--days N`: N past days straight into the interval history, then exit. */
async function backfill(options: CliOptions, days: number): Promise<void> {
	const setup = loadSetup(options.setupPath);
	const retentionDays = Number(process.env.HISTORY_RETENTION_DAYS ?? 400);
	const shrinkage = Number(process.env.HISTORY_SHRINKAGE ?? 0.3);
	const store = new RedisHistoryStore({
		url: options.redisUrl,
		prefix: options.prefix,
		retentionMs: retentionDays * 86_400_000
	});
	const started = Date.now();
	let lastDay = -1;
	const result = await backfillSimulated({
		setup,
		agents: options.agents,
		seed: options.seed,
		source: options.source,
		timeZone: options.timeZone,
		days,
		store,
		shrinkage,
		onProgress: ({ simulatedMs, events }) => {
			const day = Math.floor(simulatedMs / 86_400_000);
			if (day !== lastDay) console.log(`day ${day} of ${days}: ${events} events`);
			lastDay = day;
		}
	});
	await store.close();
	console.log(
		`backfilled ${days} days (${options.agents} agents, seed ${options.seed}) into ${options.redisUrl} ` +
			`prefix "${options.prefix}": ${result.events} events, ${result.rows} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`
	);
}

const parsed = parseCli(process.argv.slice(2), process.env, Date.now() % 2_147_483_647);
if (parsed.kind === 'help') console.log(USAGE);
else if (parsed.kind === 'error') fail(`${parsed.message}\n\nRun with --help for the flags.`, 2);
else if (parsed.options.days !== null)
	backfill(parsed.options, parsed.options.days).catch((err: unknown) =>
		fail(`backfill failed: ${String(err)}`, 1)
	);
else main(parsed.options);
