import { describe, expect, it } from 'vitest';
import { judgeSession, TOUCH_INTERVAL_MS, type SessionPolicy } from './session-policy';
import { testAuth } from './test-auth';

const policy: SessionPolicy = { idleMs: 30 * 60_000, absoluteMs: 8 * 3_600_000 };
const min = 60_000;

describe('judgeSession', () => {
	it.each([
		['keeps a session used a moment ago without writing', 0, 10_000, { valid: true, touch: false }],
		['records a use after the touch interval', 0, TOUCH_INTERVAL_MS, { valid: true, touch: true }],
		['ends a session idle for the idle limit', 0, 30 * min, { valid: false, reason: 'idle' }],
		[
			'ends a busy session at the absolute limit',
			8 * 60 * min - min,
			8 * 60 * min,
			{ valid: false, reason: 'expired' }
		]
	])('%s', (_name, lastSeenMs, now, expected) => {
		expect(judgeSession({ createdAtMs: 0, lastSeenMs }, now, policy)).toMatchObject(expected);
	});

	it('never lets the store keep a session past its absolute deadline', () => {
		const now = 8 * 60 * min - 10 * min;
		const verdict = judgeSession({ createdAtMs: 0, lastSeenMs: now - 5 * min }, now, policy);
		expect(verdict).toEqual({ valid: true, touch: true, ttlMs: 10 * min });
	});
});

describe('SessionStore', () => {
	it('keeps a session alive while it is used and ends it after idling', async () => {
		const { auth, advance } = testAuth();
		const { id } = await auth.sessions.create('u1');
		for (let i = 0; i < 4; i++) {
			advance(20 * min);
			expect(await auth.sessions.resume(id)).not.toBeNull();
		}
		advance(31 * min);
		expect(await auth.sessions.resume(id)).toBeNull();
	});

	it('ends a session at the absolute limit however busy it is', async () => {
		const { auth, advance } = testAuth();
		const { id } = await auth.sessions.create('u1');
		for (let elapsed = 0; elapsed < 8 * 60 * min - 20 * min; elapsed += 20 * min) {
			advance(20 * min);
			expect(await auth.sessions.resume(id)).not.toBeNull();
		}
		advance(20 * min);
		expect(await auth.sessions.resume(id)).toBeNull();
	});

	it('forgets a deleted session and ignores values it never issued', async () => {
		const { auth } = testAuth();
		const { id } = await auth.sessions.create('u1');
		await auth.sessions.delete(id);
		expect(await auth.sessions.resume(id)).toBeNull();
		expect(await auth.sessions.resume('not-a-session')).toBeNull();
	});
});
