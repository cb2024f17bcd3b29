import { figureStatus, targetsOf, type TargetStatus } from '$lib/client/target-status';
import type { TileId } from '$lib/shared/boards/tiles';
import type { ThresholdFigure } from '$lib/shared/centre/setup';
import {
	formatCount,
	formatDuration,
	formatPercent,
	formatTarget,
	formatThreshold,
	t,
	type Locale,
	type MessageKey
} from '$lib/shared/i18n';
import type { QueueFigures } from '$lib/shared/metrics/figures';
import type { BoardData } from '$lib/shared/protocol/frames';

/** What a figure tile draws, worked out from the board data without touching the DOM. */
export interface FigureTileModel {
	id: TileId;
	label: string;
	value: string;
	status: TargetStatus;
	sub: string;
	group: 'queue' | 'agents';
	/** The formula card the tile opens: card id and, when not the day, the window. */
	card: { figure: string; window?: string };
}

const STATUS_LABEL: Record<TargetStatus, MessageKey | null> = {
	ok: 'statusOk',
	warn: 'statusWarn',
	bad: 'statusBad',
	none: null
};

export function statusLabel(status: TargetStatus, locale: Locale): string {
	const key = STATUS_LABEL[status];
	return key ? t(locale, key) : '';
}

const atLeast = (fraction: number, locale: Locale) =>
	t(locale, 'targetAtLeast', { target: formatTarget(fraction, locale) });
const atMost = (fraction: number, locale: Locale) =>
	t(locale, 'targetAtMost', { target: formatTarget(fraction, locale) });

function rated(
	row: QueueFigures,
	figure: ThresholdFigure,
	value: number | null
): { status: TargetStatus; value: number | null } {
	return { status: figureStatus(row, figure, value), value };
}

/** The model of a figure tile, or null for ids that are not figure tiles (charts, table, ticker). */
export function figureTile(id: TileId, data: BoardData, locale: Locale): FigureTileModel | null {
	const c = data.centre;
	const a = data.agents;
	const targets = targetsOf(c);
	const base = { id, group: 'queue' as const, card: { figure: id } };
	switch (id) {
		case 'waiting': {
			const r = rated(c, 'waiting', c.waiting);
			return {
				...base,
				label: t(locale, 'tileWaiting'),
				value: formatCount(c.waiting, locale),
				status: r.status,
				sub: c.vipWaiting > 0 ? t(locale, 'vipWaiting', { n: formatCount(c.vipWaiting, locale) }) : ''
			};
		}
		case 'longest-wait':
			return {
				...base,
				label: t(locale, 'tileLongestWait'),
				value: formatDuration(c.longestWaitSec),
				status: figureStatus(c, 'longestWaitSec', c.longestWaitSec),
				sub: ''
			};
		case 'answer-rate':
			return {
				...base,
				label: t(locale, 'tileAnswerRate'),
				value: formatPercent(c.answerRate, locale),
				status: figureStatus(c, 'answerRate', c.answerRate),
				sub: `${atLeast(targets.answerRate, locale)} · ${t(locale, 'ofOffered', { n: formatCount(c.offered, locale) })}`
			};
		case 'answer-rate-15': {
			const r15 = data.rolling15;
			return {
				...base,
				card: { figure: 'answer-rate', window: 'rolling15' },
				label: t(locale, 'tileAnswerRate15'),
				value: formatPercent(r15?.answerRate ?? null, locale),
				status: r15 ? figureStatus(r15, 'answerRate', r15.answerRate) : 'none',
				sub: r15
					? `${atLeast(targets.answerRate, locale)} · ${t(locale, 'ofOffered', { n: formatCount(r15.offered, locale) })}`
					: ''
			};
		}
		case 'service-level':
			return {
				...base,
				label: t(locale, 'tileServiceLevel'),
				value: formatPercent(c.serviceLevel, locale),
				status: figureStatus(c, 'serviceLevel', c.serviceLevel),
				sub:
					c.slThresholdSec === null
						? atLeast(targets.serviceLevel, locale)
						: t(locale, 'targetServiceLevel', {
								target: formatTarget(targets.serviceLevel, locale),
								threshold: formatThreshold(c.slThresholdSec, locale)
							})
			};
		case 'abandoned':
			return {
				...base,
				label: t(locale, 'tileAbandoned'),
				value: formatCount(c.abandoned, locale),
				status: figureStatus(c, 'abandonRate', c.abandonRate),
				sub: t(locale, 'abandonRate', { rate: formatPercent(c.abandonRate, locale) })
			};
		case 'asa':
			return {
				...base,
				label: t(locale, 'tileAsa'),
				value: formatDuration(c.asaSec),
				status: figureStatus(c, 'asaSec', c.asaSec),
				sub: ''
			};
		case 'aht':
			return {
				...base,
				label: t(locale, 'tileAht'),
				value: formatDuration(c.ahtSec),
				status: figureStatus(c, 'ahtSec', c.ahtSec),
				sub: ''
			};
		case 'vip-waiting':
			return {
				...base,
				label: t(locale, 'tileVipWaiting'),
				value: formatCount(c.vipWaiting, locale),
				status: figureStatus(c, 'vipWaiting', c.vipWaiting),
				sub:
					c.vipWaiting > 0 ? t(locale, 'tileVipLongest', { wait: formatDuration(c.longestVipWaitSec) }) : ''
			};
		case 'repeat-rate':
			return {
				...base,
				label: t(locale, 'tileRepeatRate'),
				value: formatPercent(c.repeatRate, locale),
				status: figureStatus(c, 'repeatRate', c.repeatRate),
				sub: atMost(targets.repeatRate, locale)
			};
		case 'csat':
			return {
				...base,
				label: t(locale, 'tileCsat'),
				value: formatPercent(c.csat, locale),
				status: figureStatus(c, 'csat', c.csat),
				sub: `${atLeast(targets.csat, locale)} · ${t(locale, 'ofSurveys', { n: formatCount(c.surveys, locale) })}`
			};
		case 'agents-available':
			return {
				...base,
				group: 'agents',
				label: t(locale, 'tileAvailable'),
				value: formatCount(a.available, locale),
				status: 'none',
				sub: t(locale, 'ofStaffed', { n: formatCount(a.staffed, locale) })
			};
		case 'agents-on-contact':
			return agentTile(base, t(locale, 'tileOnContact'), formatCount(a.onContact, locale));
		case 'agents-wrap-up':
			return agentTile(base, t(locale, 'tileWrapUp'), formatCount(a.wrapUp, locale));
		case 'agents-not-ready':
			return agentTile(base, t(locale, 'tileNotReady'), formatCount(a.notReady, locale));
		default:
			return null;
	}
}

function agentTile(
	base: Pick<FigureTileModel, 'id' | 'card'>,
	label: string,
	value: string
): FigureTileModel {
	return { ...base, group: 'agents', label, value, status: 'none', sub: '' };
}
