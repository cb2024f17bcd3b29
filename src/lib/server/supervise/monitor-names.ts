import type { UserStore } from '../auth/user-store';
import type { Floor } from '../live/floor-state';
import type { Logger } from '../util/logger';

/**
 * Who supervises an agent of these teams now: the usernames whose display names the console's first
 * render may need for "who is monitoring" (the platform echoes the command's `issuedBy`, a username, as
 * `supervisorId`; people know each other by name). The rows then carry the live names
 * (`MonitorNames`), so the page is sent these few names, not every account's.
 */
export function supervisorsWatching(
	floor: Pick<Floor, 'supervisions' | 'agents'>,
	teamIds: readonly string[]
): string[] {
	const teams = new Set(teamIds);
	const supervisors = new Set<string>();
	for (const session of floor.supervisions.values()) {
		const teamId = floor.agents.get(session.agentId)?.teamId;
		if (teamId !== undefined && teams.has(teamId)) supervisors.add(session.supervisorId);
	}
	return [...supervisors];
}

/** Reads the display names of some usernames from the user store; a username with no account is left out. */
export async function lookupDisplayNames(
	users: Pick<UserStore, 'findByUsername'>,
	usernames: readonly string[]
): Promise<Record<string, string>> {
	const found = await Promise.all(usernames.map((u) => users.findByUsername(u)));
	const names: Record<string, string> = {};
	for (const user of found) if (user) names[user.username] = user.displayName;
	return names;
}

export interface MonitorNamesOptions {
	/** Display names of these usernames as stored now (Redis: the same for every replica). */
	lookup: (usernames: string[]) => Promise<Record<string, string>>;
	clock: () => number;
	/** A name read longer ago than this is read again the next time a team view asks for it. */
	maxAgeMs?: number;
	logger: Logger;
}

export const MONITOR_NAME_MAX_AGE_MS = 2_000;

interface Known {
	name: string | null;
	readMs: number;
}

/**
 * The display names of the supervisors in live sessions, as the team views show them. A name is read
 * from the user store when a view first asks for it and again once it is `maxAgeMs` old, only for the
 * supervisors someone is looking at: a session started by a user created after the console loaded, or
 * by a supervisor on another replica, and a display name changed on any replica, reach every console
 * within a couple of seconds (the next team patch carries the rows whose names changed).
 *
 * `nameOf` never waits: it answers with the last name read (null before the first read, or for a
 * supervisor id with no local account) and starts a read in the background when one is due.
 */
export class MonitorNames {
	readonly #o: MonitorNamesOptions;
	readonly #known = new Map<string, Known>();
	#wanted = new Set<string>();
	#reading: Promise<void> | null = null;

	constructor(options: MonitorNamesOptions) {
		this.#o = options;
	}

	nameOf(username: string): string | null {
		const known = this.#known.get(username);
		if (!known || this.#o.clock() - known.readMs >= (this.#o.maxAgeMs ?? MONITOR_NAME_MAX_AGE_MS)) {
			this.#wanted.add(username);
			this.#read();
		}
		return known?.name ?? null;
	}

	/** Resolves once no read is under way (tests, shutdown). */
	async settled(): Promise<void> {
		while (this.#reading) await this.#reading;
	}

	/** One read at a time; names asked for meanwhile are read right after it. */
	#read(): void {
		if (this.#reading || this.#wanted.size === 0) return;
		const usernames = [...this.#wanted];
		this.#wanted = new Set();
		const readMs = this.#o.clock();
		this.#reading = Promise.resolve()
			.then(() => this.#o.lookup(usernames))
			.then(
				(found) => {
					for (const u of usernames) this.#known.set(u, { name: found[u] ?? null, readMs });
				},
				(err: unknown) => {
					// Keep showing the last names; try again when they are due, not on every view build.
					this.#o.logger.warn('display names not read', { error: String(err) });
					for (const u of usernames) this.#known.set(u, { name: this.#known.get(u)?.name ?? null, readMs });
				}
			)
			.finally(() => {
				this.#reading = null;
				this.#forgetUnasked(readMs);
				this.#read();
			});
	}

	/** Supervisors nobody has asked about for a while (their sessions ended) are dropped. */
	#forgetUnasked(nowMs: number): void {
		const horizon = 30 * (this.#o.maxAgeMs ?? MONITOR_NAME_MAX_AGE_MS);
		for (const [username, known] of this.#known) {
			if (nowMs - known.readMs > horizon) this.#known.delete(username);
		}
	}
}
