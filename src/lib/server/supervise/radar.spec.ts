import { describe, expect, it } from 'vitest';
import type { AlertView } from '../../shared/protocol/alert-frames';
import type { ConsoleAgentRow } from '../../shared/protocol/team-frames';
import { consoleRow as row } from '../../shared/protocol/test-rows';
import { buildRadar } from './radar';

const alert = (alertId: string, over: Partial<AlertView>): AlertView => ({
	alertId,
	kind: 'stuck_state',
	cause: 'not_ready_over',
	subject: alertId,
	severity: 'yellow',
	state: 'active',
	queueId: 'q1',
	agentId: null,
	contactId: null,
	queueIds: ['q1'],
	sinceMs: 0,
	raisedAtMs: 0,
	updatedAtMs: 0,
	clearedAtMs: null,
	reason: { 'zh-CN': '', en: '' },
	figures: {},
	acks: [],
	snoozes: [],
	...over
});

const call = (contactId: string, over: Partial<ConsoleAgentRow['contacts'][number]> = {}) => ({
	contactId,
	queueId: 'q1',
	channel: 'voice' as const,
	status: 'talking' as const,
	sinceMs: 5_000,
	vip: false,
	answeredAtMs: 4_000,
	...over
});

describe('buildRadar', () => {
	it('turns a break overrun into force ready with the break and its limit', () => {
		const rows = [row('a1', { state: 'not_ready', reason: 'break', sinceMs: 1_000 })];
		const alerts = [
			alert('x1', { agentId: 'a1', sinceMs: 1_000, figures: { durationSec: 1022, limitSec: 900 } })
		];
		expect(buildRadar(alerts, rows)).toEqual([
			{
				alertId: 'x1',
				agentId: 'a1',
				agentName: 'a1',
				teamId: 't1',
				cause: 'not_ready_over',
				severity: 'yellow',
				startMs: 1_000,
				limitSec: 900,
				count: null,
				reason: 'break',
				contactId: null,
				action: 'force_ready'
			}
		]);
	});

	it('offers listen / barge on a long call or hold, timed from the answer or the hold', () => {
		const rows = [
			row('a1', { state: 'on_contact', contacts: [call('c1')] }),
			row('a2', { state: 'on_contact', contacts: [call('c2', { status: 'held', sinceMs: 9_000 })] })
		];
		const alerts = [
			alert('talk', {
				kind: 'long_contact',
				cause: 'talk',
				agentId: 'a1',
				contactId: 'c1',
				sinceMs: 4_000,
				figures: { limitSec: 600 }
			}),
			alert('hold', {
				kind: 'long_contact',
				cause: 'hold',
				agentId: 'a2',
				contactId: 'c2',
				sinceMs: 4_000,
				figures: { limitSec: 120 }
			})
		];
		const items = buildRadar(alerts, rows);
		expect(items.map((i) => [i.alertId, i.action, i.startMs, i.limitSec])).toEqual([
			['talk', 'supervise', 4_000, 600],
			['hold', 'supervise', 9_000, 120]
		]);
	});

	it('counts ring-outs for RONA and gives no action where none fits', () => {
		const rows = [row('a1'), row('a2', { contacts: [call('c9', { status: 'wrapup', sinceMs: 7_000 })] })];
		const alerts = [
			alert('rona', { cause: 'rona', agentId: 'a1', figures: { ronas: 3, withinSec: 900 } }),
			alert('wrap', { kind: 'long_contact', cause: 'wrap_up', agentId: 'a2', contactId: 'c9' })
		];
		const items = buildRadar(alerts, rows);
		expect(items.find((i) => i.alertId === 'rona')).toMatchObject({ count: 3, limitSec: null, action: null });
		expect(items.find((i) => i.alertId === 'wrap')).toMatchObject({ startMs: 7_000, action: null });
	});

	it('sorts red before yellow, then the oldest first', () => {
		const rows = ['a1', 'a2', 'a3', 'a4'].map((id) => row(id, { state: 'not_ready', reason: 'break' }));
		const alerts = [
			alert('y-old', { agentId: 'a1', severity: 'yellow', sinceMs: 100 }),
			alert('r-new', { agentId: 'a2', severity: 'red', sinceMs: 900 }),
			alert('r-old', { agentId: 'a3', severity: 'red', sinceMs: 200 }),
			alert('y-new', { agentId: 'a4', severity: 'yellow', sinceMs: 800 })
		];
		// The row's state start is what is measured for a not-ready overrun.
		rows.forEach((r, i) => (r.sinceMs = alerts[i]!.sinceMs));
		expect(buildRadar(alerts, rows).map((i) => i.alertId)).toEqual(['r-old', 'r-new', 'y-old', 'y-new']);
	});

	it('leaves out queue alerts, cleared alerts and agents of other teams', () => {
		const rows = [row('a1', { state: 'not_ready', reason: 'break' })];
		const alerts = [
			alert('queue', { kind: 'answer_rate_drop', cause: 'answer_rate' }),
			alert('cleared', { agentId: 'a1', state: 'cleared' }),
			alert('other', { agentId: 'b1' })
		];
		expect(buildRadar(alerts, rows)).toEqual([]);
	});
});
