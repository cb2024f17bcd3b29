import type { Rejection } from '../../shared/contract/parse';
import type { Bus } from '../bus/bus';
import type { Logger } from '../util/logger';

export interface DeadLetterOptions {
	bus: Bus;
	stream: string;
	/** Approximate cap of the dead-letter stream (XADD MAXLEN ~). */
	maxLen: number;
	logger: Logger;
	clock: () => number;
	/** A reason is logged at most once per this many ms, so a broken producer cannot flood the log. */
	logEveryMs?: number;
}

/** Largest raw payload kept per dead letter; the reason and the head of the payload are what people need. */
const MAX_RAW_CHARS = 64 * 1024;

/**
 * Rejected input is counted per reason and kept in a capped Redis stream for inspection
 * (`XRANGE <prefix>:deadletter - +`), never silently dropped and never fatal.
 */
export class DeadLetters {
	readonly #options: DeadLetterOptions;
	readonly #counts = new Map<string, number>();
	readonly #lastLoggedMs = new Map<string, number>();
	#writeFailures = 0;

	constructor(options: DeadLetterOptions) {
		this.#options = options;
	}

	record(channel: string, rejection: Rejection): void {
		const { reason, detail } = rejection;
		this.#counts.set(reason, (this.#counts.get(reason) ?? 0) + 1);
		const now = this.#options.clock();
		const last = this.#lastLoggedMs.get(reason);
		if (last === undefined || now - last >= (this.#options.logEveryMs ?? 60_000)) {
			this.#lastLoggedMs.set(reason, now);
			this.#options.logger.warn('rejected input', {
				reason,
				detail,
				channel,
				countSoFar: this.#counts.get(reason)
			});
		}
		const raw = typeof rejection.raw === 'string' ? rejection.raw : safeStringify(rejection.raw);
		this.#options.bus
			.xadd(
				this.#options.stream,
				{
					reason,
					detail: detail.slice(0, 2048),
					channel,
					receivedAt: String(now),
					raw: raw.slice(0, MAX_RAW_CHARS)
				},
				this.#options.maxLen
			)
			.catch(() => {
				this.#writeFailures++;
			});
	}

	counts(): Record<string, number> {
		return Object.fromEntries(this.#counts);
	}

	total(): number {
		let sum = 0;
		for (const n of this.#counts.values()) sum += n;
		return sum;
	}

	get writeFailures(): number {
		return this.#writeFailures;
	}
}

function safeStringify(value: unknown): string {
	try {
		return JSON.stringify(value) ?? String(value);
	} catch {
		return String(value);
	}
}
