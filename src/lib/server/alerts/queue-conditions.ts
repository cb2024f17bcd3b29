import { COUNTER_FIELDS } from '../../shared/metrics/counters';
import type { QueueFigures } from '../../shared/metrics/figures';
import { t, type Locale } from '../../shared/i18n';
import { counterFigures } from '../../shared/metrics/formulas';
import { countersFromPacked } from '../live/accumulate';
import { queueConfigOf, type Floor } from '../live/floor-state';
import { queueFigures } from '../live/queue-figures';
import { resolveWindow, WINDOW_BUCKET_MS } from '../live/windows';
import { liveStaffingOf, type LiveStaffing } from '../staffing/live-staffing';
import type { AlertState, Condition } from './alert-state';
import { isBusy } from './busy-period';
import { bothLanguages, count, name, percent, shortBy, target, threshold } from './reason-text';

/** Floating-point slack so a rate exactly on its target (19 of 20 = 95 %) is not "below" it. */
const EPS = 1e-9;

/**
 * Busy-hour answer-rate drops and service levels at risk, for every queue the floor knows. Reads the
 * same window figures as the tiles and the same live staffing model as /api/v1/staffing, so an alert's
 * numbers are the ones on the wall. Targets come from the floor's queue config on every pass.
 */
export function queueConditions(state: AlertState, floor: Floor, nowMs: number): Condition[] {
	const settings = state.settings.answerRate;
	const current = queueFigures(floor, settings.window, nowMs).queues;
	const day = new Map(queueFigures(floor, 'day', nowMs).queues.map((q) => [q.queueId, q]));
	const ids = current.map((q) => q.queueId ?? '');
	const staffing = new Map(liveStaffingOf(floor, ids, nowMs).map((s) => [s.queueId, s]));
	const span = resolveWindow(floor, settings.window, nowMs).span;
	const dayStartMs = floor.dayClock.dayOf(nowMs).startMs;
	const previous = previousWindowReader(floor, span?.startMs ?? nowMs, settings.window);
	const out: Condition[] = [];
	for (const q of current) {
		const queueId = q.queueId ?? '';
		const s = staffing.get(queueId) ?? null;
		const drop = answerRateCondition(state, floor, q, s, {
			windowMs: span ? span.endMs - span.startMs : 0,
			dayOffered: day.get(queueId)?.offered ?? 0,
			sinceDayStartMs: nowMs - dayStartMs,
			previous: previous(queueId)
		});
		if (drop) out.push(drop);
		const risk = s ? serviceLevelCondition(state, floor, s) : null;
		if (risk) out.push(risk);
	}
	return out;
}

interface Previous {
	offered: number;
	answerRate: number | null;
}

const WINDOW_MINUTES = { rolling15: 15, rolling30: 30, interval15: 15, interval30: 30 } as const;

/**
 * The window of the same length just before the current one, read from the queue's 10 s buckets
 * with the tiles' formula. Both windows fit in the hour the buckets keep.
 */
function previousWindowReader(
	floor: Floor,
	currentStartMs: number,
	window: keyof typeof WINDOW_MINUTES
): (queueId: string) => Previous {
	const toIndex = Math.floor(currentStartMs / WINDOW_BUCKET_MS) - 1;
	const fromIndex = toIndex + 1 - (WINDOW_MINUTES[window] * 60_000) / WINDOW_BUCKET_MS;
	const sum = new Float64Array(COUNTER_FIELDS.length);
	return (queueId) => {
		const ring = floor.queueRings.get(queueId);
		if (!ring) return { offered: 0, answerRate: null };
		sum.fill(0);
		const figures = counterFigures(
			countersFromPacked(ring.sumInto(sum, fromIndex, toIndex)),
			'abandons_negative'
		);
		return { offered: figures.offered, answerRate: figures.answerRate };
	};
}

