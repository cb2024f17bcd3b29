import { CommandResult } from '../../shared/contract/commands';
import type { CcEvent } from '../../shared/contract/events';
import { describeIssues, parseMessage, type SeqPosition } from '../../shared/contract/parse';
import type { Bus, ChannelNames } from '../bus/bus';
import type { Logger } from '../util/logger';
import { DeadLetters } from './dead-letters';
import { Sequencer } from './sequencer';
import { ArrivalRate } from './arrival-rate';
import { IngestStats } from './stats';

export interface IngestOptions {
	bus: Bus;
	names: ChannelNames;
	/** Applies admitted events, in order. Must not throw; a throw is caught, logged and counted. */
	apply: (events: CcEvent[]) => void;
	onCommandResult?: (result: CommandResult) => void;
	/** Server wall clock (epoch ms). */
	clock: () => number;
	logger: Logger;
	/** Where a fresh start replays the log from (epoch ms), e.g. 12 h before local midnight. */
	replayFromMs: () => number;
	limits?: Partial<RecoveryLimits>;
}

export interface RecoveryLimits {
	snapshotTimeoutMs: number;
	snapshotAttempts: number;
	/** Events held while recovering before giving up on order and applying them anyway. */
	maxHeldEvents: number;
	/** XRANGE page size while catching up from the log. */
	logPageSize: number;
	checkpointEveryMs: number;
	deadLetterMaxLen: number;
}

export const DEFAULT_RECOVERY_LIMITS: RecoveryLimits = {
	snapshotTimeoutMs: 5_000,
	snapshotAttempts: 3,
	maxHeldEvents: 200_000,
	logPageSize: 5_000,
	checkpointEveryMs: 5_000,
	deadLetterMaxLen: 100_000
};

type Gap = { source: string; fromSeq: number; toSeq: number };
type RecoveryCause = { kind: 'start' } | { kind: 'reconnect' } | { kind: 'gap'; gap: Gap };

/**
 * The inbound edge: subscribes to the contract's channels, parses and validates every message,
 * dead-letters what is invalid, applies each event once and in order, and recovers what pub/sub lost
 * (from the platform's log stream, else by asking for a snapshot) while showing figures as not current.
 */
export class Ingest {
	readonly stats = new IngestStats();
	/** Recent message arrivals, for how long a silence may last before the stream counts as stopped. */
	readonly arrivals: ArrivalRate;
	readonly deadLetters: DeadLetters;
	readonly #o: IngestOptions;
	readonly #limits: RecoveryLimits;
	readonly #sequencer = new Sequencer();
	/**
	 * Items that arrived while recovering, applied in arrival order once recovery ends. `event` is null for
	 * a rejected item that still holds its place in the source's sequence; `admitted` marks the event that
	 * revealed the gap (already counted by the sequencer).
	 */
	#held: Array<{ position: SeqPosition; event: CcEvent | null; admitted: boolean }> = [];
	#heldIds = new Set<string>();
	/** Ids of held gap-revealing events not yet met in the log. */
	#heldAdmitted = new Set<string>();
	/** Ids of held items that the log catch-up already applied in their log place. */
	#appliedFromLog = new Set<string>();
	/** A floor.snapshot arrived during this recovery (perhaps before we asked: another replica may have). */
	#snapshotArrived = false;
	#recovering: RecoveryCause | null = null;
	#pendingCauses: RecoveryCause[] = [];
	#snapshotWaiter: (() => void) | null = null;
	#wasConnected = false;
	#startedUp = false;
	#stopped = false;
	// Two checkpoints of the log's tail; recovery starts from the older one, so events that were already
	// in the log but still in flight on pub/sub when the newer checkpoint was taken are not skipped.
	#checkpoints: [older: string | null, newer: string | null] = [null, null];
	#checkpointTimer: ReturnType<typeof setInterval> | null = null;

	constructor(options: IngestOptions) {
		this.#o = options;
		this.#limits = { ...DEFAULT_RECOVERY_LIMITS, ...options.limits };
		this.arrivals = new ArrivalRate(options.clock());
		this.deadLetters = new DeadLetters({
			bus: options.bus,
			stream: options.names.deadLetter,
			maxLen: this.#limits.deadLetterMaxLen,
			logger: options.logger,
			clock: options.clock
		});
	}

