import { channelNames, type Bus } from '../server/bus/bus';
import { Command, type CcEvent } from '../shared/contract';
import { describeIssues } from '../shared/contract/parse';
import type { Simulation } from './simulation';

/** Default cap of the `<prefix>:log` stream: about a day of a 400-seat floor, a few hours of a 25,000-seat one. */
export const DEFAULT_LOG_MAX_LEN = 2_000_000;
export const DEFAULT_BATCH_MS = 200;
/** Most events per published message: well inside the ingest's batch and size limits. */
const MAX_EVENTS_PER_MESSAGE = 2_000;
const MAX_CHARS_PER_MESSAGE = 1_000_000;
/** Publishing jobs allowed in flight before ticks are skipped (the next tick then carries more). */
const MAX_PENDING_JOBS = 4;
const ERROR_LOG_INTERVAL_MS = 30_000;

export interface RunSimulatorOptions {
	bus: Bus;
	prefix: string;
	simulation: Simulation;
	/** Simulated milliseconds per real millisecond. */
	speed: number;
	/** Wall clock, ms; Date.now by default. */
	clock?: () => number;
	/** Real milliseconds between ticks. */
	batchMs?: number;
	/** Also append every event to the `<prefix>:log` stream, so a consumer can recover what it missed. */
	writeLog: boolean;
	logMaxLen?: number;
	log?: (message: string) => void;
}

export interface RunningSimulator {
	/** Stops ticking and answering commands; resolves once everything produced so far is handed to the bus. */
	stop(): Promise<void>;
	/** Current simulated time, ms: the clock a consumer of these events should use. */
	now(): number;
	/** Resolves once the command channel is subscribed. */
	readonly ready: Promise<void>;
}

/** The contract channel an event travels on; snapshots go with agent events (CONTRACT.md). */
export function channelOf(event: CcEvent, prefix: string): string {
	const names = channelNames(prefix);
	if (event.type.startsWith('contact.')) return names.contact;
	if (event.type.startsWith('supervision.')) return names.supervision;
	return names.agent;
}

export function parseCommand(
	message: string
): { ok: true; command: Command } | { ok: false; problem: string } {
	let raw: unknown;
	try {
		raw = JSON.parse(message);
	} catch (err) {
		return { ok: false, problem: `not JSON (${(err as Error).message})` };
	}
	const parsed = Command.safeParse(raw);
	return parsed.success
		? { ok: true, command: parsed.data }
		: { ok: false, problem: describeIssues(parsed.error) };
}

/**
 * The thin real-time shell around a simulation: advances it on a timer, publishes its events and
 * answers commands. Everything goes out through one ordered chain, so messages leave in `seq` order
 * across channels, as a consumer checking per-source `seq` expects.
 */
export function runSimulator(options: RunSimulatorOptions): RunningSimulator {
	const { bus, prefix, simulation, writeLog } = options;
	const clock = options.clock ?? Date.now;
	const batchMs = options.batchMs ?? DEFAULT_BATCH_MS;
	const logMaxLen = options.logMaxLen ?? DEFAULT_LOG_MAX_LEN;
	const log = options.log ?? ((message: string) => console.warn(message));
	if (!(options.speed > 0) || !Number.isFinite(options.speed))
		throw new RangeError('speed must be a positive number');
	if (!(batchMs >= 10)) throw new RangeError('batchMs must be at least 10');
	const names = channelNames(prefix);

	const wallStartMs = clock();
	let lastNowMs = simulation.startMs;
	const now = () => {
		// Never backwards, even if the wall clock is stepped back.
		lastNowMs = Math.max(lastNowMs, simulation.startMs + Math.floor((clock() - wallStartMs) * options.speed));
		return lastNowMs;
	};

	let chain: Promise<void> = Promise.resolve();
	let pendingJobs = 0;
	let lastErrorLogMs = -Infinity;
	let stopped = false;
	let badCommands = 0;

	const enqueue = (job: () => Promise<void>) => {
		pendingJobs++;
		chain = chain
			.then(job)
			.catch((err: unknown) => {
				if (clock() - lastErrorLogMs < ERROR_LOG_INTERVAL_MS) return;
				lastErrorLogMs = clock();
				log(`simulator: publishing failed: ${err instanceof Error ? err.message : String(err)}`);
			})
			.then(() => {
				pendingJobs--;
			});
	};

	const publishEvents = async (events: CcEvent[]): Promise<void> => {
		if (events.length === 0) return;
		const json = events.map((e) => JSON.stringify(e));
		const sends: Promise<void>[] = [];
		// The log first: a consumer that sees a gap on pub/sub can then find the missing events there.
		if (writeLog) for (const e of json) sends.push(bus.xadd(names.log, { e }, logMaxLen));
		let i = 0;
		while (i < events.length) {
			const channel = channelOf(events[i] as CcEvent, prefix);
			let j = i;
			let chars = 0;
			while (
				j < events.length &&
				j - i < MAX_EVENTS_PER_MESSAGE &&
				(j === i || chars + (json[j] as string).length <= MAX_CHARS_PER_MESSAGE) &&
				channelOf(events[j] as CcEvent, prefix) === channel
			) {
				chars += (json[j] as string).length + 1;
				j++;
			}
			const part = json.slice(i, j);
			sends.push(bus.publish(channel, part.length === 1 ? (part[0] as string) : `[${part.join(',')}]`));
			i = j;
		}
		await Promise.all(sends);
	};

	const tick = () => {
		if (stopped || pendingJobs > MAX_PENDING_JOBS) return;
		const events = simulation.advance(now());
		if (events.length) enqueue(() => publishEvents(events));
	};

	const onCommand = (_channel: string, message: string) => {
		if (stopped) return;
		const parsed = parseCommand(message);
		if (!parsed.ok) {
			// Logged once: a broken producer must not flood the log, and a bad command has no result.
			if (badCommands++ === 0) log(`simulator: ignoring bad command on ${names.command}: ${parsed.problem}`);
			return;
		}
		const { result, events } = simulation.handleCommand(parsed.command, now());
		enqueue(async () => {
			await publishEvents(events);
			await bus.publish(names.commandResult, JSON.stringify(result));
		});
	};

	const ready = bus
		.subscribe([names.command], onCommand)
		.catch((err: unknown) => log(`simulator: cannot subscribe to ${names.command}: ${String(err)}`));
	tick();
	const timer = setInterval(tick, batchMs);

	return {
		now,
		ready,
		async stop() {
			if (!stopped) {
				stopped = true;
				clearInterval(timer);
			}
			await chain;
		}
	};
}
