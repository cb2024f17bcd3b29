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
export const EnvSchema = z.object({
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
	/** Push tick for live views, milliseconds. */
	WS_TICK_MS: z.coerce.number().int().min(50).max(5_000).default(250),
	/** The public origin behind a proxy (adapter-node reads it too); its pages may open the WebSocket. */
	ORIGIN: optionalText,
	/** Further browser origins allowed to open the WebSocket besides the page's own host (comma-separated). */
	WS_ORIGINS: optionalText
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

/** Reads the environment and the centre set-up; throws a ConfigError naming the bad variable or field. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env, randomToken: () => string): ServerConfig {
	const parsed = EnvSchema.safeParse(source);
	if (!parsed.success) {
		const lines = parsed.error.issues.map(
			(issue) =>
				`  ${issue.path.join('.')}=${JSON.stringify(source[String(issue.path[0])] ?? '')}: ${issue.message}`
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
