import type { Bus } from '../bus/bus';
import type { Logger } from '../util/logger';
import { AuditEntry, matchesAudit, type AuditFilter } from './audit-entry';

/** Streams need a cap; this one is far beyond any centre's actions, so nothing is ever trimmed. */
const NEVER_TRIMMED = 1_000_000_000;
const PAGE = 1_000;

/**
 * The append-only audit trail, a Redis stream `<prefix>:audit` (memory in the embedded mode). There
 * is deliberately no delete or trim here: the UI and API can only append and read.
 */
export class AuditLog {
	readonly stream: string;
	readonly #bus: Bus;
	readonly #logger: Logger;

	constructor(options: { bus: Bus; prefix: string; logger: Logger }) {
		this.#bus = options.bus;
		this.stream = `${options.prefix}:audit`;
		this.#logger = options.logger;
	}

	/** Appends one entry; a Redis failure is logged loudly and rethrown, never swallowed. */
	async append(entry: AuditEntry): Promise<void> {
		try {
			await this.#bus.xadd(this.stream, { e: JSON.stringify(AuditEntry.parse(entry)) }, NEVER_TRIMMED);
		} catch (err) {
			this.#logger.error('audit entry not written', { error: String(err), entry: JSON.stringify(entry) });
			throw err;
		}
	}

	/**
	 * Entries matching the filter, newest request first (`atMs`), at most `limit`. Reads the stream
	 * backwards in pages and stops as soon as nothing older can qualify, so a month-old stream of a big
	 * centre is not read whole for today's page. An entry is appended when its command finishes, so the
	 * stream runs in finishing order: a request that waited for its timeout sits after quicker later
	 * ones. Sorting by `atMs` puts rows in the order of the times shown, and reading on past `limit`
	 * while entries were written after the oldest request kept keeps the cut right.
	 */
	async query(filter: AuditFilter, limit = 10_000): Promise<AuditEntry[]> {
		const found: AuditEntry[] = [];
		let before: string | null = null;
		// Set once `limit` entries are found: the oldest request among them. Every entry of the answer
		// was requested at or after it, and an entry written before it was requested before it too.
		let cutoffMs: number | null = null;
		scan: for (;;) {
			const page: Array<[string, Record<string, string>]> =
				(await this.#bus.xrevrange(this.stream, before, PAGE)) ?? [];
			for (const [id, fields] of page) {
				before = id;
				// The entry id's time is when it was written, never before its request.
				const writtenMs = Number(id.split('-')[0]);
				if (filter.fromMs !== undefined && writtenMs < filter.fromMs) break scan;
				if (cutoffMs !== null && writtenMs < cutoffMs) break scan;
				const parsed = parseEntry(fields.e);
				if (!parsed || !matchesAudit(parsed, filter)) continue;
				found.push(parsed);
				if (cutoffMs === null && found.length === limit) cutoffMs = Math.min(...found.map((e) => e.atMs));
			}
			if (page.length < PAGE) break;
		}
		// Stable: entries requested in the same millisecond keep their finishing order, newest first.
		return found.sort((a, b) => b.atMs - a.atMs).slice(0, limit);
	}
}

function parseEntry(raw: string | undefined): AuditEntry | null {
	if (!raw) return null;
	try {
		const parsed = AuditEntry.safeParse(JSON.parse(raw));
		return parsed.success ? parsed.data : null;
	} catch {
		return null;
	}
}
