import { parseArgs } from 'node:util';

export interface CliOptions {
	redisUrl: string;
	/** PUBLISH (`classic`) or SPUBLISH (`sharded`), as the wallboard's REDIS_PUBSUB. */
	pubsub: 'classic' | 'sharded';
	prefix: string;
	agents: number;
	speed: number;
	seed: number;
	setupPath: string;
	durationSec: number | null;
	writeLog: boolean;
	logMaxLen: number;
	source: string;
	timeZone: string;
	/** Backfill: fold this many past days straight into the interval history instead of publishing live. */
	days: number | null;
}

export type CliParse =
	{ kind: 'run'; options: CliOptions } | { kind: 'help' } | { kind: 'error'; message: string };

export const USAGE = `Simulates a contact centre's traffic and publishes it to Redis per the event contract.

Usage: npm run simulate -- [flags]

  --redis URL       Redis to publish to (default: $REDIS_URL or redis://127.0.0.1:6379)
  --prefix NAME     channel prefix (default: $CC_PREFIX or cc)
  --pubsub MODE     classic (PUBLISH) or sharded (SPUBLISH) (default: $REDIS_PUBSUB or classic)
  --agents N        agents on the roster across all shifts (default: 300)
  --speed X         simulated seconds per real second (default: 1)
  --seed N          random seed; the same seed replays the same traffic (default: from the clock)
  --setup FILE      centre set-up: queues, teams, shifts (default: $CENTRE_SETUP or config/centre.example.json)
  --tz ZONE         the centre's IANA time zone (default: $TZ_CENTRE or Asia/Shanghai)
  --source NAME     the events' "source" (default: sim)
  --duration SEC    stop after this many real seconds (default: run until stopped)
  --no-log          do not append events to the <prefix>:log stream
  --log-max N       cap of the <prefix>:log stream (default: 2000000)
  --days N          backfill: write N past days of interval history to Redis (fast, no publishing) and exit
  -h, --help        show this help`;

const OPTIONS = {
	redis: { type: 'string' },
	prefix: { type: 'string' },
	pubsub: { type: 'string' },
	agents: { type: 'string' },
	speed: { type: 'string' },
	seed: { type: 'string' },
	setup: { type: 'string' },
	tz: { type: 'string' },
	source: { type: 'string' },
	duration: { type: 'string' },
	'no-log': { type: 'boolean' },
	'log-max': { type: 'string' },
	days: { type: 'string' },
	help: { type: 'boolean', short: 'h' }
} as const;

function readFlags(argv: string[]) {
	return parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }).values;
}

/** Parses the command line; pure (environment and a fallback seed are passed in) so it can be tested. */
export function parseCli(
	argv: string[],
	env: Record<string, string | undefined>,
	fallbackSeed: number
): CliParse {
	let values: ReturnType<typeof readFlags>;
	try {
		values = readFlags(argv);
	} catch (err) {
		return { kind: 'error', message: (err as Error).message };
	}
	if (values.help) return { kind: 'help' };
	const problems: string[] = [];
	const number = (
		flag: string,
		text: string | undefined,
		fallback: number,
		check: (n: number) => boolean,
		rule: string
	) => {
		if (text === undefined) return fallback;
		const value = Number(text);
		if (text.trim() === '' || !Number.isFinite(value) || !check(value)) {
			problems.push(`--${flag} ${JSON.stringify(text)}: must be ${rule}`);
			return fallback;
		}
		return value;
	};
	const agents = number(
		'agents',
		values.agents,
		300,
		(n) => Number.isInteger(n) && n >= 1 && n <= 100_000,
		'an integer from 1 to 100000'
	);
	const speed = number('speed', values.speed, 1, (n) => n > 0 && n <= 3600, 'a number above 0, at most 3600');
	const seed = number('seed', values.seed, fallbackSeed, Number.isSafeInteger, 'an integer');
	const durationSec =
		values.duration === undefined
			? null
			: number('duration', values.duration, 0, (n) => n > 0, 'a positive number of seconds');
	const logMaxLen = number(
		'log-max',
		values['log-max'],
		2_000_000,
		(n) => Number.isInteger(n) && n >= 1000,
		'an integer of at least 1000'
	);
	const days =
		values.days === undefined
			? null
			: number(
					'days',
					values.days,
					0,
					(n) => Number.isInteger(n) && n >= 1 && n <= 400,
					'a whole number of days from 1 to 400'
				);
	const redisUrl = values.redis ?? env.REDIS_URL ?? 'redis://127.0.0.1:6379';
	if (!/^rediss?:\/\//.test(redisUrl))
		problems.push(`--redis ${JSON.stringify(redisUrl)}: must start with redis:// or rediss://`);
	const prefix = values.prefix ?? env.CC_PREFIX ?? 'cc';
	if (!/^[A-Za-z0-9_.:{}-]{1,64}$/.test(prefix)) {
		problems.push(
			`--prefix ${JSON.stringify(prefix)}: letters, digits and _ . : { } - only (1-64 characters)`
		);
	}
	const pubsub = values.pubsub ?? env.REDIS_PUBSUB ?? 'classic';
	if (pubsub !== 'classic' && pubsub !== 'sharded')
		problems.push(`--pubsub ${JSON.stringify(pubsub)}: must be classic or sharded`);
	const source = values.source ?? 'sim';
	if (source.length < 1 || source.length > 64) problems.push('--source: must be 1 to 64 characters');
	const timeZone = values.tz ?? env.TZ_CENTRE ?? 'Asia/Shanghai';
	try {
		new Intl.DateTimeFormat('en', { timeZone });
	} catch {
		problems.push(`--tz ${JSON.stringify(timeZone)}: not an IANA time zone such as Asia/Shanghai`);
	}
	if (problems.length) return { kind: 'error', message: problems.join('\n') };
	return {
		kind: 'run',
		options: {
			redisUrl,
			pubsub: pubsub === 'sharded' ? 'sharded' : 'classic',
			prefix,
			agents,
			speed,
			seed,
			setupPath: values.setup ?? env.CENTRE_SETUP ?? 'config/centre.example.json',
			durationSec,
			writeLog: !values['no-log'],
			logMaxLen,
			source,
			timeZone,
			days
		}
	};
}
