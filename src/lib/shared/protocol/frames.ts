import type { AgentCounts, QueueFigures } from '../metrics/figures';
import type { LocalizedName } from '../centre/setup';
import type { AlertChangeFrame, AlertsSnapshotFrame } from './alert-frames';
import type { TeamFrame } from './team-frames';
import type { BoardLayout } from '../boards/tiles';
import type { TrendSeries } from '../boards/trend';

/**
 * WebSocket frames. Names carry a version (`snapshot.v1`): TVs run for weeks on an old bundle, so a
 * frame's shape never changes under the same name; a new shape gets a new name and old ones stay served.
 */
export const PROTOCOL_VERSION = 1;

/** How current the server's picture is; carried by every server frame. */
export interface Freshness {
	/** Event time (`ts`) of the newest event applied, epoch ms; null before the first event. */
	asOfMs: number | null;
	/** Server wall clock when the frame was built, epoch ms. */
	serverNowMs: number;
	/** True while the bus (Redis) is connected and subscribed. */
	busConnected: boolean;
	/** True while a sequence gap or a reconnect is being recovered: figures are not current. */
	gapOpen: boolean;
	/** Epoch ms when the last event of any kind arrived (server clock); null before the first. */
	lastReceiveMs: number | null;
	/**
	 * How long the bus may be silent before its stream counts as stopped (ms): a few times its recent
	 * gap between messages, so a quiet night is not called stale. Absent from older servers: 10 s.
	 */
	staleAfterMs?: number;
}

export interface BoardInfo {
	boardId: string;
	title: LocalizedName;
	language: 'zh-CN' | 'en';
	queueIds: string[];
	timeZone: string;
	/** Pages, tiles, rotation and theme (stored boards); absent from older servers: the default layout. */
	layout?: BoardLayout;
	/** The stored board's version, so a screen can show which edit it is on. */
	version?: number;
}

/** Everything a wallboard shows: one board's queues (day window), their roll-up, agent counts. */
export interface BoardData {
	board: BoardInfo;
	queues: QueueFigures[];
	centre: QueueFigures;
	agents: AgentCounts;
	/** The roll-up over the last 15 min (rolling), for the 15-min answer-rate tile. */
	rolling15?: QueueFigures;
	/** The last two hours, a point a minute, for the trend charts. */
	trend?: TrendSeries;
}

/**
 * What changed since the previous frame of the view: whole rows that changed, never field diffs, with
 * one exception: a row's colouring (`targets`, `bands`) is left out while it is as last sent, and the
 * row keeps the colouring of the row it replaces. Snapshots always carry it.
 */
export interface BoardPatch {
	board?: BoardInfo;
	queues?: QueueFigures[];
	removedQueueIds?: string[];
	centre?: QueueFigures;
	agents?: AgentCounts;
	rolling15?: QueueFigures;
	/** The whole series, sent when a point was added or changed (about once a minute). */
	trend?: TrendSeries;
}

export type ServerFrame =
	| { type: 'hello.v1'; protocol: number; buildId: string; serverNowMs: number }
	| { type: 'snapshot.v1'; view: string; seq: number; freshness: Freshness; data: BoardData }
	| { type: 'patch.v1'; view: string; seq: number; freshness: Freshness; data: BoardPatch }
	| { type: 'heartbeat.v1'; freshness: Freshness }
	| { type: 'error.v1'; code: string; message: string }
	| AlertsSnapshotFrame
	| AlertChangeFrame
	| TeamFrame;

export type ClientFrame =
	{ type: 'subscribe.v1'; view: string; resumeFromSeq?: number } | { type: 'unsubscribe.v1'; view: string };

/** View names: `board:<boardId>`. */
export function boardView(boardId: string): string {
	return `board:${boardId}`;
}
