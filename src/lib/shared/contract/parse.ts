import type { z } from 'zod';
import { EventEnvelope } from './envelope';
import { EVENT_SCHEMAS, isEventType, type CcEvent } from './events';

/** Why a message was not applied. `reason` is a short stable key for counting; `detail` is for people. */
export type Rejection = {
	reason: RejectReason;
	detail: string;
	raw: unknown;
	/**
	 * The envelope, when it was valid (an unknown type, or bad fields): the item still took its place in
	 * its source's `seq`, so skipping it must not look like a gap.
	 */
	envelope?: SeqPosition;
};

/** Where an item stands in its source's sequence. */
export type SeqPosition = { id: string; source: string; seq: number };

export type RejectReason =
	| 'too_large'
	| 'not_json'
	| 'not_object'
	| 'batch_too_large'
	| 'bad_envelope'
	| 'unknown_type'
	| 'bad_fields';

/** One item of a message, valid or not, in message order. */
export type ParsedItem = { ok: true; event: CcEvent } | { ok: false; rejection: Rejection };

export type ParsedMessage = {
	events: CcEvent[];
	rejected: Rejection[];
	/** Every item in message order: sequencing needs to see rejected items where they stood. */
	items: ParsedItem[];
};

export interface ParseLimits {
	/** Largest accepted message in bytes (UTF-8); larger ones are rejected unread. */
	maxMessageBytes: number;
	/** Most events in one JSON-array batch. */
	maxBatchEvents: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = {
	maxMessageBytes: 4 * 1024 * 1024,
	maxBatchEvents: 10_000
};

/** Flattens zod issues into one line that names the field, e.g. `agentId: must not be empty`. */
export function describeIssues(error: z.ZodError): string {
	return error.issues
		.slice(0, 5)
		.map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
		.join('; ');
}

/**
 * Parses one item of a message in three steps (envelope → type → payload) and returns a result instead
 * of throwing, so one bad item in a batch never takes its valid neighbours down with it.
 */
export function parseEvent(
	item: unknown
): { ok: true; event: CcEvent } | { ok: false; rejection: Rejection } {
	if (typeof item !== 'object' || item === null || Array.isArray(item)) {
		return {
			ok: false,
			rejection: { reason: 'not_object', detail: 'event must be a JSON object', raw: item }
		};
	}
	const envelope = EventEnvelope.safeParse(item);
	if (!envelope.success) {
		return {
			ok: false,
			rejection: { reason: 'bad_envelope', detail: describeIssues(envelope.error), raw: item }
		};
	}
	const type = envelope.data.type;
	const position: SeqPosition = {
		id: envelope.data.id,
		source: envelope.data.source,
		seq: envelope.data.seq
	};
	if (!isEventType(type)) {
		return {
			ok: false,
			rejection: {
				reason: 'unknown_type',
				detail: `unknown event type "${type}"`,
				raw: item,
				envelope: position
			}
		};
	}
	const parsed = EVENT_SCHEMAS[type].safeParse(item);
	if (!parsed.success) {
		return {
			ok: false,
			rejection: {
				reason: 'bad_fields',
				detail: `${type}: ${describeIssues(parsed.error)}`,
				raw: item,
				envelope: position
			}
		};
	}
	return { ok: true, event: parsed.data as CcEvent };
}

/** UTF-8 size without encoding the common case: a string is at most 3 bytes per UTF-16 unit. */
function utf8Bytes(raw: string, bound: number): number {
	if (raw.length * 3 <= bound) return raw.length;
	return new TextEncoder().encode(raw).length;
}

/** Parses a raw pub/sub or stream payload: one event object or a JSON array of them. */
export function parseMessage(raw: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): ParsedMessage {
	const bytes = utf8Bytes(raw, limits.maxMessageBytes);
	if (bytes > limits.maxMessageBytes) {
		return wholeMessageRejected({
			reason: 'too_large',
			detail: `message of ${bytes} bytes exceeds ${limits.maxMessageBytes}`,
			raw: raw.slice(0, 1024)
		});
	}
	let value: unknown;
	try {
		value = JSON.parse(raw);
	} catch (err) {
		return wholeMessageRejected({
			reason: 'not_json',
			detail: (err as Error).message,
			raw: raw.slice(0, 4096)
		});
	}
	const items = Array.isArray(value) ? value : [value];
	if (items.length > limits.maxBatchEvents) {
		return wholeMessageRejected({
			reason: 'batch_too_large',
			detail: `batch of ${items.length} events exceeds ${limits.maxBatchEvents}`,
			raw: raw.slice(0, 1024)
		});
	}
	const events: CcEvent[] = [];
	const rejected: Rejection[] = [];
	const parsed: ParsedItem[] = [];
	for (const item of items) {
		const result = parseEvent(item);
		parsed.push(result);
		if (result.ok) events.push(result.event);
		else rejected.push(result.rejection);
	}
	return { events, rejected, items: parsed };
}

function wholeMessageRejected(rejection: Rejection): ParsedMessage {
	return { events: [], rejected: [rejection], items: [{ ok: false, rejection }] };
}
