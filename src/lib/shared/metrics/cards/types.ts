import type { LocalizedName, SlFormula, ThresholdFigure } from '../../centre/setup';
import type { MetricWindow, ServiceLevelVariants, WindowSpan } from '../figures';
import type { Band, FigureStatus } from './thresholds';

/** Text in both UI languages; unlike LocalizedName, English is always present. */
export interface LocalizedText {
	'zh-CN': string;
	en: string;
}

export type CardUnit = 'fraction' | 'seconds' | 'count' | 'per_hour';

/** One named quantity on a card: a numerator, a denominator or a part of a sum. */
export interface CardTerm {
	label: LocalizedText;
	value: number;
	unit: CardUnit;
}

/** The window a card's figure was computed over, and how it resets. */
export interface CardWindow {
	id: MetricWindow;
	name: LocalizedText;
	/** Null for `shift` when no shift is running. */
	span: WindowSpan | null;
	/** True for figures that are "now" whatever window is asked for (waiting, longest wait). */
	live: boolean;
	reset: LocalizedText;
}

/**
 * A formula card (METRICS.md): everything a person needs to re-derive the number on a tile. The value,
 * numerator and denominator come from the same figures the tile shows, never from a second formula.
 */
export interface FormulaCard {
	id: string;
	name: LocalizedText;
	formula: LocalizedText;
	unit: CardUnit;
	value: number | null;
	numerator: CardTerm | null;
	denominator: CardTerm | null;
	/** Parts of a count or sum (offered = answered + abandoned + flowed out; not ready by reason). */
	breakdown: CardTerm[];
	/** Service level only: the formula variant in force, its threshold and all three variants' values. */
	serviceLevel: {
		formula: SlFormula;
		thresholdSec: number | null;
		variants: ServiceLevelVariants;
	} | null;
	scope: { queueId: string | null; name: LocalizedName };
	window: CardWindow;
	threshold: { figure: ThresholdFigure; target: number | null; band: Band | null } | null;
	status: FigureStatus;
	/** Event time of the newest event the figures reflect, epoch ms. */
	asOf: number | null;
}
