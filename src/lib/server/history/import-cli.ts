import { readFileSync } from 'node:fs';
import { loadSetup } from '../config';
import { importEvents } from './import-events';
import { RedisHistoryStore } from './redis-store';

/**
 * `npm run import -- FILE`: folds an NDJSON file of contract events into the interval history in Redis
 * ($REDIS_URL, $CC_PREFIX, $TZ_CENTRE, $CENTRE_SETUP as the server reads them). Exit 0 when every line
 * was imported, 1 when some were skipped (they are listed), 2 on a usage error.
 */
const USAGE =
	'Usage: npm run import -- FILE.ndjson   (REDIS_URL, CC_PREFIX, TZ_CENTRE, CENTRE_SETUP from the environment)';

async function main(argv: string[]): Promise<number> {
	const file = argv.find((a) => !a.startsWith('-'));
	if (!file || argv.includes('--help') || argv.includes('-h')) {
		console.log(USAGE);
		return file ? 0 : 2;
	}
	const env = process.env;
	const redisUrl = env.REDIS_URL ?? 'redis://127.0.0.1:6379';
	const timeZone = env.TZ_CENTRE ?? 'Asia/Shanghai';
	const setup = loadSetup(env.CENTRE_SETUP ?? 'config/centre.example.json');
	const text = readFileSync(file, 'utf8');
	const store = new RedisHistoryStore({
		url: redisUrl,
		prefix: env.CC_PREFIX ?? 'cc',
		retentionMs: Number(env.HISTORY_RETENTION_DAYS ?? 400) * 86_400_000
	});
	try {
		const result = await importEvents(text, {
			setup,
			timeZone,
			shrinkage: Number(env.HISTORY_SHRINKAGE ?? 0.3),
			store
		});
		for (const problem of result.problems) console.error(`${file}:${problem.line}: ${problem.message}`);
		const span =
			result.fromMs === null
				? 'no events'
				: `${new Date(result.fromMs).toISOString()} … ${new Date(result.toMs!).toISOString()}`;
		console.log(
			`imported ${result.events} events (${result.duplicates} repeated ids ignored, ${result.problemCount} lines skipped), ` +
				`${result.rows} interval rows written; ${span}`
		);
		return result.problemCount ? 1 : 0;
	} finally {
		await store.close();
	}
}

main(process.argv.slice(2)).then(
	(code) => process.exit(code),
	(err: unknown) => {
		console.error(`import failed: ${err instanceof Error ? err.message : String(err)}`);
		process.exit(1);
	}
);
