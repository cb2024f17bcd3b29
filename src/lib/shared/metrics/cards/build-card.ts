import type { LocalizedName, QueueTargets } from '../../centre/setup';
import type { AgentCounts, AgentWindowFigures, MetricWindow, QueueFigures, WindowSpan } from '../figures';
import { AGENT_COUNT_CARDS, AGENT_WINDOW_CARDS } from './agent-cards';
import { QUEUE_CARDS, type CardDef, type TermDef } from './queue-cards';
import { bandStatus, TARGET_OF, type Bands } from './thresholds';
import type { CardTerm, FormulaCard } from './types';
import { LIVE_RESET, resetRule, WINDOW_NAMES, type ResetContext } from './windows-text';

/** Which figures a card reads: a queue row, the agent counts now, or the agent figures over a window. */
export type CardSource = 'queue' | 'agent-counts' | 'agent-window';

const SOURCES = new Map<string, CardSource>([
	...QUEUE_CARDS.map((d) => [d.id, 'queue'] as const),
	...AGENT_COUNT_CARDS.map((d) => [d.id, 'agent-counts'] as const),
	...AGENT_WINDOW_CARDS.map((d) => [d.id, 'agent-window'] as const)
]);

/** Every card id, queue figures first: what a 404 lists. */
export const CARD_IDS: readonly string[] = [...SOURCES.keys()];

export function cardSource(id: string): CardSource | null {
	return SOURCES.get(id) ?? null;
}

export interface CardContext extends ResetContext {
	window: MetricWindow;
	span: WindowSpan | null;
	/** Query time, epoch ms: the instant of the live figures. */
	nowMs: number;
	asOf: number | null;
	scope: { queueId: string | null; name: LocalizedName };
	/** The targets and bands the scope's tiles are coloured by; null targets for scopes without any. */
	targets: QueueTargets | null;
	bands: Bands;
}

/** The figures a card can be built from; only the part its source names is read. */
export interface CardFigures {
	queue?: QueueFigures;
	agentCounts?: AgentCounts;
	agentWindow?: AgentWindowFigures;
}

/**
 * Builds the card of figure `id` from figures already computed (the same objects the API and boards
 * serve), or null for an unknown id or when the figures its source needs are missing.
 */
export function buildFormulaCard(id: string, figures: CardFigures, ctx: CardContext): FormulaCard | null {
	switch (cardSource(id)) {
		case 'queue':
			return figures.queue ? fromDef(find(QUEUE_CARDS, id), figures.queue, ctx) : null;
		case 'agent-counts':
			return figures.agentCounts ? fromDef(find(AGENT_COUNT_CARDS, id), figures.agentCounts, ctx) : null;
		case 'agent-window':
			return figures.agentWindow ? fromDef(find(AGENT_WINDOW_CARDS, id), figures.agentWindow, ctx) : null;
		default:
			return null;
	}
}

function find<F>(defs: readonly CardDef<F>[], id: string): CardDef<F> {
	return defs.find((d) => d.id === id)!;
}

function termOf<F>(def: TermDef<F> | ((f: F) => TermDef<F>) | undefined, f: F): CardTerm | null {
	if (!def) return null;
	const t = typeof def === 'function' ? def(f) : def;
	return { label: t.label, unit: t.unit, value: t.value(f) };
}

function fromDef<F>(def: CardDef<F>, f: F, ctx: CardContext): FormulaCard {
	const value = def.value(f);
	const band = def.threshold ? (ctx.bands[def.threshold] ?? null) : null;
	const targetKey = def.threshold ? TARGET_OF[def.threshold] : undefined;
	const queue = isQueueFigures(f) ? f : null;
	return {
		id: def.id,
		name: def.name,
		formula: typeof def.formula === 'function' ? def.formula(f) : def.formula,
		unit: def.unit,
		value,
		numerator: termOf(def.numerator, f),
		denominator: termOf(def.denominator, f),
		breakdown: def.breakdown?.(f) ?? [],
		serviceLevel:
			def.id === 'service-level' && queue
				? {
						formula: queue.slFormula ?? 'abandons_negative',
						thresholdSec: queue.slThresholdSec,
						variants: queue.serviceLevelVariants
					}
				: null,
		scope: ctx.scope,
		window: {
			id: def.live ? 'now' : ctx.window,
			name: WINDOW_NAMES[def.live ? 'now' : ctx.window],
			span: def.live ? { startMs: ctx.nowMs, endMs: ctx.nowMs } : ctx.span,
			live: def.live ?? false,
			reset: def.live ? LIVE_RESET : resetRule(ctx.window, ctx)
		},
		threshold: def.threshold
			? {
					figure: def.threshold,
					target: targetKey && ctx.targets ? ctx.targets[targetKey] : null,
					band
				}
			: null,
		status: bandStatus(def.statusValue ? def.statusValue(f) : value, band),
		asOf: ctx.asOf
	};
}

function isQueueFigures(f: unknown): f is QueueFigures {
	return typeof f === 'object' && f !== null && 'serviceLevelVariants' in f;
}
