import { describe, expect, it } from 'vitest';
import type { FormulaCard } from '../../shared/metrics/cards/types';
import { applyEvent, createFloor, type Floor } from '../live/floor';
import { createEventBuilder, testCentreSetup } from '../live/test-events';
import { formulaCardOf, type CardQuery } from './formula-card';

const T0 = Date.UTC(2025, 10, 23, 1, 0, 0); // 09:00 in Asia/Shanghai
const TZ = 'Asia/Shanghai';
const NOW = T0 + 200_000;

/**
 * A small hand-worked day in queue `neg` (abandons_negative, 20 s, short abandon < 5 s), seconds after T0:
 *   c1 queued 0, answered 10 by a1 (wait 10, within); ended 70 (talk 60); wrapped 80 (wrap 10)
 *   c2 queued 0, answered 30 by a2 (wait 30, beyond); ended 130 (talk 100); wrapped 150 (wrap 20)
 *   c3 queued 0, abandoned 15 (within); c4 queued 0, abandoned 2 (short); c5 queued 0, flowed out 40
 *   c6 queued 190, still waiting at the query (200)
 * offered 4 (2 + 1 + 1); answer rate 2/4; SL 1/4, 1/3, 2/4; ASA 40/2; ATT 160/2; AHT 190/2; ACW 30/190.
 */
function handWorkedFloor(): Floor {
	const b = createEventBuilder({ startMs: T0 });
	b.atSec(0).login('a1', { queues: ['neg'] });
	b.login('a2', { queues: ['neg'] });
	b.ready('a1');
	b.ready('a2');
	for (const c of ['c1', 'c2', 'c3', 'c4', 'c5']) b.queued(c, 'neg');
	b.atSec(2).abandoned('c4');
	b.atSec(10).answered('c1', 'a1');
	b.atSec(15).abandoned('c3');
	b.atSec(30).answered('c2', 'a2');
	b.atSec(40).flowedOut('c5');
	b.atSec(70).ended('c1', 'a1');
	b.atSec(80).wrapped('c1', 'a1');
	b.atSec(130).ended('c2', 'a2');
	b.atSec(150).wrapped('c2', 'a2');
	b.atSec(190).queued('c6', 'neg');
	const floor = createFloor(testCentreSetup(), { timeZone: TZ });
	for (const e of b.events) applyEvent(floor, e, e.ts);
	return floor;
}

function card(floor: Floor, query: Partial<CardQuery> & { figure: string }): FormulaCard {
	const result = formulaCardOf(floor, TZ, NOW, { window: 'day', queueId: 'neg', ...query });
	if (!result.ok) throw new Error(result.message);
	return result.card;
}

