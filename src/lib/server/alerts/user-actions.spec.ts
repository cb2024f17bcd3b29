import { describe, expect, it } from 'vitest';
import { AlertHarness, sec } from './test-harness';
import { AckBody, acknowledge, listAlerts, snooze, SnoozeBody } from './user-actions';

function withLongCall(): AlertHarness {
	const h = new AlertHarness();
	h.b.login('a1', { queues: ['neg'] });
	h.b.queued('c1', 'neg');
	h.b.answered('c1', 'a1');
	h.flush();
	h.runTo(sec(610));
	return h;
}

describe('acknowledge and snooze', () => {
	it('records who acknowledged and when, once per user, keeping the severity seen', () => {
		const h = withLongCall();
		const [alert] = h.active();
		acknowledge(h.alerts, alert!.alertId, 'li.si', sec(611));
		acknowledge(h.alerts, alert!.alertId, 'wang.wu', sec(612));
		const again = acknowledge(h.alerts, alert!.alertId, 'li.si', sec(613));
		expect(again.ok && again.change.alert.acks).toEqual([
			{ user: 'wang.wu', atMs: sec(612), severity: 'yellow' },
			{ user: 'li.si', atMs: sec(613), severity: 'yellow' }
		]);
	});

	it('hides a snoozed alert from that user only, until the snooze ends', () => {
		const h = withLongCall();
		const [alert] = h.active();
		const result = snooze(h.alerts, alert!.alertId, { user: 'li.si', minutes: 5 }, sec(611));
		expect(result.ok && result.change.alert.snoozes).toEqual([{ user: 'li.si', untilMs: sec(911) }]);
		expect(listAlerts(h.alerts, { user: 'li.si' }, sec(700))).toEqual([]);
		expect(listAlerts(h.alerts, { user: 'wang.wu' }, sec(700))).toHaveLength(1);
		expect(listAlerts(h.alerts, {}, sec(700))).toHaveLength(1);
		expect(listAlerts(h.alerts, { user: 'li.si' }, sec(911))).toHaveLength(1);
	});

	it('says 404 for an unknown alert and 400 for a snooze that is not in the future', () => {
		const h = withLongCall();
		expect(acknowledge(h.alerts, 'al-nope', 'li.si', sec(611))).toMatchObject({ ok: false, status: 404 });
		const [alert] = h.active();
		expect(snooze(h.alerts, alert!.alertId, { user: 'li.si', untilMs: sec(600) }, sec(611))).toMatchObject({
			ok: false,
			status: 400,
			field: 'untilMs'
		});
	});

	it('validates bodies: a user is required, minutes or untilMs but not both', () => {
		expect(AckBody.safeParse({}).error?.issues[0]?.path).toEqual(['user']);
		expect(AckBody.safeParse({ user: '  ' }).success).toBe(false);
		expect(AckBody.safeParse({ user: '张三' }).success).toBe(true);
		expect(SnoozeBody.safeParse({ user: 'li.si' }).error?.issues[0]?.message).toBe(
			'give either minutes or untilMs'
		);
		expect(SnoozeBody.safeParse({ user: 'li.si', minutes: 0 }).error?.issues[0]?.path).toEqual(['minutes']);
		expect(SnoozeBody.safeParse({ user: 'li.si', minutes: 10, untilMs: 1 }).success).toBe(false);
	});

	it('filters by queue, kind, severity and state', () => {
		const h = withLongCall();
		expect(listAlerts(h.alerts, { queueIds: ['neg'] }, sec(611))).toHaveLength(1);
		expect(listAlerts(h.alerts, { queueIds: ['ign'] }, sec(611))).toHaveLength(0);
		expect(listAlerts(h.alerts, { kind: 'stuck_state' }, sec(611))).toHaveLength(0);
		expect(listAlerts(h.alerts, { severity: 'red' }, sec(611))).toHaveLength(0);
		expect(listAlerts(h.alerts, { state: 'cleared' }, sec(611))).toHaveLength(0);
	});
});
