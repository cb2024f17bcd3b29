import { describe, expect, it } from 'vitest';
import { IngestStats } from '../ingest/stats';
import { opsMetricFamilies, type OpsSnapshot } from './ops-metrics';
import { renderPrometheus } from './prometheus';

const T = Date.UTC(2026, 11, 1, 2, 0, 0);

function snapshot(overrides: Partial<OpsSnapshot> = {}): OpsSnapshot {
	const ingest = Object.assign(new IngestStats(), { eventsApplied: 120, lastReceiveMs: T - 1_500 });
	return {
		nowMs: T,
		buildId: 'b1',
		mode: 'redis',
		startedAtMs: T - 90_000,
		ready: true,
		freshness: {
			asOfMs: T - 2_250,
			serverNowMs: T,
			busConnected: true,
			gapOpen: false,
			lastReceiveMs: T - 1_500
		},
		ingest,
		rejected: { too_large: 1, not_json: 3 },
		floor: { eventsApplied: 120, anomalies: {}, agents: 25, openContacts: 4, supervisions: 1 },
		realtime: {
			connections: 3,
			views: 2,
			framesSent: 40,
			bytesSent: 4096,
			snapshotsSent: 3,
			slowClientSkips: 0,
			rejectedUpgrades: 1
		},
		alerts: [
			{ kind: 'long_contact', severity: 'red' },
			{ kind: 'long_contact', severity: 'red' },
			{ kind: 'stuck_state', severity: 'yellow' }
		],
		supervisionPending: 0,
		process: {
			residentBytes: 1e8,
			heapUsedBytes: 5e7,
			eventLoopDelayP99Sec: 0.012,
			eventLoopDelayMaxSec: 0.04
		},
		...overrides
	};
}

const lines = (s: OpsSnapshot) => renderPrometheus(opsMetricFamilies(s)).split('\n');

describe('ops metrics', () => {
	it('says how old the floor is: server clock minus the newest event time, and since the last message', () => {
		const text = lines(snapshot());
		expect(text).toContain('ccwall_event_age_seconds 2.25');
		expect(text).toContain('ccwall_last_receive_age_seconds 1.5');
		expect(text).toContain('ccwall_uptime_seconds 90');
		expect(text).toContain('ccwall_ready 1');
		expect(text).toContain('ccwall_gap_open 0');
	});

	it('is NaN for ages before the first event, not a misleading 0', () => {
		const fresh = snapshot({
			freshness: { asOfMs: null, serverNowMs: T, busConnected: true, gapOpen: false, lastReceiveMs: null },
			ingest: new IngestStats()
		});
		expect(lines(fresh)).toContain('ccwall_event_age_seconds NaN');
		expect(lines(fresh)).toContain('ccwall_last_receive_age_seconds NaN');
	});

	it('counts rejections by reason, sorted, and every alert kind × severity with zeros', () => {
		const text = lines(snapshot());
		expect(text.filter((l) => l.startsWith('ccwall_events_rejected_total'))).toEqual([
			'ccwall_events_rejected_total{reason="not_json"} 3',
			'ccwall_events_rejected_total{reason="too_large"} 1'
		]);
		const alerts = text.filter((l) => l.startsWith('ccwall_alerts_active{'));
		expect(alerts).toHaveLength(8);
		expect(alerts).toContain('ccwall_alerts_active{kind="long_contact",severity="red"} 2');
		expect(alerts).toContain('ccwall_alerts_active{kind="stuck_state",severity="yellow"} 1');
		expect(alerts).toContain('ccwall_alerts_active{kind="answer_rate_drop",severity="red"} 0');
	});

	it('types every family, counters ending in _total', () => {
		for (const family of opsMetricFamilies(snapshot())) {
			expect(family.type === 'counter').toBe(family.name.endsWith('_total'));
		}
	});
});