	/** Subscribes and starts recovery once the bus is up. Never awaits the bus: Redis may be down. */
	start(): void {
		const { bus, names } = this.#o;
		bus.onStatus((status) => this.#onBusStatus(status.connected));
		bus
			.subscribe([names.agent, names.contact, names.supervision, names.commandResult], (channel, message) =>
				this.#onMessage(channel, message)
			)
			.catch((err: unknown) => this.#o.logger.error('subscribe failed', { error: String(err) }));
		this.#checkpointTimer = setInterval(() => void this.#takeCheckpoint(), this.#limits.checkpointEveryMs);
		this.#checkpointTimer.unref?.();
		if (bus.status().connected) this.#onBusStatus(true);
	}

	stop(): void {
		this.#stopped = true;
		if (this.#checkpointTimer) clearInterval(this.#checkpointTimer);
		this.#snapshotWaiter?.();
	}

	/** True once the first catch-up after start has finished, while the bus is up and no recovery runs. */
	get ready(): boolean {
		return this.#startedUp && this.#recovering === null && this.#o.bus.status().connected;
	}

	/** True while figures may be missing events: bus down, or a gap or reconnect being recovered. */
	get gapOpen(): boolean {
		return this.#recovering !== null || !this.#o.bus.status().connected;
	}

	#onBusStatus(connected: boolean): void {
		if (this.#stopped) return;
		if (connected && !this.#wasConnected) {
			this.#wasConnected = true;
			this.#startRecovery(this.#startedUp ? { kind: 'reconnect' } : { kind: 'start' });
		} else if (!connected && this.#wasConnected) {
			this.#wasConnected = false;
			this.stats.disconnects++;
			this.#o.logger.warn('bus disconnected; figures marked not current until recovered');
		}
	}

	#onMessage(channel: string, message: string): void {
		this.stats.messagesReceived++;
		this.stats.lastReceiveMs = this.#o.clock();
		this.arrivals.record(this.stats.lastReceiveMs);
		if (channel === this.#o.names.commandResult) return this.#onCommandResult(channel, message);
		for (const item of parseMessage(message).items) {
			if (item.ok) this.#onEvent(item.event);
			else {
				this.deadLetters.record(channel, item.rejection);
				if (item.rejection.envelope) this.#onSkipped(item.rejection.envelope);
			}
		}
	}

	/**
	 * A rejected item with a valid envelope (an unknown type from a newer platform, or bad fields) still
	 * took its `seq`: advance past it, or the next valid event would look like a gap.
	 */
	#onSkipped(position: SeqPosition): void {
		if (this.#recovering) return this.#hold(position, null, false);
		const admission = this.#sequencer.admit(position);
		if (admission.kind === 'gap') {
			this.stats.gapsDetected++;
			this.#startRecovery({
				kind: 'gap',
				gap: { source: position.source, fromSeq: admission.expectedSeq, toSeq: admission.gotSeq - 1 }
			});
		}
	}

	#onCommandResult(channel: string, message: string): void {
		let value: unknown;
		try {
			value = JSON.parse(message);
		} catch (err) {
			this.deadLetters.record(channel, { reason: 'not_json', detail: (err as Error).message, raw: message });
			return;
		}
		const result = CommandResult.safeParse(value);
		if (!result.success) {
			this.deadLetters.record(channel, {
				reason: 'bad_fields',
				detail: describeIssues(result.error),
				raw: value
			});
			return;
		}
		this.#o.onCommandResult?.(result.data);
	}

