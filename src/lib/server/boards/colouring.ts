import type { FigureThresholds, QueueTargets } from '../../shared/centre/setup';
import { resolveBands, type RowColouring } from '../../shared/metrics/cards/thresholds';
import type { QueueFigures } from '../../shared/metrics/figures';
import { rollUpColouring } from '../cards/colouring';

type Coloured = QueueFigures & RowColouring;

/**
 * Re-colours a board's rows by the board's own thresholds, where it sets any: the board's pair for a
 * figure replaces the queue's, the queue's targets still set the lines the board leaves open. The
 * roll-up is derived again from the re-coloured rows, as the queue colouring does.
 */
export function applyBoardThresholds(
	rows: Coloured[],
	centre: Coloured,
	overrides: FigureThresholds,
	queueThresholds: (queueId: string) => FigureThresholds
): { queues: Coloured[]; centre: Coloured } {
	if (Object.keys(overrides).length === 0) return { queues: rows, centre };
	const queues = rows.map((row) => {
		const targets: QueueTargets = row.targets;
		const bands = resolveBands(targets, { ...queueThresholds(row.queueId ?? ''), ...overrides });
		return { ...row, bands };
	});
	const rollUp = rollUpColouring(queues);
	return { queues, centre: { ...centre, ...rollUp } };
}
