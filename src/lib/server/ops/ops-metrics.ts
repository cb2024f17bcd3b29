import {
	ALERT_KINDS,
	ALERT_SEVERITIES,
	type AlertKind,
	type AlertSeverity
} from '../../shared/protocol/alert-frames';
import type { Freshness } from '../../shared/protocol/frames';
import type { IngestStats } from '../ingest/stats';
import type { HubStats } from '../realtime/hub';
import type { MetricFamily } from './prometheus';

/** What one scrape reads of a running server; gathered by the shell, turned into families here. */
export interface OpsSnapshot {
	/** Wall clock of the scrape, epoch ms. */
	nowMs: number;
	buildId: string;
	mode: 'redis' | 'embedded';
	startedAtMs: number;
	ready: boolean;
	freshness: Freshness;
	ingest: IngestStats;
	/** Rejected inbound items by reason, since start. */
	rejected: Record<string, number>;
	floor: {
		eventsApplied: number;
		anomalies: Record<string, number>;
		agents: number;
		openContacts: number;
		supervisions: number;
	};
	realtime: HubStats;
	alerts: ReadonlyArray<{ kind: AlertKind; severity: AlertSeverity }>;
	supervisionPending: number;
	process: {
		residentBytes: number;
		heapUsedBytes: number;
		eventLoopDelayP99Sec: number;
		eventLoopDelayMaxSec: number;
	};
}

const PREFIX = 'ccwall_';

const one = (name: string, type: MetricFamily['type'], help: string, value: number): MetricFamily => ({
	name: PREFIX + name,
	help,
	type,
	samples: [{ value }]
});

const byLabel = (
	name: string,
	type: MetricFamily['type'],
	help: string,
	label: string,
	values: Record<string, number>
): MetricFamily => ({
	name: PREFIX + name,
	help,
	type,
	samples: Object.entries(values)
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([key, value]) => ({ labels: { [label]: key }, value }))
});

const seconds = (ms: number): number => ms / 1000;

/**
 * The server's own health as Prometheus families, named `ccwall_*`: how current the floor is (the figure
 * an operator alerts on: `ccwall_event_age_seconds`), what ingest saw and refused, what the WebSocket
 * fan-out sends, the alerts standing, and the process. Counters count since the process started.
 */