	#onEvent(event: CcEvent): void {
		this.stats.eventsReceived++;
		if (this.#recovering) {
			if (event.type === 'floor.snapshot') {
				this.#snapshotArrived = true;
				this.#snapshotWaiter?.();
			}
			this.#hold(event, event, false);
			return;
		}
		const admission = this.#sequencer.admit(event);
		switch (admission.kind) {
			case 'duplicate':
				this.stats.duplicates++;
				return;
			case 'restart':
				this.stats.sourceRestarts++;
				this.#o.logger.info('source restarted its sequence', {
					source: event.source,
					previousSeq: admission.previousSeq,
					seq: event.seq
				});
				this.#applyOne(event);
				return;
			case 'gap':
				this.stats.gapsDetected++;
				this.#hold(event, event, true);
				this.#startRecovery({
					kind: 'gap',
					gap: { source: event.source, fromSeq: admission.expectedSeq, toSeq: admission.gotSeq - 1 }
				});
				return;
			case 'apply':
				this.#applyOne(event);
		}
	}

	#hold(position: SeqPosition, event: CcEvent | null, admitted: boolean): void {
		this.#held.push({ position, event, admitted });
		this.#heldIds.add(position.id);
		if (admitted) this.#heldAdmitted.add(position.id);
		if (this.#held.length > this.#limits.maxHeldEvents) {
			this.#o.logger.warn('too many events held during recovery; applying them without waiting', {
				held: this.#held.length
			});
			this.#snapshotWaiter?.();
		}
	}

	#applyOne(event: CcEvent): void {
		this.#applyBatch([event]);
	}

	#applyBatch(events: CcEvent[]): void {
		if (events.length === 0) return;
		try {
			this.#o.apply(events);
			this.stats.eventsApplied += events.length;
		} catch (err) {
			this.stats.applyErrors++;
			this.#o.logger.error('applying events failed', { error: String(err), count: events.length });
		}
	}

	#startRecovery(cause: RecoveryCause): void {
		if (this.#recovering) {
			// One recovery at a time; causes that arrive meanwhile are handled by the same pass or the next.
			this.#pendingCauses.push(cause);
			return;
		}
		this.#recovering = cause;
		this.#snapshotArrived = false;
		this.stats.recoveries++;
		void this.#recover(cause).finally(() => this.#finishRecovery());
	}

	async #recover(cause: RecoveryCause): Promise<void> {
		const { bus, names, logger } = this.#o;
		logger.info('recovering', { cause: cause.kind, ...(cause.kind === 'gap' ? cause.gap : {}) });
		let recovered = false;
		try {
			const tail = await bus.lastStreamId(names.log);
			if (tail !== null && tail !== '0') {
				const fromId =
					cause.kind === 'start'
						? `${Math.max(0, Math.floor(this.#o.replayFromMs()))}-0`
						: (this.#checkpoints[0] ?? this.#checkpoints[1] ?? `${Math.floor(this.#o.replayFromMs())}-0`);
				const filled = await this.#catchUpFromLog(fromId, tail, cause.kind === 'gap' ? cause.gap : null);
				recovered = cause.kind !== 'gap' || filled;
			}
		} catch (err) {
			logger.warn('log catch-up failed; falling back to a snapshot', { error: String(err) });
		}
		if (!recovered && this.#snapshotArrived) recovered = true;
		// A fresh start asks once: a platform that keeps no log and answers no snapshot request should not
		// hold the first events back for long.
		if (!recovered && !this.#stopped)
			recovered = await this.#requestSnapshot(cause.kind === 'start' ? 1 : this.#limits.snapshotAttempts);
		if (recovered) this.stats.gapsRecovered += cause.kind === 'gap' ? 1 : 0;
		else if (cause.kind === 'gap') {
			this.stats.gapsUnrecovered++;
			logger.warn('gap could not be recovered; events are lost', { ...cause.gap });
		}
	}

	/** Applies every logged event not yet seen, in log order. Returns whether the given gap is now filled. */
	async #catchUpFromLog(fromId: string, untilId: string, gap: Gap | null): Promise<boolean> {
		let after = fromId;
		let filled = 0;
		for (;;) {
			const page = await this.#o.bus.xrange(this.#o.names.log, after, this.#limits.logPageSize);
			if (!page || page.length === 0) break;
			const batch: CcEvent[] = [];
			const inGap = (p: SeqPosition) =>
				gap !== null && p.source === gap.source && p.seq >= gap.fromSeq && p.seq <= gap.toSeq;
			for (const [id, fields] of page) {
				after = id;
				for (const item of parseMessage(fields.e ?? '').items) {
					if (!item.ok) {
						const position = item.rejection.envelope;
						// Rejected items seen on pub/sub were dead-lettered then; a replay must not count them twice.
						if (!position || !this.#sequencer.seen(position.id))
							this.deadLetters.record(this.#o.names.log, item.rejection);
						if (!position) continue;
						if (inGap(position)) filled++;
						if (!this.#sequencer.seen(position.id)) this.#sequencer.admit(position);
						if (this.#heldIds.has(position.id)) this.#appliedFromLog.add(position.id);
						continue;
					}
					const event = item.event;
					if (inGap(event)) filled++;
					if (this.#sequencer.seen(event.id)) {
						// The event that revealed the gap was held; its place is here, in log order, before the
						// events that follow it, not after the whole catch-up.
						if (this.#heldAdmitted.delete(event.id)) {
							this.#appliedFromLog.add(event.id);
							batch.push(event);
						}
						continue;
					}
					this.#sequencer.admit(event);
					if (this.#heldIds.has(event.id)) this.#appliedFromLog.add(event.id);
					batch.push(event);
				}
			}
			this.stats.eventsFromLog += batch.length;
			this.#applyBatch(batch);
			if (compareStreamIds(after, untilId) >= 0 || page.length < this.#limits.logPageSize) break;
		}
		this.#checkpoints = [after, after];
		return gap === null || filled >= gap.toSeq - gap.fromSeq + 1;
	}

	/** Asks the platform for a `floor.snapshot` and waits for it (it arrives on pub/sub and is held). */
	async #requestSnapshot(attempts: number): Promise<boolean> {
		const { bus, names, clock } = this.#o;
		for (let attempt = 1; attempt <= attempts && !this.#stopped; attempt++) {
			const arrived = new Promise<boolean>((resolve) => {
				const timer = setTimeout(() => resolve(false), this.#limits.snapshotTimeoutMs);
				this.#snapshotWaiter = () => {
					clearTimeout(timer);
					resolve(true);
				};
			});
			this.stats.snapshotRequests++;
			const command = {
				v: 1,
				id: `snap-${clock()}-${attempt}-${Math.random().toString(36).slice(2, 8)}`,
				type: 'snapshot.request',
				ts: clock(),
				issuedBy: 'wallboard'
			};
			await bus.publish(names.command, JSON.stringify(command)).catch(() => undefined);
			const ok = await arrived;
			this.#snapshotWaiter = null;
			if (ok) return this.#held.some((h) => h.event?.type === 'floor.snapshot');
		}
		return false;
	}

	#finishRecovery(): void {
		// Held events are applied in arrival order; seq jumps among them are accepted, since what could
		// be recovered has been and a snapshot (if any) sits among them in its place.
		const held = this.#held;
		const appliedFromLog = this.#appliedFromLog;
		this.#held = [];
		this.#heldIds = new Set();
		this.#heldAdmitted = new Set();
		this.#appliedFromLog = new Set();
		const batch: CcEvent[] = [];
		for (const { position, event, admitted } of held) {
			if (appliedFromLog.has(position.id)) continue;
			if (!admitted) {
				const admission = this.#sequencer.admit(position);
				if (admission.kind === 'duplicate') {
					if (event) this.stats.duplicates++;
					continue;
				}
			}
			if (event) batch.push(event);
		}
		this.#applyBatch(batch);
		const cause = this.#recovering;
		this.#recovering = null;
		if (cause?.kind === 'start') this.#startedUp = true;
		this.#o.logger.info('recovered', { cause: cause?.kind, applied: batch.length });
		const next = this.#pendingCauses.shift();
		if (next && !this.#stopped) {
			// Causes queued meanwhile collapse into one pass: a reconnect re-reads the log anyway.
			this.#pendingCauses = [];
			this.#startRecovery(next);
		}
	}

	async #takeCheckpoint(): Promise<void> {
		if (this.#recovering || !this.#o.bus.status().connected) return;
		try {
			const tail = await this.#o.bus.lastStreamId(this.#o.names.log);
			if (tail === null || tail === '0') return;
			this.#checkpoints = [this.#checkpoints[1] ?? tail, tail];
		} catch {
			// Next tick tries again; a missed checkpoint only means a longer re-read.
		}
	}
}

/** Orders Redis stream ids `<ms>-<seq>`. */
export function compareStreamIds(a: string, b: string): number {
	const [aMs = 0, aSeq = 0] = a.split('-').map(Number);
	const [bMs = 0, bSeq = 0] = b.split('-').map(Number);
	return aMs - bMs || aSeq - bSeq;
}
