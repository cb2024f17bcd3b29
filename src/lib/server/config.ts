import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CentreSetup } from '../shared/centre/setup';
import { describeIssues } from '../shared/contract/parse';

function isTimeZone(zone: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
}

const optionalText = z
	.string()
	.optional()
	.transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

/** Every environment variable the server reads, validated once at start-up. */
export const EnvSchema = z
	.object({
		PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
		HOST: z.string().min(1).default('127.0.0.1'),
		REDIS_URL: optionalText.pipe(
			z
				.string()
				.regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
				.optional()
		),
		CC_PREFIX: z
			.string()
			.regex(/^[A-Za-z0-9_.:{}-]{1,64}$/, 'letters, digits and _ . : { } - only (1-64 characters)')
			.default('cc'),
		TZ_CENTRE: z
			.string()
			.refine(isTimeZone, 'must be an IANA time zone such as Asia/Shanghai')
			.default('Asia/Shanghai'),
		API_TOKENS: optionalText.transform((value) =>
			value === undefined
				? []
				: value
						.split(',')
						.map((t) => t.trim())
						.filter(Boolean)
		),
		CENTRE_SETUP: z.string().min(1).default('config/centre.example.json'),
		/** Simulator settings for the embedded mode (no REDIS_URL). */
		SIM_AGENTS: z.coerce.number().int().min(1).max(50_000).default(400),
		SIM_SPEED: z.coerce.number().positive().max(3600).default(1),
		SIM_SEED: z.coerce.number().int().default(20261111),
		/** PUBLISH/SUBSCRIBE (`classic`) or sharded SPUBLISH/SSUBSCRIBE (`sharded`, Redis 7) on the bus. */
		REDIS_PUBSUB: z.enum(['classic', 'sharded']).default('classic'),
		/** Bounds of the silence after which boards call the stream stopped (it adapts to the traffic between). */
		STALE_MIN_SEC: z.coerce.number().int().min(2).max(3_600).default(10),
		STALE_MAX_SEC: z.coerce.number().int().min(2).max(3_600).default(120),
		/** Push tick for live views, milliseconds. */
		WS_TICK_MS: z.coerce.number().int().min(50).max(5_000).default(250),
		/** How far ahead of the server clock an event's `ts` may be before it is taken as the clock plus this (ms). */
		EVENT_MAX_AHEAD_MS: z.coerce
			.number()
			.int()
			.min(0)
			.max(7 * 86_400_000)
			.default(5_000),
		/** The public origin behind a proxy (adapter-node reads it too); its pages may open the WebSocket. */
		ORIGIN: optionalText,
		/** Further browser origins allowed to open the WebSocket besides the page's own host (comma-separated). */
		WS_ORIGINS: optionalText,
		/** Days of interval history kept in Redis (each interval's key expires this long after its start). */
		HISTORY_RETENTION_DAYS: z.coerce.number().int().min(1).max(3_660).default(400),
		/** Shrinkage of the scheduled need in the history's staffing columns: required ÷ (1 − shrinkage). */
		HISTORY_SHRINKAGE: z.coerce.number().min(0).max(0.95).default(0.3),
		/** First admin, created only while no user exists (docs/auth.md "Bootstrap"). */
		ADMIN_USERNAME: optionalText
			.transform((value) => value?.toLowerCase())
			.pipe(
				z
					.string()
					.regex(
						/^[a-z0-9][a-z0-9._@-]{0,63}$/,
						'lower-case letters, digits and . _ @ - only (1-64 characters)'
					)
					.optional()
			),
		// Not trimmed: spaces may be part of a password.
		ADMIN_PASSWORD: z
			.string()
			.optional()
			.transform((value) => (value === '' ? undefined : value))
			.pipe(z.string().min(10, 'must be at least 10 characters').max(256).optional()),
		/** A session ends this long after its last use… */
		SESSION_IDLE_MINUTES: z.coerce
			.number()
			.int()
			.min(1)
			.max(7 * 24 * 60)
			.default(120),
		/** …and at the latest this long after sign-in, however busy. */
		SESSION_MAX_HOURS: z.coerce
			.number()
			.int()
			.min(1)
			.max(30 * 24)
			.default(12),
		/** When true, `/wall/<board>` needs a paired TV's token or a signed-in user (open boards otherwise). */
		WALL_REQUIRE_PAIRING: z
			.enum(['true', 'false', ''])
			.default('false')
			.transform((v) => v === 'true'),
		/** Header naming the signed-in user, set by an authenticating proxy that strips it from clients. */
		AUTH_TRUSTED_HEADER: optionalText.pipe(
			z
				.string()
				.regex(/^[A-Za-z0-9-]{1,64}$/, 'must be an HTTP header name such as X-Forwarded-User')
				.optional()
		)
	})
	.refine((env) => env.STALE_MAX_SEC >= env.STALE_MIN_SEC, {
		path: ['STALE_MAX_SEC'],
		message: 'must be at least STALE_MIN_SEC'
	});
export type Env = z.infer<typeof EnvSchema>;

export interface ServerConfig {
	env: Env;
	setup: CentreSetup;
	mode: 'redis' | 'embedded';
	/** Bearer tokens accepted by the API; generated for this run when none are configured. */
	apiTokens: string[];
	apiTokensGenerated: boolean;
}

export class ConfigError extends Error {
	override name = 'ConfigError';
}

/** Variables whose values must never reach a log, even when they are wrong. */
const SECRET_VARIABLES = new Set(['ADMIN_PASSWORD']);

function shown(name: string, source: NodeJS.ProcessEnv): string {
	return SECRET_VARIABLES.has(name) ? '(hidden)' : JSON.stringify(source[name] ?? '');
}

/** Reads the environment and the centre set-up; throws a ConfigError naming the bad variable or field. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env, randomToken: () => string): ServerConfig {
	const parsed = EnvSchema.safeParse(source);
	if (!parsed.success) {
		const lines = parsed.error.issues.map(
			(issue) => `  ${issue.path.join('.')}=${shown(String(issue.path[0]), source)}: ${issue.message}`
		);
		throw new ConfigError(`invalid environment:\n${lines.join('\n')}`);
	}
	const env = parsed.data;
	const setup = loadSetup(env.CENTRE_SETUP);
	const apiTokensGenerated = env.API_TOKENS.length === 0;
	return {
		env,
		setup,
		mode: env.REDIS_URL ? 'redis' : 'embedded',
		apiTokens: apiTokensGenerated ? [randomToken()] : env.API_TOKENS,
		apiTokensGenerated
	};
}

export function loadSetup(path: string): CentreSetup {
	let raw: string;
	try {
		raw = readFileSync(path, 'utf8');
	} catch (err) {
		throw new ConfigError(`CENTRE_SETUP: cannot read ${path}: ${(err as Error).message}`);
	}
	let json: unknown;
	try {
		json = JSON.parse(raw);
	} catch (err) {
		throw new ConfigError(`CENTRE_SETUP: ${path} is not valid JSON: ${(err as Error).message}`);
	}
	const setup = CentreSetup.safeParse(json);
	if (!setup.success) throw new ConfigError(`CENTRE_SETUP: ${path}: ${describeIssues(setup.error)}`);
	return setup.data;
}
