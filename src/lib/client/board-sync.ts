import type { BoardData, BoardPatch } from '$lib/shared/protocol/frames';
import type { QueueFigures } from '$lib/shared/metrics/figures';

/**
 * What the client's copy waits for before it can be trusted again:
 * - 'resume': after a reconnect that asked to resume from its last seq. The server answers at once with
 *   the missed patches, a snapshot, or nothing when nothing was missed; so the first heartbeat on the new
 *   socket (sent after that answer) without a gap means the copy is current.
 * - 'snapshot': after a seq jump, or a reconnect with nothing to resume from; only a snapshot helps.
 */
export type SyncPending = 'none' | 'resume' | 'snapshot';

/** Where the client's copy of a board view stands against the server's sequence. */
export interface SyncState {
	data: BoardData;
	/** Seq of the last snapshot or patch applied; null when the data came from the page load. */
	lastSeq: number | null;
	pending: SyncPending;
}

export interface SyncStep {
	state: SyncState;
	/** The data was replaced or patched. */
	applied: boolean;
	/** A seq jump was found: ask the server for a fresh snapshot. */
	resubscribe: boolean;
}

export type SyncFrame =
	| { type: 'snapshot.v1'; seq: number; data: BoardData }
	| { type: 'patch.v1'; seq: number; data: BoardPatch }
	| { type: 'heartbeat.v1' };

export function initialSync(data: BoardData): SyncState {
	return { data, lastSeq: null, pending: 'none' };
}

/** After the socket was lost: keep showing the data, but untrusted until the server catches us up. */
export function markReconnecting(state: SyncState): SyncState {
	return { ...state, pending: state.lastSeq === null ? 'snapshot' : 'resume' };
}

/** Forget the seq, so the next subscribe asks for a whole snapshot instead of a resume. */
export function forgetSeq(state: SyncState): SyncState {
	return { ...state, lastSeq: null, pending: 'snapshot' };
}

const unchanged = (state: SyncState): SyncStep => ({ state, applied: false, resubscribe: false });

/**
 * Folds one frame into the client's copy. A snapshot always wins (the server may have restarted and begun
 * its numbering again). A patch is applied only when it is the very next seq; an old or repeated one is
 * dropped; a jump means patches were lost, so the data is held and a fresh snapshot requested once
 * (further patches are ignored until it arrives, rather than requesting again).
 */
export function reduceFrame(state: SyncState, frame: SyncFrame): SyncStep {
	if (frame.type === 'heartbeat.v1') {
		return state.pending === 'resume' ? unchanged({ ...state, pending: 'none' }) : unchanged(state);
	}
	if (frame.type === 'snapshot.v1') {
		return {
			state: { data: frame.data, lastSeq: frame.seq, pending: 'none' },
			applied: true,
			resubscribe: false
		};
	}
	if (state.lastSeq !== null && frame.seq === state.lastSeq + 1) {
		return {
			state: { data: applyPatch(state.data, frame.data), lastSeq: frame.seq, pending: 'none' },
			applied: true,
			resubscribe: false
		};
	}
	if (state.lastSeq !== null && frame.seq <= state.lastSeq) return unchanged(state);
	if (state.pending === 'snapshot') return unchanged(state);
	return { state: { ...state, pending: 'snapshot' }, applied: false, resubscribe: true };
}

const rowKey = (q: QueueFigures): string => q.queueId ?? '';

/**
 * A patch row without `targets` and `bands` has the colouring of the row it replaces: the server leaves
 * the colouring out while it is unchanged (it changes only when the settings are edited).
 */
function withColouring(row: QueueFigures, previous: QueueFigures | undefined): QueueFigures {
	if (!previous || 'targets' in row || 'bands' in row) return row;
	if (!('targets' in previous) && !('bands' in previous)) return row;
	const { targets, bands } = previous as { targets?: unknown; bands?: unknown };
	return Object.assign(
		{},
		row,
		targets === undefined ? {} : { targets },
		bands === undefined ? {} : { bands }
	);
}

/**
 * Applies changed rows: a queue row replaces the row with the same queueId (or is added), removed
 * ids are dropped, and the centre row, agent counts and board info are replaced when present.
 * Unchanged rows keep their identity, so the UI re-renders only what changed.
 */
export function applyPatch(data: BoardData, patch: BoardPatch): BoardData {
	let queues = data.queues;
	const changed = patch.queues ?? [];
	const removed = new Set(patch.removedQueueIds ?? []);
	if (changed.length > 0 || removed.size > 0) {
		const incoming = new Map(changed.map((q) => [rowKey(q), q]));
		const next: QueueFigures[] = [];
		for (const row of data.queues) {
			const key = rowKey(row);
			if (removed.has(key)) continue;
			const replacement = incoming.get(key);
			next.push(replacement ? withColouring(replacement, row) : row);
			incoming.delete(key);
		}
		for (const [key, row] of incoming) if (!removed.has(key)) next.push(row);
		queues = next;
	}
	const next: BoardData = {
		board: patch.board ?? data.board,
		queues,
		centre: patch.centre ? withColouring(patch.centre, data.centre) : data.centre,
		agents: patch.agents ?? data.agents
	};
	// Optional parts (newer servers): kept when a patch leaves them out, replaced when it has them.
	const rolling15 = patch.rolling15 ? withColouring(patch.rolling15, data.rolling15) : data.rolling15;
	if (rolling15) next.rolling15 = rolling15;
	const trend = patch.trend ?? data.trend;
	if (trend) next.trend = trend;
	return next;
}
