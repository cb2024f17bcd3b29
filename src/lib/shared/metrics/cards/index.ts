export * from './types';
export * from './thresholds';
export * from './windows-text';
export { QUEUE_CARDS, sumFromMean, type CardDef, type TermDef } from './queue-cards';
export { AGENT_COUNT_CARDS, AGENT_WINDOW_CARDS } from './agent-cards';
export {
	buildFormulaCard,
	CARD_IDS,
	cardSource,
	type CardContext,
	type CardFigures,
	type CardSource
} from './build-card';
