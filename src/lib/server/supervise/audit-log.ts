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

	/** Entries matching the filter, newest first, at most `limit`. Reads the stream in pages. */
	async query(filter: AuditFilter, limit = 10_000): Promise<AuditEntry[]> {
		const found: AuditEntry[] = [];
		let after = '0';
		for (;;) {
			const page = (await this.#bus.xrange(this.stream, after, PAGE)) ?? [];
			for (const [id, fields] of page) {
				after = id;
				const parsed = parseEntry(fields.e);
				if (parsed && matchesAudit(parsed, filter)) found.push(parsed);
			}
			if (page.length < PAGE) break;
		}
		return found.reverse().slice(0, limit);
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
