import { QueueTargets, type QueueTargets as Targets } from '../../shared/centre/setup';
import {
	resolveBand,
	resolveBands,
	type Bands,
	type RowColouring
} from '../../shared/metrics/cards/thresholds';
import type { QueueFigures } from '../../shared/metrics/figures';
import { queueConfigOf, type Floor } from '../live/floor';

const DEFAULT_TARGETS: Targets = QueueTargets.parse({});

/** A queue's colouring, from the config the floor's figures use right now. */
export function queueColouring(floor: Floor, queueId: string): RowColouring {
	const { targets, thresholds } = queueConfigOf(floor, queueId);
	return { targets, bands: resolveBands(targets, thresholds) };
}

/**
 * A roll-up's colouring (centre, board, channel): where every queue in it agrees on a target or a band,
 * that one; where they differ, the shipped default. A roll-up mixing a 95 % line and a 90 % line has no
 * honest single line, and the default is what the centre as a whole is held to.
 */
export function rollUpColouring(parts: readonly RowColouring[]): RowColouring {
	const targets = { ...DEFAULT_TARGETS };
	for (const key of Object.keys(DEFAULT_TARGETS) as (keyof Targets)[]) {
		const first = parts[0]?.targets[key];
		if (first !== undefined && parts.every((p) => p.targets[key] === first)) targets[key] = first;
	}
	const bands: Bands = {};
	const defaults = resolveBands(DEFAULT_TARGETS, {});
	const figures = new Set([...parts.flatMap((p) => Object.keys(p.bands)), ...Object.keys(defaults)]);
	for (const figure of figures as Set<keyof Bands>) {
		const texts = parts.map((p) => JSON.stringify(p.bands[figure] ?? null));
		const band =
			parts.length > 0 && texts.every((t) => t === texts[0])
				? (parts[0]!.bands[figure] ?? null)
				: resolveBand(figure, DEFAULT_TARGETS, undefined);
		if (band) bands[figure] = band;
	}
	return { targets, bands };
}

/** Rows with the colouring attached: what boards send, so TVs colour by the server's settings. */
export function colourRows(
	floor: Floor,
	queues: QueueFigures[],
	centre: QueueFigures
): { queues: (QueueFigures & RowColouring)[]; centre: QueueFigures & RowColouring } {
	const coloured = queues.map((q) => Object.assign(q, queueColouring(floor, q.queueId ?? '')));
	return { queues: coloured, centre: Object.assign(centre, rollUpColouring(coloured)) };
}
