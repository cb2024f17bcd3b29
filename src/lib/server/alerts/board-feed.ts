import type { BoardSetup } from '../../shared/centre/setup';
import type { AlertFeed } from '../realtime/alert-fanout';
import type { AlertService } from './alert-service';

/** What the realtime hub needs to serve `alerts:<boardId>`: each board's queues and its active alerts. */
export function boardAlertFeed(boards: readonly BoardSetup[], alerts: AlertService): AlertFeed {
	const scope = (boardId: string) => boards.find((b) => b.boardId === boardId)?.queues ?? null;
	return {
		scope,
		snapshot: (boardId) => {
			const queues = scope(boardId);
			return queues === null ? null : alerts.forBoard(queues);
		}
	};
}
