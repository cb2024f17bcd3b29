import { describe, expect, it } from 'vitest';
import { liveStaffing } from '../staffing/live-staffing';
import type { AlertSettingsInput } from './settings';
import { AlertHarness, sec } from './test-harness';

/**
 * Queue `neg` (target 95 %), 09:00 local. Previous 15 min: 26 offered, 25 answered = 96.15 % ("96.1 %").
 * Current 15 min: 26 offered, `answered` answered, the rest abandoned after 10 s (not short); then 3
 * contacts waiting and one agent available. The day has nothing else, so the window is far above
 * 1.2 × the day's mean per window (52 × 15 ÷ 540 = 1.4): a busy period.
 */
function drop(answered: number, settings?: AlertSettingsInput): AlertHarness {
	const h = new AlertHarness(settings ? { settings } : {});
	h.b.login('a1', { queues: ['neg'] });
	h.b.ready('a1');
	const contacts = (prefix: string, fromSec: number, answeredCount: number) => {
		for (let i = 0; i < 26; i++) {
			const id = `${prefix}${i}`;
			h.b.at(sec(fromSec + i * 10)).queued(id, 'neg');
			if (i < answeredCount) {
				h.b.after(1).answered(id, 'a1');
				h.b.after(60).ended(id, 'a1');
				h.b.after(1).wrapped(id, 'a1');
			} else {
				h.b.after(10).abandoned(id);
			}
		}
	};
	contacts('p', 40, 25);
	contacts('c', 1000, answered);
	for (const id of ['w1', 'w2', 'w3']) h.b.at(sec(1700)).queued(id, 'neg');
	h.flush();
	// Start evaluating once the picture is set: both windows are then stable for minutes.
	h.nowMs = sec(1790);
	return h;
}

const drops = (h: AlertHarness) => h.changes.filter((c) => c.alert.kind === 'answer_rate_drop');

describe('busy-hour answer-rate drop', () => {
	it('raises red with the numbers before and now, waiting, available and the staffing gap', () => {
		const h = drop(23);
		h.runTo(sec(1820));
		expect(drops(h)).toEqual([]);
		h.runTo(sec(1821));
		const [raised] = drops(h);
		expect(raised).toMatchObject({ change: 'raised', atMs: sec(1821) });
		expect(raised!.alert).toMatchObject({ severity: 'red', queueId: 'neg', sinceMs: sec(1791) });
		const gap = liveStaffing(h.floor, 'neg', sec(1821)).gap;
		const short =
			gap !== null && gap < 0 ? { zh: `，缺 ${-gap} 人`, en: `, ${-gap} agents short` } : { zh: '', en: '' };
		// 23 ÷ 26 = 88.46 % → "88.4 %" (rounded down, as the tiles).
		expect(raised!.alert.reason).toEqual({
			'zh-CN': `负 接起率 96.1 % → 88.4 %（近 15 分钟），排队 3，空闲 1${short.zh}`,
			en: `负 answer rate 96.1 % → 88.4 % in the last 15 min, 3 waiting, 1 available${short.en}`
		});
		expect(raised!.alert.figures).toMatchObject({ offered: 26, waiting: 3, available: 1, target: 0.95 });
	});

	it('is yellow below target but within 5 points, and yellow for a fall of 5 points even above target', () => {
		// 24 ÷ 26 = 92.3 %: below 95 %, not more than 5 points below.
		const below = drop(24);
		below.runTo(sec(1821));
		expect(drops(below).map((c) => [c.change, c.alert.severity])).toEqual([['raised', 'yellow']]);
		// 96.15 % → 91.3 % with a 90 % target: above target, but down 4.8 points: no alert…
		const config = () => ({ targets: { answerRate: 0.9, serviceLevel: 0.8, repeatRate: 0.22, csat: 0.85 } });
		const small = drop(24);
		Object.assign(small.floor.queues.get('neg')!.config, config());
		small.runTo(sec(1821));
		expect(drops(small)).toEqual([]);
		// …while 23 ÷ 26 = 88.5 % against 90 % is a fall of 7.7 points: yellow, not red (not > 5 below target).
		const fell = drop(23);
		Object.assign(fell.floor.queues.get('neg')!.config, config());
		fell.runTo(sec(1821));
		expect(drops(fell).map((c) => [c.change, c.alert.severity])).toEqual([['raised', 'yellow']]);
	});

	it('stays quiet outside a busy period, unless a peak period is configured', () => {
		const quiet = drop(23, { answerRate: { busyFactor: 50 } });
		quiet.runTo(sec(1900));
		expect(drops(quiet)).toEqual([]);
		const peak = drop(23, {
			answerRate: { busyFactor: 50, peakPeriods: [{ start: '09:00', end: '10:00' }] }
		});
		peak.runTo(sec(1821));
		expect(drops(peak).map((c) => c.change)).toEqual(['raised']);
	});

	it('needs minOffered outcomes in the window', () => {
		const h = drop(23, { answerRate: { minOffered: 27 } });
		h.runTo(sec(1900));
		expect(drops(h)).toEqual([]);
	});

	it('clears by itself once the window no longer shows the drop, without flapping', () => {
		const h = drop(23);
		h.runTo(sec(3000));
		// The window starts at ⌊t ÷ 10 s⌋ × 10 s + 10 s − 15 min. Once it starts past 1061 s (t ≥ 1960 s) the
		// outcomes of c0…c6 have left it: 19 offered, under minOffered. Queue passes run on 10 s wall-clock
		// slots (1790 + 10k s), so the condition is false from 1960 s and the alert clears 120 s later, once.
		const lifecycle = drops(h).filter((c) => c.change !== 'updated');
		expect(lifecycle.map((c) => [c.change, c.atMs])).toEqual([
			['raised', sec(1821)],
			['cleared', sec(2080)]
		]);
	});
});
