import { describe, expect, it } from 'vitest';
import { LoginLimiter } from './login-limiter';
import { judgeAttempt, type LoginLimits } from './login-limits';
import { MemoryKeyValueStore } from './memory-kv';

const limits: LoginLimits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 };
const none = { count: 0, ttlMs: 0 };

describe('judgeAttempt', () => {
	it.each([
		['allows a first attempt', none, none, { allowed: true }],
		['allows the fifth attempt after four failures', { count: 4, ttlMs: 60_000 }, none, { allowed: true }],
		[
			'refuses after five failures until the account window ends',
			{ count: 5, ttlMs: 600_500 },
			none,
			{ allowed: false, retryAfterSec: 601 }
		],
		[
			'refuses after twenty failures from one address',
			none,
			{ count: 20, ttlMs: 120_000 },
			{ allowed: false, retryAfterSec: 120 }
		],
		[
			'waits for the later window when both block',
			{ count: 5, ttlMs: 60_000 },
			{ count: 25, ttlMs: 300_000 },
			{ allowed: false, retryAfterSec: 300 }
		],
		['lets through a counter expiring this instant', { count: 5, ttlMs: 0 }, none, { allowed: true }]
	])('%s', (_name, account, address, expected) => {
		expect(judgeAttempt(account, address, limits)).toEqual(expected);
	});
});

describe('LoginLimiter', () => {
	const setup = () => {
		let now = 0;
		const limiter = new LoginLimiter({ kv: new MemoryKeyValueStore(() => now), prefix: 't', limits });
		return { limiter, advance: (ms: number) => (now += ms) };
	};

	it('locks an account for what remains of the window opened by its first failure', async () => {
		const { limiter, advance } = setup();
		for (let i = 0; i < 5; i++) {
			await limiter.recordFailure('alice', `10.0.0.${i}`);
			advance(60_000);
		}
		// First failure at 0, now 5 min later: 10 min of the 15 remain.
		expect(await limiter.check('alice', '10.0.0.9')).toEqual({ allowed: false, retryAfterSec: 600 });
		expect(await limiter.check('bob', '10.0.0.9')).toEqual({ allowed: true });
		advance(600_000);
		expect(await limiter.check('alice', '10.0.0.9')).toEqual({ allowed: true });
	});

	it('locks an address that fails across many accounts', async () => {
		const { limiter } = setup();
		for (let i = 0; i < 20; i++) await limiter.recordFailure(`user${i}`, '10.0.0.1');
		expect(await limiter.check('someone-else', '10.0.0.1')).toEqual({ allowed: false, retryAfterSec: 900 });
		expect(await limiter.check('someone-else', '10.0.0.2')).toEqual({ allowed: true });
	});

	it('forgets an account’s failures after a correct password', async () => {
		const { limiter } = setup();
		for (let i = 0; i < 4; i++) await limiter.recordFailure('alice', '10.0.0.1');
		await limiter.recordSuccess('alice');
		await limiter.recordFailure('alice', '10.0.0.1');
		expect(await limiter.check('alice', '10.0.0.1')).toEqual({ allowed: true });
	});
});
