import type { BoardSetup, CentreSetup } from '../../shared/centre/setup';
import type { QueueFigures } from '../../shared/metrics/figures';
import type { BoardData, BoardInfo } from '../../shared/protocol/frames';
import type { Bus } from '../bus/bus';
import { colourRows } from '../cards/colouring';
import { agentCounts, queueConfigOf, queueFigures, type Floor } from '../live/floor';
import type { Logger } from '../util/logger';
import { applyBoardThresholds } from './colouring';
import type { BoardDefinition } from './schema';
import { boardScope, layoutOf } from './scope';
import { BoardStore, seedBoards } from './store';
import { TrendRecorder } from './trend-recorder';

/**
 * A board row's waits in whole seconds (floored). They move with the clock, so at millisecond
 * resolution a row with anyone waiting changes on every tick even on a quiet floor; whole seconds
 * change once a second, as the board shows them, and the tile's colour is judged on the number shown.
 */
export function wholeSecondWaits<T extends QueueFigures>(row: T): T {
	return {
		...row,
		longestWaitSec: Math.floor(row.longestWaitSec),
		longestVipWaitSec: Math.floor(row.longestVipWaitSec),
		maxWaitSec: Math.floor(row.maxWaitSec),
		maxVipWaitSec: Math.floor(row.maxVipWaitSec)
	};
}

/** Trend samples are taken this often; each minute's point keeps the peak waiting seen in it. */
export const TREND_SAMPLE_MS = 5_000;

export interface BoardServiceOptions {
	bus: Bus;
	prefix: string;
	setup: CentreSetup;
	/** The set-up's boards, with the implicit default board. */
	setupBoards: readonly BoardSetup[];
	floor: Floor;
	clock: () => number;
	timeZone: string;
	logger: Logger;
}

/**
 * The boards as the live side sees them: stored definitions turned into what a TV is sent (figures of
 * the board's scope, coloured by the board's thresholds, its layout and trend). A stored change shows on
 * the next hub tick, because the hub recomputes every watched board each tick and diffs `board`.
 */
export class BoardService {
	readonly store: BoardStore;
	readonly trends = new TrendRecorder();
	/** Each board's scope as the alert feed reads it; updated in place when boards change. */
	readonly alertBoards: BoardSetup[] = [];
	readonly #o: BoardServiceOptions;
	#timer: ReturnType<typeof setInterval> | null = null;

	constructor(options: BoardServiceOptions) {
		this.#o = options;
		this.store = new BoardStore({
			kv: options.bus,
			prefix: options.prefix,
			setup: options.setup,
			seed: seedBoards(options.setupBoards, options.setup),
			logger: options.logger
		});
		this.#syncAlertBoards();
		this.store.onChange(() => this.#syncAlertBoards());
	}

	start(): void {
		this.store
			.start()
			.catch((err: unknown) =>
				this.#o.logger.error('boards not loaded; serving the set-up boards', { error: String(err) })
			);
		this.#sample();
		this.#timer = setInterval(() => this.#sample(), TREND_SAMPLE_MS);
		this.#timer.unref?.();
	}

	stop(): void {
		if (this.#timer) clearInterval(this.#timer);
		this.#timer = null;
	}

	infos(): BoardInfo[] {
		return this.store.list().map((v) => this.#info(v.board, v.version));
	}

	data(boardId: string): BoardData | null {
		const head = this.store.get(boardId);
		if (!head) return null;
		const { floor, clock } = this.#o;
		const board = head.board;
		const now = clock();
		const scope = this.#scope(board);
		const day = queueFigures(floor, 'day', now, scope);
		const figures = { queues: day.queues.map(wholeSecondWaits), centre: wholeSecondWaits(day.centre) };
		// Rows carry the targets and bands they are coloured by, so a settings change recolours TVs at once.
		const byQueue = colourRows(floor, figures.queues, figures.centre);
		const coloured = applyBoardThresholds(
			byQueue.queues,
			byQueue.centre,
			board.thresholds,
			(queueId) => queueConfigOf(floor, queueId).thresholds
		);
		// The same scope, so the same colouring as the day's roll-up.
		const rolling15 = Object.assign(wholeSecondWaits(queueFigures(floor, 'rolling15', now, scope).centre), {
			targets: coloured.centre.targets,
			bands: coloured.centre.bands
		});
		return {
			board: { ...this.#info(board, head.version), queueIds: coloured.queues.map((q) => q.queueId ?? '') },
			queues: coloured.queues,
			centre: coloured.centre,
			agents: agentCounts(floor, now, scope),
			rolling15,
			trend: this.trends.series(boardId)
		};
	}

	#scope(board: BoardDefinition): string[] | undefined {
		const scope = boardScope(board, this.#o.setup);
		return scope.length ? scope : undefined;
	}

	#info(board: BoardDefinition, version: number): BoardInfo {
		const scope = this.#scope(board);
		return {
			boardId: board.boardId,
			title: board.title,
			language: board.language,
			queueIds:
				scope ?? queueFigures(this.#o.floor, 'now', this.#o.clock()).queues.map((q) => q.queueId ?? ''),
			timeZone: this.#o.timeZone,
			layout: layoutOf(board),
			version
		};
	}

	#sample(): void {
		const { floor, clock } = this.#o;
		const now = clock();
		const ids = new Set<string>();
		for (const { board } of this.store.list()) {
			ids.add(board.boardId);
			const scope = this.#scope(board);
			const recent = queueFigures(floor, 'rolling15', now, scope).centre;
			this.trends.observe(board.boardId, now, {
				answerRate: recent.answerRate,
				waiting: recent.waiting,
				offered: recent.offered
			});
		}
		this.trends.retain(ids);
	}

	#syncAlertBoards(): void {
		const next = this.store.list().map(({ board }) => ({
			boardId: board.boardId,
			title: board.title,
			queues: boardScope(board, this.#o.setup),
			language: board.language
		}));
		this.alertBoards.splice(0, this.alertBoards.length, ...next);
	}
}
