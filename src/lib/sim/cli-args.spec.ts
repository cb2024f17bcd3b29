import { describe, expect, it } from 'vitest';
import { parseCli } from './cli-args';

describe('parseCli', () => {
	it('uses the documented defaults, the environment before them', () => {
		expect(parseCli([], {}, 99)).toEqual({
			kind: 'run',
			options: {
				redisUrl: 'redis://127.0.0.1:6379',
				pubsub: 'classic',
				prefix: 'cc',
				agents: 300,
				speed: 1,
				seed: 99,
				setupPath: 'config/centre.example.json',
				durationSec: null,
				writeLog: true,
				logMaxLen: 2_000_000,
				source: 'sim',
				timeZone: 'Asia/Shanghai',
				days: null
			}
		});
		const fromEnv = parseCli([], { REDIS_URL: 'redis://r:1', CC_PREFIX: 'x', TZ_CENTRE: 'Europe/Paris' }, 1);
		expect(fromEnv).toMatchObject({
			options: { redisUrl: 'redis://r:1', prefix: 'x', timeZone: 'Europe/Paris' }
		});
	});

	it('reads every flag', () => {
		const argv = [
			'--redis',
			'rediss://h:6380',
			'--prefix',
			'cc:{sq1}',
			'--pubsub',
			'sharded',
			'--agents',
			'25000',
			'--speed',
			'10',
			'--seed',
			'7',
			'--setup',
			'x.json',
			'--duration',
			'30',
			'--no-log',
			'--source',
			'pbx2',
			'--tz',
			'UTC',
			'--log-max',
			'5000'
		];
		expect(parseCli(argv, { REDIS_URL: 'redis://ignored' }, 1)).toEqual({
			kind: 'run',
			options: {
				redisUrl: 'rediss://h:6380',
				pubsub: 'sharded',
				prefix: 'cc:{sq1}',
				agents: 25000,
				speed: 10,
				seed: 7,
				setupPath: 'x.json',
				durationSec: 30,
				writeLog: false,
				logMaxLen: 5000,
				source: 'pbx2',
				timeZone: 'UTC',
				days: null
			}
		});
	});

	it.each([
		[['--agents', 'many'], /--agents "many": must be an integer/],
		[['--agents', '0'], /--agents/],
		[['--speed', '-1'], /--speed/],
		[['--duration', '0'], /--duration/],
		[['--tz', 'Nowhere/Else'], /--tz "Nowhere\/Else"/],
		[['--redis', 'localhost'], /--redis/],
		[['--pubsub', 'fast'], /--pubsub "fast": must be classic or sharded/],
		[['--frobnicate'], /frobnicate/],
		[['stray'], /stray/]
	])('rejects %j with a message naming the flag', (argv, message) => {
		const parsed = parseCli(argv, {}, 1);
		expect(parsed.kind).toBe('error');
		expect(parsed.kind === 'error' && parsed.message).toMatch(message);
	});

	it('asks for help', () => {
		expect(parseCli(['-h'], {}, 1)).toEqual({ kind: 'help' });
	});

	it('takes --days for a backfill and refuses a fraction or a zero', () => {
		expect(parseCli(['--days', '14'], {}, 1)).toMatchObject({ kind: 'run', options: { days: 14 } });
		expect(parseCli(['--days', '1.5'], {}, 1)).toMatchObject({ kind: 'error' });
		expect(parseCli(['--days', '0'], {}, 1)).toMatchObject({
			kind: 'error',
			message: expect.stringContaining('--days')
		});
	});
});