export function opsMetricFamilies(s: OpsSnapshot): MetricFamily[] {
	const { freshness, ingest } = s;
	// Every kind × severity, zeros included, so an alert rule on a missing series never goes silent.
	const alertSamples = ALERT_KINDS.flatMap((kind) =>
		ALERT_SEVERITIES.map((severity) => ({
			labels: { kind, severity },
			value: s.alerts.filter((a) => a.kind === kind && a.severity === severity).length
		}))
	);
	return [
		{
			name: `${PREFIX}build_info`,
			help: 'The running build and mode (value always 1).',
			type: 'gauge',
			samples: [{ labels: { build: s.buildId, mode: s.mode }, value: 1 }]
		},
		one('uptime_seconds', 'gauge', 'Seconds since the server started.', seconds(s.nowMs - s.startedAtMs)),
		one(
			'ready',
			'gauge',
			'1 when the bus is connected and the first catch-up is done (as /readyz).',
			+s.ready
		),
		one('bus_connected', 'gauge', '1 while Redis is connected and subscribed.', +freshness.busConnected),
		one('gap_open', 'gauge', '1 while a sequence gap or reconnect is being recovered.', +freshness.gapOpen),
		one(
			'event_age_seconds',
			'gauge',
			'Server clock minus the event time of the newest event applied (NaN before the first).',
			freshness.asOfMs === null ? NaN : seconds(freshness.serverNowMs - freshness.asOfMs)
		),
		one(
			'stale_after_seconds',
			'gauge',
			'Silence on the bus after which boards call the stream stopped (adapts to the traffic).',
			seconds(freshness.staleAfterMs ?? 10_000)
		),
		one(
			'last_receive_age_seconds',
			'gauge',
			'Seconds since the last message of any kind arrived on the bus (NaN before the first).',
			ingest.lastReceiveMs === null ? NaN : seconds(s.nowMs - ingest.lastReceiveMs)
		),
		one('messages_received_total', 'counter', 'Bus messages received.', ingest.messagesReceived),
		one(
			'events_received_total',
			'counter',
			'Events received (a batch counts each item).',
			ingest.eventsReceived
		),
		one('events_applied_total', 'counter', 'Events applied to the floor.', ingest.eventsApplied),
		one(
			'events_from_log_total',
			'counter',
			'Events read from the log stream while recovering.',
			ingest.eventsFromLog
		),
		one('events_duplicate_total', 'counter', 'Events dropped as already seen (same id).', ingest.duplicates),
		byLabel(
			'events_rejected_total',
			'counter',
			'Inbound items rejected and dead-lettered, by reason.',
			'reason',
			s.rejected
		),
		one('gaps_detected_total', 'counter', 'Sequence gaps detected.', ingest.gapsDetected),
		one('gaps_recovered_total', 'counter', 'Gaps closed from the log or a snapshot.', ingest.gapsRecovered),
		one(
			'gaps_unrecovered_total',
			'counter',
			'Gaps given up on (figures may be off).',
			ingest.gapsUnrecovered
		),
		one(
			'snapshot_requests_total',
			'counter',
			'snapshot.request commands sent to the platform.',
			ingest.snapshotRequests
		),
		one('bus_disconnects_total', 'counter', 'Times the bus connection dropped.', ingest.disconnects),
		one(
			'apply_errors_total',
			'counter',
			'Events whose application threw (kept out, counted).',
			ingest.applyErrors
		),
		byLabel(
			'floor_anomalies_total',
			'counter',
			'Events that made no sense where they arrived (applied as far as sensible), by kind.',
			'kind',
			s.floor.anomalies
		),
		one('floor_agents', 'gauge', 'Agents the floor knows.', s.floor.agents),
		one(
			'floor_open_contacts',
			'gauge',
			'Contacts waiting, ringing, connected or in wrap-up.',
			s.floor.openContacts
		),
		one('floor_supervisions', 'gauge', 'Supervision sessions live on the floor.', s.floor.supervisions),
		one('ws_connections', 'gauge', 'Open WebSocket connections.', s.realtime.connections),
		one('ws_views', 'gauge', 'Board views kept (watched, or idle and resumable).', s.realtime.views),
		one('ws_frames_sent_total', 'counter', 'Frames sent to sockets.', s.realtime.framesSent),
		one('ws_bytes_sent_total', 'counter', 'Bytes of frames sent to sockets.', s.realtime.bytesSent),
		one(
			'ws_snapshots_sent_total',
			'counter',
			'Snapshots sent (subscribe, resume miss, slow client).',
			s.realtime.snapshotsSent
		),
		one(
			'ws_slow_client_skips_total',
			'counter',
			'Patches skipped for sockets too far behind.',
			s.realtime.slowClientSkips
		),
		one(
			'ws_rejected_upgrades_total',
			'counter',
			'WebSocket upgrades refused (origin, auth, limits).',
			s.realtime.rejectedUpgrades
		),
		{
			name: `${PREFIX}alerts_active`,
			help: 'Alerts standing now, by kind and severity.',
			type: 'gauge',
			samples: alertSamples
		},
		one(
			'supervision_commands_pending',
			'gauge',
			'Commands sent and not yet answered by the platform.',
			s.supervisionPending
		),
		one('process_resident_memory_bytes', 'gauge', 'Resident set size.', s.process.residentBytes),
		one('process_heap_used_bytes', 'gauge', 'V8 heap in use.', s.process.heapUsedBytes),
		one(
			'event_loop_delay_p99_seconds',
			'gauge',
			'99th percentile of event-loop delay since the previous scrape.',
			s.process.eventLoopDelayP99Sec
		),
		one(
			'event_loop_delay_max_seconds',
			'gauge',
			'Longest event-loop delay since the previous scrape.',
			s.process.eventLoopDelayMaxSec
		)
	];
}
