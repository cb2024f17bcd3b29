import { describe, expect, it } from 'vitest';
import { ageSeconds, connectionState, dataAsOfClientMs, type ConnectionInput } from './connection-state';
import { freshness } from './test-fixtures';

const NOW = 5_000_000;
const base = (overrides: Partial<ConnectionInput> = {}): ConnectionInput => ({
	socket: 'open',
	everOpened: true,
	nowMs: NOW,
	lastFrameAtMs: NOW - 1000,
	freshness: freshness({ serverNowMs: 9_000_000, lastReceiveMs: 8_999_500 }),
	freshnessAtMs: NOW - 1000,
	awaitingSnapshot: false,
	...overrides
});

describe('connectionState', () => {
	it('is live with an open socket, recent frames and a flowing stream', () => {
		expect(connectionState(base())).toBe('live');
	});

	it('is offline once the socket closes after having been open', () => {
		expect(connectionState(base({ socket: 'closed' }))).toBe('offline');
		expect(connectionState(base({ socket: 'connecting' }))).toBe('offline');
	});

	it('does not flash offline on page load while the first connection is made', () => {
		expect(connectionState(base({ socket: 'connecting', everOpened: false }))).toBe('live');
		expect(connectionState(base({ socket: 'closed', everOpened: false, lastFrameAtMs: NOW - 6000 }))).toBe(
			'offline'
		);
	});

	it('is offline when no frame came for more than 5 s even though the socket looks open', () => {
		expect(connectionState(base({ lastFrameAtMs: NOW - 5000 }))).toBe('live');
		expect(connectionState(base({ lastFrameAtMs: NOW - 5001 }))).toBe('offline');
		expect(connectionState(base({ lastFrameAtMs: null }))).toBe('offline');
	});

	it('is recovering while the client waits for a snapshot', () => {
		expect(connectionState(base({ awaitingSnapshot: true }))).toBe('recovering');
	});

	it('is recovering while the server recovers a gap or has lost its bus', () => {
		expect(
			connectionState(base({ freshness: freshness({ gapOpen: true, serverNowMs: 1, lastReceiveMs: 1 }) }))
		).toBe('recovering');
		expect(
			connectionState(
				base({ freshness: freshness({ busConnected: false, serverNowMs: 1, lastReceiveMs: 1 }) })
			)
		).toBe('recovering');
	});

	it('is stale when the server has received nothing for more than 10 s', () => {
		const f = (gap: number) => freshness({ serverNowMs: 9_000_000, lastReceiveMs: 9_000_000 - gap });
		expect(connectionState(base({ freshness: f(10_000), freshnessAtMs: NOW }))).toBe('live');
		expect(connectionState(base({ freshness: f(10_001), freshnessAtMs: NOW }))).toBe('stale');
	});

	it('allows the silence the server says is normal for its floor (a quiet night), and no more', () => {
		const f = (gap: number, staleAfterMs?: number) =>
			freshness({
				serverNowMs: 9_000_000,
				lastReceiveMs: 9_000_000 - gap,
				...(staleAfterMs === undefined ? {} : { staleAfterMs })
			});
		expect(connectionState(base({ freshness: f(60_000, 100_000), freshnessAtMs: NOW }))).toBe('live');
		expect(connectionState(base({ freshness: f(100_001, 100_000), freshnessAtMs: NOW }))).toBe('stale');
		// A nonsense bound from a server falls back to 10 s rather than never going stale.
		expect(connectionState(base({ freshness: f(10_001, Number.NaN), freshnessAtMs: NOW }))).toBe('stale');
		expect(connectionState(base({ freshness: f(10_001, -5), freshnessAtMs: NOW }))).toBe('stale');
	});

	it('moves the server clock on by the time since its report, between heartbeats', () => {
		const f = freshness({ serverNowMs: 9_000_000, lastReceiveMs: 8_992_000 });
		expect(connectionState(base({ freshness: f, freshnessAtMs: NOW, lastFrameAtMs: NOW }))).toBe('live');
		expect(
			connectionState(base({ freshness: f, freshnessAtMs: NOW - 3000, lastFrameAtMs: NOW - 3000 }))
		).toBe('stale');
	});

	it('is stale when the server never received an event or never reported', () => {
		expect(connectionState(base({ freshness: freshness({ lastReceiveMs: null }) }))).toBe('stale');
		expect(connectionState(base({ freshness: null }))).toBe('stale');
	});

	it('ranks offline over recovering over stale', () => {
		const bad = freshness({ gapOpen: true, lastReceiveMs: null });
		expect(connectionState(base({ socket: 'closed', freshness: bad, awaitingSnapshot: true }))).toBe(
			'offline'
		);
		expect(
			connectionState(base({ freshness: freshness({ lastReceiveMs: null }), awaitingSnapshot: true }))
		).toBe('recovering');
	});
});

describe('dataAsOfClientMs and ageSeconds', () => {
	it('dates data back by how long the server had gone without an event', () => {
		const f = freshness({ serverNowMs: 9_000_000, lastReceiveMs: 8_700_000 });
		expect(dataAsOfClientMs(NOW, f)).toBe(NOW - 300_000);
		expect(ageSeconds(NOW, dataAsOfClientMs(NOW, f))).toBe(300);
	});

	it('never dates data into the future when the server clock report is odd', () => {
		const f = freshness({ serverNowMs: 9_000_000, lastReceiveMs: 9_000_500 });
		expect(dataAsOfClientMs(NOW, f)).toBe(NOW);
		expect(ageSeconds(NOW - 2000, NOW)).toBe(0);
	});

	it('counts whole seconds and has no age without data', () => {
		expect(ageSeconds(NOW + 2999, NOW)).toBe(2);
		expect(ageSeconds(NOW, null)).toBeNull();
	});
});
