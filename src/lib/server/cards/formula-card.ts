import type { LocalizedName } from '../../shared/centre/setup';
import {
	agentWindowFigures,
	addAgentTotalsInto,
	emptyAgentTotals
} from '../../shared/metrics/agent-formulas';
import {
	buildFormulaCard,
	CARD_IDS,
	cardSource,
	type CardFigures
} from '../../shared/metrics/cards/build-card';
import type { RowColouring } from '../../shared/metrics/cards/thresholds';
import type { FormulaCard } from '../../shared/metrics/cards/types';
import type { MetricWindow } from '../../shared/metrics/figures';
import { agentCounts, CENTRE_NAME, queueFigures, resolveWindow, teamTotals, type Floor } from '../live/floor';
import { queueColouring, rollUpColouring } from './colouring';

export interface CardQuery {
	figure: string;
	window: MetricWindow;
	shiftId?: string;
	/** One queue, or null for the roll-up of `scope`. */
	queueId: string | null;
	/** The queues the roll-up covers; undefined = every queue (the whole centre). */
	scope?: string[];
	/** Name of the roll-up (the centre, or a board's title). */
	scopeName?: LocalizedName;
}

export type CardResult =
	{ ok: true; card: FormulaCard } | { ok: false; status: 400 | 404; message: string; parameter?: string };

/**
 * The formula card of one figure, from the same queueFigures / agentCounts / teamTotals the API and the
 * boards serve. Checks the figure and queue; the window is the caller's to check (parseWindowParams).
 */
export function formulaCardOf(floor: Floor, timeZone: string, nowMs: number, q: CardQuery): CardResult {
	const source = cardSource(q.figure);
	if (!source)
		return {
			ok: false,
			status: 404,
			message: `no formula card "${q.figure}"; figures with cards: ${CARD_IDS.join(', ')}`
		};
	const allowed = q.scope ?? [...floor.queues.keys()];
	if (q.queueId !== null && !allowed.includes(q.queueId))
		return {
			ok: false,
			status: 400,
			parameter: 'queue',
			message: `queue must be one of ${allowed.join(', ')} (got "${q.queueId}")`
		};
	if (source === 'agent-window' && (q.queueId !== null || q.scope))
		return {
			ok: false,
			status: 400,
			parameter: 'queue',
			message: `${q.figure} is kept per agent and team, not per queue: ask for the whole centre (no queue)`
		};
	const queueIds = q.queueId !== null ? [q.queueId] : q.scope;
	const resolved = resolveWindow(floor, q.window, nowMs, q.shiftId);
	const figures: CardFigures = {};
	let colouring: RowColouring | null = null;
	let name: LocalizedName = q.scopeName ?? CENTRE_NAME;
	if (source === 'queue') {
		const result = queueFigures(floor, q.window, nowMs, queueIds, q.shiftId ? { shiftId: q.shiftId } : {});
		const row = q.queueId !== null ? result.queues[0]! : result.centre;
		figures.queue = row;
		if (q.queueId !== null) name = row.name;
		colouring =
			q.queueId !== null
				? queueColouring(floor, q.queueId)
				: rollUpColouring(result.queues.map((r) => queueColouring(floor, r.queueId ?? '')));
	} else if (source === 'agent-counts') {
		figures.agentCounts = agentCounts(floor, nowMs, queueIds);
		if (q.queueId !== null) name = floor.queues.get(q.queueId)?.config.name ?? name;
	} else {
		const total = emptyAgentTotals();
		for (const t of teamTotals(floor, resolved, nowMs).values()) addAgentTotalsInto(total, t);
		figures.agentWindow = agentWindowFigures(total);
	}
	const card = buildFormulaCard(q.figure, figures, {
		window: q.window,
		span: resolved.span,
		nowMs,
		asOf: floor.lastEventTs,
		timeZone,
		shift: resolved.shift ? { name: resolved.shift.name, start: resolved.shift.start } : null,
		scope: { queueId: q.queueId, name },
		targets: colouring?.targets ?? null,
		bands: colouring?.bands ?? {}
	});
	return card ? { ok: true, card } : { ok: false, status: 404, message: `no formula card "${q.figure}"` };
}
