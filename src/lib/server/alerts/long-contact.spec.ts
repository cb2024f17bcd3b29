import { describe, expect, it } from 'vitest';
import { AlertHarness, sec, T0 } from './test-harness';

/** Test centre defaults: talk 600 / 900 s, hold 60 / 120 s, wrap-up 60 / 120 s; raise 5 s, clear 10 s. */
function talking(): AlertHarness {
	const h = new AlertHarness();
	h.b.login('a1', { name: '张三', queues: ['neg'] });
	h.b.ready('a1');
	h.b.queued('c1', 'neg');
	h.b.answered('c1', 'a1');
	h.flush();
	return h;
}

describe('long contact alerts', () => {
	it('raises raiseAfterSec after talk passes the yellow limit, not before', () => {
		const h = talking();
		// Talk is over 600 s from 600.001 s on; the condition holds from the 601 s pass.
		expect(h.runTo(sec(605))).toEqual([]);
		const raised = h.runTo(sec(606));
		expect(raised.map((c) => [c.change, c.alert.kind, c.alert.cause, c.alert.severity])).toEqual([
			['raised', 'long_contact', 'talk', 'yellow']
		]);
		expect(raised[0]!.alert).toMatchObject({
			queueId: 'neg',
			agentId: 'a1',
			contactId: 'c1',
			subject: 'long_contact|c1|a1',
			sinceMs: sec(601),
			raisedAtMs: sec(606)
		});
		expect(raised[0]!.alert.reason).toEqual({
			'zh-CN': '负 坐席 张三 通话 10:06（上限 10:00）',
			en: '负: 张三 talking for 10:06 (limit 10:00)'
		});
	});

	it('escalates the same alert to red once talk has been over the red limit raiseAfterSec', () => {
		const h = talking();
		h.runTo(sec(900));
		const changes = h.runTo(sec(906));
		expect(changes.map((c) => [c.change, c.alert.severity])).toEqual([['updated', 'red']]);
		expect(h.active()).toHaveLength(1);
		expect(h.changes.filter((c) => c.change === 'raised')).toHaveLength(1);
	});

	it('raises at red straight away when the first it hears of a call is past the red limit', () => {
		const h = new AlertHarness();
		h.b.login('a1', { queues: ['neg'] });
		h.b.queued('c1', 'neg');
		h.b.answered('c1', 'a1');
		h.flush();
		h.nowMs = sec(1000);
		const changes = h.runFor(6);
		expect(changes.map((c) => [c.change, c.alert.severity])).toEqual([['raised', 'red']]);
	});

	it('clears clearAfterSec after the call ends and wrap-up is short', () => {
		const h = talking();
		h.runTo(sec(700));
		h.b.at(sec(700)).ended('c1', 'a1');
		h.b.at(sec(720)).wrapped('c1', 'a1');
		// Ended at 700 s: wrap-up is 0 s, under its limit, so the condition is false from the 701 s pass.
		expect(h.runTo(sec(710))).toEqual([]);
		const cleared = h.runTo(sec(711));
		expect(cleared.map((c) => [c.change, c.alert.state])).toEqual([['cleared', 'cleared']]);
		expect(cleared[0]!.alert.clearedAtMs).toBe(sec(711));
		expect(h.active()).toEqual([]);
	});

	it('alerts on a hold over its limit, timed from the start of this hold', () => {
		const h = talking();
		h.b.at(sec(100)).held('c1');
		const changes = h.runTo(sec(166));
		expect(changes.map((c) => [c.change, c.alert.cause, c.alert.severity])).toEqual([
			['raised', 'hold', 'yellow']
		]);
		expect(changes[0]!.alert.reason.en).toBe('负: 张三 on hold for 1:06 (limit 1:00)');
		expect(changes[0]!.alert.reason['zh-CN']).toBe('负 坐席 张三 保持 1:06（上限 1:00）');
	});

	it('alerts on a long wrap-up', () => {
		const h = talking();
		h.b.at(sec(60)).ended('c1', 'a1');
		const changes = h.runTo(sec(126));
		expect(changes.map((c) => [c.change, c.alert.cause])).toEqual([['raised', 'wrap_up']]);
		expect(changes[0]!.alert.reason.en).toBe('负: 张三 in wrap-up for 1:06 (limit 1:00)');
	});

	it('reads the limits from the queue config at evaluation time', () => {
		const h = talking();
		h.runTo(sec(100));
		const config = h.floor.queues.get('neg')!.config;
		h.floor.queues.get('neg')!.config = {
			...config,
			limits: { ...config.limits, talk: { yellowSec: 60, redSec: 1200 } }
		};
		const changes = h.runTo(sec(106));
		expect(changes.map((c) => [c.change, c.alert.cause, c.alert.figures.limitSec])).toEqual([
			['raised', 'talk', 60]
		]);
	});

	it('keeps one alert per contact while it holds: no duplicates pass after pass', () => {
		const h = talking();
		h.runTo(sec(890));
		expect(h.changes.filter((c) => c.change === 'raised')).toHaveLength(1);
		expect(h.active()).toHaveLength(1);
	});

	it('sends the ticking numbers at most every refreshEveryMs', () => {
		const h = talking();
		h.runTo(sec(660));
		const updates = h.changes.filter((c) => c.change === 'updated');
		// Raised at 606 s; refreshed at 621, 636, 651 s.
		expect(updates.map((c) => (c.atMs - T0) / 1000)).toEqual([621, 636, 651]);
	});
});
