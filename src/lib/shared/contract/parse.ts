import type { z } from 'zod';
import { EventEnvelope } from './envelope';
import { EVENT_SCHEMAS, isEventType, type CcEvent } from './events';

/** Why a message was not applied. `reason` is a short stable key for counting; `detail` is for people. */
export type Rejection = { reason: RejectReason; detail: string; raw: unknown };

export type RejectReason =
	| 'too_large'
	| 'not_json'
	| 'not_object'
	| 'batch_too_large'
	| 'bad_envelope'
	| 'unknown_type'
	| 'bad_fields';

export type ParsedMessage = { events: CcEvent[]; rejected: Rejection[] };

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
	if (!isEventType(type)) {
		return {
			ok: false,
			rejection: { reason: 'unknown_type', detail: `unknown event type "${type}"`, raw: item }
		};
	}
	const parsed = EVENT_SCHEMAS[type].safeParse(item);
	if (!parsed.success) {
		return {
			ok: false,
			rejection: { reason: 'bad_fields', detail: `${type}: ${describeIssues(parsed.error)}`, raw: item }
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
		return {
			events: [],
			rejected: [
				{
					reason: 'too_large',
					detail: `message of ${bytes} bytes exceeds ${limits.maxMessageBytes}`,
					raw: raw.slice(0, 1024)
				}
			]
		};
	}
	let value: unknown;
	try {
		value = JSON.parse(raw);
	} catch (err) {
		return {
			events: [],
			rejected: [{ reason: 'not_json', detail: (err as Error).message, raw: raw.slice(0, 4096) }]
		};
	}
	const items = Array.isArray(value) ? value : [value];
	if (items.length > limits.maxBatchEvents) {
		return {
			events: [],
			rejected: [
				{
					reason: 'batch_too_large',
					detail: `batch of ${items.length} events exceeds ${limits.maxBatchEvents}`,
					raw: raw.slice(0, 1024)
				}
			]
		};
	}
	const events: CcEvent[] = [];
	const rejected: Rejection[] = [];
	for (const item of items) {
		const result = parseEvent(item);
		if (result.ok) events.push(result.event);
		else rejected.push(result.rejection);
	}
	return { events, rejected };
}
