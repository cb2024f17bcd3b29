import type { BoardData, BoardPatch, Freshness, ServerFrame } from '$lib/shared/protocol/frames';
import { parseAlertFrame } from './parse-alert-frame';

export type ParseResult = { ok: true; frame: ServerFrame } | { ok: false; reason: string };

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isInt = (v: unknown): v is number => Number.isSafeInteger(v);
const isNumOrNull = (v: unknown): v is number | null => v === null || isNum(v);

function isFreshness(v: unknown): v is Freshness {
	return (
		isObj(v) &&
		isNumOrNull(v.asOfMs) &&
		isNum(v.serverNowMs) &&
		typeof v.busConnected === 'boolean' &&
		typeof v.gapOpen === 'boolean' &&
		isNumOrNull(v.lastReceiveMs)
	);
}

function isBoardInfo(v: unknown): boolean {
	return isObj(v) && typeof v.boardId === 'string' && isObj(v.title) && Array.isArray(v.queueIds);
}

function isQueueRow(v: unknown): boolean {
	return isObj(v) && (v.queueId === null || typeof v.queueId === 'string') && isObj(v.name);
}

function isBoardData(v: unknown): v is BoardData {
	return (
		isObj(v) &&
		isBoardInfo(v.board) &&
		Array.isArray(v.queues) &&
		v.queues.every(isQueueRow) &&
		isQueueRow(v.centre) &&
		isObj(v.agents)
	);
}

function isBoardPatch(v: unknown): v is BoardPatch {
	return (
		isObj(v) &&
		(v.board === undefined || isBoardInfo(v.board)) &&
		(v.queues === undefined || (Array.isArray(v.queues) && v.queues.every(isQueueRow))) &&
		(v.removedQueueIds === undefined ||
			(Array.isArray(v.removedQueueIds) && v.removedQueueIds.every((id) => typeof id === 'string'))) &&
		(v.centre === undefined || isQueueRow(v.centre)) &&
		(v.agents === undefined || isObj(v.agents))
	);
}

/**
 * Parses one server message into a frame, or says why not. Checks the envelope and the parts the
 * client relies on (seq, freshness, row keys) rather than every figure: a frame that would corrupt the
 * sync state is rejected, while a figure of an unexpected shape only renders as "—".
 * Unknown frame types are rejected too, so a newer server can add frames without breaking old TVs.
 */
export function parseServerFrame(text: string): ParseResult {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		return { ok: false, reason: 'not JSON' };
	}
	if (!isObj(raw) || typeof raw.type !== 'string') return { ok: false, reason: 'no frame type' };
	switch (raw.type) {
		case 'hello.v1':
			if (!isNum(raw.protocol) || typeof raw.buildId !== 'string' || !isNum(raw.serverNowMs))
				return { ok: false, reason: 'bad hello.v1' };
			return {
				ok: true,
				frame: {
					type: 'hello.v1',
					protocol: raw.protocol,
					buildId: raw.buildId,
					serverNowMs: raw.serverNowMs
				}
			};
		case 'snapshot.v1':
			if (
				typeof raw.view !== 'string' ||
				!isInt(raw.seq) ||
				!isFreshness(raw.freshness) ||
				!isBoardData(raw.data)
			)
				return { ok: false, reason: 'bad snapshot.v1' };
			return {
				ok: true,
				frame: { type: 'snapshot.v1', view: raw.view, seq: raw.seq, freshness: raw.freshness, data: raw.data }
			};
		case 'patch.v1':
			if (
				typeof raw.view !== 'string' ||
				!isInt(raw.seq) ||
				!isFreshness(raw.freshness) ||
				!isBoardPatch(raw.data)
			)
				return { ok: false, reason: 'bad patch.v1' };
			return {
				ok: true,
				frame: { type: 'patch.v1', view: raw.view, seq: raw.seq, freshness: raw.freshness, data: raw.data }
			};
		case 'heartbeat.v1':
			if (!isFreshness(raw.freshness)) return { ok: false, reason: 'bad heartbeat.v1' };
			return { ok: true, frame: { type: 'heartbeat.v1', freshness: raw.freshness } };
		case 'error.v1':
			return {
				ok: true,
				frame: {
					type: 'error.v1',
					code: typeof raw.code === 'string' ? raw.code : 'unknown',
					message: typeof raw.message === 'string' ? raw.message : ''
				}
			};
		case 'alerts.v1':
		case 'alert.v1': {
			const frame = isFreshness(raw.freshness) ? parseAlertFrame(raw, raw.freshness) : null;
			return frame ? { ok: true, frame } : { ok: false, reason: `bad ${raw.type}` };
		}
		default:
			return { ok: false, reason: `unknown frame type ${raw.type.slice(0, 40)}` };
	}
}