describe('formula cards through the reducer', () => {
	const floor = handWorkedFloor();

	it('gives the answer rate as answered over offered, with the target and a red status', () => {
		const c = card(floor, { figure: 'answer-rate' });
		expect(c.value).toBe(0.5);
		expect(c.numerator?.value).toBe(2);
		expect(c.denominator?.value).toBe(4);
		expect(c.name).toEqual({ 'zh-CN': '接起率', en: 'Answer rate' });
		expect(c.threshold).toMatchObject({
			figure: 'answerRate',
			target: 0.95,
			band: { yellow: 0.95, red: 0.9 }
		});
		expect(c.status).toBe('red');
		expect(c.scope).toEqual({ queueId: 'neg', name: { 'zh-CN': '负' } });
	});

	it('states the service-level formula in force and all three variants', () => {
		const c = card(floor, { figure: 'service-level' });
		expect(c.value).toBe(0.25);
		expect([c.numerator?.value, c.denominator?.value]).toEqual([1, 4]);
		expect(c.formula.en).toMatch(/^Answered within the threshold ÷ offered/);
		expect(c.serviceLevel).toEqual({
			formula: 'abandons_negative',
			thresholdSec: 20,
			variants: { abandons_negative: 0.25, ignore_abandons: 1 / 3, abandons_positive: 0.5 }
		});
	});

	it('gives the sums behind the means exactly (ASA, ATT, AHT, ACW share)', () => {
		const asa = card(floor, { figure: 'asa' });
		expect([asa.value, asa.numerator?.value, asa.denominator?.value]).toEqual([20, 40, 2]);
		const att = card(floor, { figure: 'att' });
		expect([att.value, att.numerator?.value, att.denominator?.value]).toEqual([80, 160, 2]);
		const aht = card(floor, { figure: 'aht' });
		expect([aht.value, aht.numerator?.value, aht.denominator?.value]).toEqual([95, 190, 2]);
		const acw = card(floor, { figure: 'acw-share' });
		expect([acw.numerator?.value, acw.denominator?.value]).toEqual([30, 190]);
		expect(acw.value).toBeCloseTo(30 / 190, 12);
	});

	it('breaks offered into its parts and keeps short abandons apart', () => {
		const c = card(floor, { figure: 'offered' });
		expect(c.value).toBe(4);
		expect(c.breakdown.map((p) => p.value)).toEqual([2, 1, 1]);
		expect(card(floor, { figure: 'short-abandoned' }).value).toBe(1);
	});

	it('names the window, its span and the local-midnight reset', () => {
		const c = card(floor, { figure: 'answered' });
		expect(c.window.id).toBe('day');
		expect(c.window.span).toEqual({ startMs: Date.UTC(2025, 10, 22, 16, 0, 0), endMs: NOW });
		expect(c.window.reset.en).toBe('Resets at local midnight, Asia/Shanghai');
		expect(c.window.reset['zh-CN']).toBe('每天本地零点清零（Asia/Shanghai）');
	});

	it('marks live figures as "now" whatever window was asked for', () => {
		const c = card(floor, { figure: 'longest-wait', window: 'rolling15' });
		expect(c.value).toBe(10);
		expect(c.window).toMatchObject({ id: 'now', live: true, span: { startMs: NOW, endMs: NOW } });
	});

	it('rolls the whole centre up when no queue is given', () => {
		const c = card(floor, { figure: 'answer-rate', queueId: null });
		expect(c.scope.queueId).toBeNull();
		expect(c.scope.name.en).toBe('Whole centre');
		expect([c.numerator?.value, c.denominator?.value]).toEqual([2, 4]);
	});

	it('counts agents by state, with staffed broken into the states', () => {
		const c = card(floor, { figure: 'agents-staffed' });
		expect(c.value).toBe(2);
		expect(c.breakdown.map((p) => p.value)).toEqual([2, 0, 0, 0]);
	});

	it('gives occupancy as ∫ load over ready-or-loaded time, centre-wide', () => {
		const c = card(floor, { figure: 'occupancy', queueId: null });
		// a1 loaded 10 → 80 (70 s), a2 30 → 150 (120 s); both ready or loaded for the 200 s.
		expect([c.numerator?.value, c.denominator?.value]).toEqual([190, 400]);
		expect(c.value).toBeCloseTo(190 / 400, 12);
	});

	it('refuses an unknown figure with the list of valid ids, and an unknown queue', () => {
		const unknown = formulaCardOf(floor, TZ, NOW, { figure: 'nps', window: 'day', queueId: null });
		expect(unknown).toMatchObject({ ok: false, status: 404 });
		expect(!unknown.ok && unknown.message).toMatch(/answer-rate, abandon-rate, service-level/);
		const queue = formulaCardOf(floor, TZ, NOW, { figure: 'asa', window: 'day', queueId: 'nope' });
		expect(queue).toMatchObject({ ok: false, status: 400, parameter: 'queue' });
		const perQueue = formulaCardOf(floor, TZ, NOW, { figure: 'cph', window: 'day', queueId: 'neg' });
		expect(perQueue).toMatchObject({ ok: false, status: 400, parameter: 'queue' });
	});
});
