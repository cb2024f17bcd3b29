import { describe, expect, it } from 'vitest';
import { AlertHarness, sec } from './test-harness';

const kinds = (changes: ReturnType<AlertHarness['runTo']>) =>
	changes.map((c) => [c.change, c.alert.kind, c.alert.cause, c.alert.severity]);

describe('stuck-state alerts', () => {
	it('raises when a break overruns its 15 min limit, and turns red at 1.5 ×', () => {
		const h = new AlertHarness();
		h.b.login('a1', { queues: ['neg'] });
		h.b.ready('a1');
		h.b.state('a1', 'not_ready', 'break');
		h.flush();
		expect(h.runTo(sec(905))).toEqual([]);
		const raised = h.runTo(sec(906));
		expect(kinds(raised)).toEqual([['raised', 'stuck_state', 'not_ready_over', 'yellow']]);
		expect(raised[0]!.alert.reason).toEqual({
			'zh-CN': '坐席 Agent a1 未就绪（小休）15:06（上限 15:00）',
			en: 'Agent a1 not ready (break) for 15:06 (limit 15:00)'
		});
		expect(kinds(h.runTo(sec(1356)))).toContainEqual(['updated', 'stuck_state', 'not_ready_over', 'red']);
	});

	it('reads not-ready limits from the set-up: lunch is allowed 60 min, a reason without a limit never alerts', () => {
		const h = new AlertHarness();
		h.b.login('a1', { queues: ['neg'] });
		h.b.ready('a1');
		h.b.state('a1', 'not_ready', 'lunch');
		h.b.login('a2', { queues: ['neg'] });
		h.b.ready('a2');
		h.b.state('a2', 'not_ready', 'meeting');
		h.flush();
		expect(h.runTo(sec(3605))).toEqual([]);
		expect(kinds(h.runTo(sec(3606)))).toEqual([['raised', 'stuck_state', 'not_ready_over', 'yellow']]);
	});

	it('raises on a contact ringing over 20 s and clears once it is answered', () => {
		const h = new AlertHarness();
		h.b.login('a1', { queues: ['neg'] });
		h.b.ready('a1');
		h.b.queued('c1', 'neg');
		h.b.ringing('c1', 'a1');
		h.flush();
		expect(h.runTo(sec(25))).toEqual([]);
		const raised = h.runTo(sec(26));
		expect(kinds(raised)).toEqual([['raised', 'stuck_state', 'ringing', 'yellow']]);
		expect(raised[0]!.alert.reason.en).toBe('Agent a1 ringing for 0:26 without answering (limit 0:20)');
		// Answered at 30 s: false from that pass on, cleared 10 s later.
		h.b.at(sec(30)).answered('c1', 'a1');
		expect(h.runTo(sec(39)).filter((c) => c.change !== 'updated')).toEqual([]);
		expect(kinds(h.runTo(sec(40)))).toEqual([['cleared', 'stuck_state', 'ringing', 'yellow']]);
	});

	it('raises on repeated ring-outs (2 in 30 min) and clears when the first ages out of the window', () => {
		const h = new AlertHarness();
		h.b.login('a1', { queues: ['neg'] });
		h.b.ready('a1');
		for (const [contactId, atSec] of [
			['c1', 0],
			['c2', 100]
		] as const) {
			h.b.at(sec(atSec)).queued(contactId, 'neg');
			h.b.ringing(contactId, 'a1');
			h.b.at(sec(atSec + 10)).rona(contactId, 'a1');
			h.b.abandoned(contactId);
		}
		expect(h.runTo(sec(114))).toEqual([]);
		const raised = h.runTo(sec(115));
		expect(kinds(raised)).toEqual([['raised', 'stuck_state', 'rona', 'yellow']]);
		expect(raised[0]!.alert.reason).toEqual({
			'zh-CN': '坐席 Agent a1 近 30 分钟振铃未接 2 次',
			en: 'Agent a1 let 2 contacts ring out in the last 30 min'
		});
		// The first ring-out (10 s) leaves the 30 min window at 1810 s; cleared 10 s later.
		expect(h.runTo(sec(1820))).toEqual([]);
		expect(kinds(h.runTo(sec(1821)))).toEqual([['cleared', 'stuck_state', 'rona', 'yellow']]);
	});

	it('raises on an agent staffed 10 min and never ready, and clears once the agent is ready', () => {
		const h = new AlertHarness();
		h.b.login('a1', { queues: ['neg'] });
		h.flush();
		expect(h.runTo(sec(605))).toEqual([]);
		const raised = h.runTo(sec(606));
		expect(kinds(raised)).toEqual([['raised', 'stuck_state', 'never_ready', 'yellow']]);
		expect(raised[0]!.alert.reason).toEqual({
			'zh-CN': '坐席 Agent a1 签入 10:06 从未就绪',
			en: 'Agent a1 staffed for 10:06 and never ready'
		});
		h.b.at(sec(700)).ready('a1');
		const after = h.runTo(sec(710)).filter((c) => c.change !== 'updated');
		expect(kinds(after)).toEqual([['cleared', 'stuck_state', 'never_ready', 'yellow']]);
		expect(h.changes.find((c) => c.change === 'cleared')?.atMs).toBe(sec(710));
	});

	it('keeps one alert per agent whatever holds: the cause moves from ring-outs to a break overrun', () => {
		const h = new AlertHarness();
		h.b.login('a1', { queues: ['neg'] });
		h.b.ready('a1');
		for (const [contactId, atSec] of [
			['c1', 0],
			['c2', 100]
		] as const) {
			h.b.at(sec(atSec)).queued(contactId, 'neg');
			h.b.ringing(contactId, 'a1');
			h.b.at(sec(atSec + 10)).rona(contactId, 'a1');
			h.b.abandoned(contactId);
		}
		h.b.at(sec(120)).state('a1', 'not_ready', 'break');
		h.runTo(sec(1900));
		expect(h.changes.filter((c) => c.change === 'raised')).toHaveLength(1);
		expect(h.changes.filter((c) => c.change === 'cleared')).toHaveLength(0);
		expect(h.active().map((a) => [a.cause, a.severity])).toEqual([['not_ready_over', 'red']]);
	});
});
