import { describe, expect, it } from 'vitest';
import type { AlertView } from '$lib/shared/protocol/alert-frames';
import type { Freshness } from '$lib/shared/protocol/frames';
import { applyAlertChange } from './alert-list';
import { parseServerFrame } from './parse-frame';

const freshness: Freshness = {
	asOfMs: 1,
	serverNowMs: 2,
	busConnected: true,
	gapOpen: false,
	lastReceiveMs: 1
};

function alert(alertId: string, severity: AlertView['severity'], raisedAtMs: number): AlertView {
	return {
		alertId,
		kind: 'long_contact',
		cause: 'talk',
		subject: `long_contact|${alertId}`,
		severity,
		state: 'active',
		queueId: 'q',
		agentId: 'a',
		contactId: 'c',
		queueIds: ['q'],
		sinceMs: raisedAtMs,
		raisedAtMs,
		updatedAtMs: raisedAtMs,
		clearedAtMs: null,
		reason: { 'zh-CN': '原因', en: 'reason' },
		figures: {},
		acks: [],
		snoozes: []
	};
}

describe('alerts on a screen', () => {
	it('keeps red first, then the newest, replacing by id and dropping cleared ones', () => {
		let list = applyAlertChange([], {
			type: 'alert.v1',
			freshness,
			change: 'raised',
			alert: alert('x', 'yellow', 1)
		});
		list = applyAlertChange(list, {
			type: 'alert.v1',
			freshness,
			change: 'raised',
			alert: alert('y', 'yellow', 2)
		});
		list = applyAlertChange(list, {
			type: 'alert.v1',
			freshness,
			change: 'updated',
			alert: alert('x', 'red', 1)
		});
		expect(list.map((a) => [a.alertId, a.severity])).toEqual([
			['x', 'red'],
			['y', 'yellow']
		]);
		const cleared = { ...alert('x', 'red', 1), state: 'cleared' as const };
		list = applyAlertChange(list, { type: 'alert.v1', freshness, change: 'cleared', alert: cleared });
		expect(list.map((a) => a.alertId)).toEqual(['y']);
	});

	it('parses alert frames and rejects malformed ones', () => {
		const good = JSON.stringify({
			type: 'alerts.v1',
			view: 'alerts:default',
			freshness,
			alerts: [alert('x', 'red', 1)]
		});
		expect(parseServerFrame(good)).toMatchObject({ ok: true, frame: { type: 'alerts.v1' } });
		const bad = JSON.stringify({ type: 'alert.v1', freshness, change: 'raised', alert: { alertId: 'x' } });
		expect(parseServerFrame(bad)).toEqual({ ok: false, reason: 'bad alert.v1' });
	});
});
