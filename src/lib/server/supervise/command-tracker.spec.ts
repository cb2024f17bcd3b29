import { describe, expect, it } from 'vitest';
import { CommandTracker, NO_ANSWER } from './command-tracker';

/** A hand-driven clock and timer queue: time moves only when the test says so. */
function manualTime() {
	let now = 1_000;
	const timers: Array<{ at: number; fn: () => void; cancelled: boolean }> = [];
	return {
		clock: () => now,
		schedule: (fn: () => void, ms: number) => {
			const timer = { at: now + ms, fn, cancelled: false };
			timers.push(timer);
			return () => (timer.cancelled = true);
		},
		advance(ms: number) {
			now += ms;
			for (const t of timers) {
				if (t.cancelled || t.at > now) continue;
				t.cancelled = true;
				t.fn();
			}
		}
	};
}

describe('CommandTracker', () => {
	it('settles a command with the result carrying its id, with the platform session and the time taken', async () => {
		const time = manualTime();
		const tracker = new CommandTracker({ ...time, timeoutMs: 10_000 });
		const outcome = tracker.track('cmd-1');
		time.advance(250);
		expect(tracker.settle({ v: 1, commandId: 'cmd-1', ok: true, sessionId: 's-9' })).toBe(true);
		await expect(outcome).resolves.toEqual({
			status: 'succeeded',
			commandId: 'cmd-1',
			sessionId: 's-9',
			durationMs: 250
		});
		expect(tracker.pendingCount).toBe(0);
	});

	it("fails a command with the platform's error", async () => {
		const time = manualTime();
		const tracker = new CommandTracker({ ...time, timeoutMs: 10_000 });
		const outcome = tracker.track('cmd-2');
		tracker.settle({ v: 1, commandId: 'cmd-2', ok: false, error: 'agent not on a call' });
		await expect(outcome).resolves.toMatchObject({
			status: 'failed',
			error: 'agent not on a call',
			timedOut: false
		});
	});

	it('fails with "no answer from the platform" when the timeout passes without a result', async () => {
		const time = manualTime();
		const tracker = new CommandTracker({ ...time, timeoutMs: 10_000 });
		const outcome = tracker.track('cmd-3');
		time.advance(9_999);
		expect(tracker.pendingCount).toBe(1);
		time.advance(1);
		await expect(outcome).resolves.toEqual({
			status: 'failed',
			commandId: 'cmd-3',
			error: NO_ANSWER,
			timedOut: true,
			durationMs: 10_000
		});
	});

	it('ignores a result that comes after the timeout, so a failure never turns into a success', async () => {
		const time = manualTime();
		const tracker = new CommandTracker({ ...time, timeoutMs: 500 });
		const outcome = tracker.track('cmd-4');
		time.advance(500);
		expect(tracker.settle({ v: 1, commandId: 'cmd-4', ok: true })).toBe(false);
		await expect(outcome).resolves.toMatchObject({ status: 'failed', timedOut: true });
	});

	it('ignores results for commands it did not send', () => {
		const tracker = new CommandTracker({ ...manualTime(), timeoutMs: 500 });
		expect(tracker.settle({ v: 1, commandId: 'someone-else', ok: true })).toBe(false);
	});

	it('settles each command once even when the platform answers twice', async () => {
		const time = manualTime();
		const tracker = new CommandTracker({ ...time, timeoutMs: 500 });
		const outcome = tracker.track('cmd-5');
		expect(tracker.settle({ v: 1, commandId: 'cmd-5', ok: false, error: 'busy' })).toBe(true);
		expect(tracker.settle({ v: 1, commandId: 'cmd-5', ok: true })).toBe(false);
		await expect(outcome).resolves.toMatchObject({ status: 'failed', error: 'busy' });
	});
});