function answerRateCondition(
	state: AlertState,
	floor: Floor,
	q: QueueFigures,
	staffing: LiveStaffing | null,
	context: { windowMs: number; dayOffered: number; sinceDayStartMs: number; previous: Previous }
): Condition | null {
	const settings = state.settings.answerRate;
	const rate = q.answerRate;
	if (rate === null || q.offered < settings.minOffered) return null;
	const busy = isBusy({
		windowOffered: q.offered,
		windowMs: context.windowMs,
		dayOffered: context.dayOffered,
		sinceDayStartMs: context.sinceDayStartMs,
		factor: settings.busyFactor,
		peakPeriods: settings.peakPeriods
	});
	if (!busy) return null;
	const queueId = q.queueId ?? '';
	const config = queueConfigOf(floor, queueId);
	const goal = config.targets.answerRate;
	const before =
		context.previous.offered >= settings.minOffered && context.previous.answerRate !== null
			? context.previous.answerRate
			: null;
	const fell = before !== null && before - rate >= settings.fallPoints / 100 - EPS;
	const red = rate < goal - settings.redBelowTargetPoints / 100 - EPS;
	if (!red && !fell && !(rate < goal - EPS)) return null;
	const gap = staffing?.gap ?? null;
	const available = staffing?.available ?? 0;
	const minutes = WINDOW_MINUTES[settings.window];
	const params = {
		queue: name(config.name),
		before: percent(before),
		now: percent(rate),
		window: windowText(settings.window, minutes),
		waiting: count(q.waiting),
		available: count(available),
		short: shortBy(gap)
	};
	return {
		subject: `answer_rate_drop|${queueId}`,
		kind: 'answer_rate_drop',
		cause: 'answer_rate',
		severity: red ? 'red' : 'yellow',
		queueId,
		agentId: null,
		contactId: null,
		queueIds: [queueId],
		reason: bothLanguages(before === null ? 'alertAnswerRateNow' : 'alertAnswerRate', params),
		figures: {
			answerRate: rate,
			previousAnswerRate: before,
			target: goal,
			offered: q.offered,
			waiting: q.waiting,
			available,
			gap
		}
	};
}

/** "近 15 分钟" / "in the last 15 min", or the current interval. */
function windowText(window: keyof typeof WINDOW_MINUTES, minutes: number) {
	const key = window.startsWith('rolling') ? 'alertWindowRolling' : 'alertWindowInterval';
	return (locale: Locale) => t(locale, key, { n: minutes });
}

function serviceLevelCondition(state: AlertState, floor: Floor, s: LiveStaffing): Condition | null {
	const settings = state.settings.serviceLevelRisk;
	const predicted = s.predictedServiceLevel;
	if (predicted === null || s.arrivalsPerHour === null || s.arrivalsPerHour < settings.minArrivalsPerHour)
		return null;
	const goal = s.targetServiceLevel;
	if (!(predicted < goal - EPS)) return null;
	const red = predicted < goal - settings.redBelowTargetPoints / 100 - EPS;
	const required = s.model === 'erlang-a' ? s.requiredErlangA : s.requiredErlangC;
	const config = queueConfigOf(floor, s.queueId);
	return {
		subject: `service_level_risk|${s.queueId}`,
		kind: 'service_level_risk',
		cause: 'service_level',
		severity: red ? 'red' : 'yellow',
		queueId: s.queueId,
		agentId: null,
		contactId: null,
		queueIds: [s.queueId],
		reason: bothLanguages('alertServiceLevel', {
			queue: name(config.name),
			predicted: percent(predicted),
			target: target(goal),
			threshold: threshold(s.thresholdSec),
			productive: count(s.productive),
			required: required === null ? '—' : count(required),
			short: shortBy(s.gap)
		}),
		figures: {
			predictedServiceLevel: predicted,
			target: goal,
			thresholdSec: s.thresholdSec,
			productive: s.productive,
			required,
			gap: s.gap,
			arrivalsPerHour: s.arrivalsPerHour
		}
	};
}
