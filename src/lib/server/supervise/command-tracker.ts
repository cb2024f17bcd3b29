import type { CommandResult } from '../../shared/contract/commands';

/** What became of one command: the platform's answer, or no answer within the timeout. */
export type CommandOutcome =
	| { status: 'succeeded'; commandId: string; sessionId: string | null; durationMs: number }
	| { status: 'failed'; commandId: string; error: string; timedOut: boolean; durationMs: number };

/** The error of a command the platform never answered (CONTRACT.md: never shown as done). */
export const NO_ANSWER = 'no answer from the platform';

export interface TrackerOptions {
	clock: () => number;
	/** Starts a timer; returns its cancel. Injected so tests drive time without waiting. */
	schedule?: (fn: () => void, ms: number) => () => void;
	timeoutMs: number;
}

interface Pending {
	startedMs: number;
	resolve: (outcome: CommandOutcome) => void;
	cancel: () => void;
}

const realSchedule = (fn: () => void, ms: number) => {
	const timer = setTimeout(fn, ms);
	timer.unref?.();
	return () => clearTimeout(timer);
};

/**
 * Pending commands by id. Each settles exactly once: with the first result carrying its id, or as
 * failed when the timeout passes first. A result arriving later (or for a command another replica
 * sent) is ignored, so a late "ok" can never turn a failure shown to the supervisor into a success.
 */
export class CommandTracker {
	readonly #o: TrackerOptions;
	readonly #pending = new Map<string, Pending>();

	constructor(options: TrackerOptions) {
		this.#o = options;
	}

	get pendingCount(): number {
		return this.#pending.size;
	}

	/** Registers a command before it is published, so an instant result cannot slip past. */
	track(commandId: string, timeoutMs = this.#o.timeoutMs): Promise<CommandOutcome> {
		return new Promise((resolve) => {
			const startedMs = this.#o.clock();
			const cancel = (this.#o.schedule ?? realSchedule)(() => {
				if (!this.#pending.delete(commandId)) return;
				resolve({
					status: 'failed',
					commandId,
					error: NO_ANSWER,
					timedOut: true,
					durationMs: this.#o.clock() - startedMs
				});
			}, timeoutMs);
			this.#pending.set(commandId, { startedMs, resolve, cancel });
		});
	}

	/** Settles the command a result answers; false when none is pending under its id. */
	settle(result: CommandResult): boolean {
		const pending = this.#pending.get(result.commandId);
		if (!pending) return false;
		this.#pending.delete(result.commandId);
		pending.cancel();
		const durationMs = this.#o.clock() - pending.startedMs;
		pending.resolve(
			result.ok
				? {
						status: 'succeeded',
						commandId: result.commandId,
						sessionId: result.sessionId ?? null,
						durationMs
					}
				: { status: 'failed', commandId: result.commandId, error: result.error, timedOut: false, durationMs }
		);
		return true;
	}

	/** Fails whatever is still pending (shutdown): the platform's answer can no longer be heard. */
	abandonAll(): void {
		for (const [commandId, pending] of this.#pending) {
			pending.cancel();
			pending.resolve({
				status: 'failed',
				commandId,
				error: NO_ANSWER,
				timedOut: true,
				durationMs: this.#o.clock() - pending.startedMs
			});
		}
		this.#pending.clear();
	}
}
