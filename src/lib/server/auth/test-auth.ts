import { silentLogger } from '../util/logger';
import { Auth } from './auth';
import { MemoryKeyValueStore } from './memory-kv';
import type { ScryptParams } from './password';

/** Cheap enough for unit tests; production uses DEFAULT_SCRYPT. */
export const TEST_SCRYPT: ScryptParams = { N: 1024, r: 8, p: 1 };

/** An Auth on a memory store with a clock the test moves by hand. */
export function testAuth(options: { trustedHeader?: string } = {}) {
	let now = Date.UTC(2026, 10, 11, 9, 0, 0);
	const clock = () => now;
	const auth = new Auth({
		kv: new MemoryKeyValueStore(clock),
		prefix: 'test',
		sessions: { idleMs: 30 * 60_000, absoluteMs: 8 * 3_600_000 },
		trustedHeader: options.trustedHeader ?? null,
		clock,
		scrypt: TEST_SCRYPT
	});
	return {
		auth,
		clock,
		advance: (ms: number) => {
			now += ms;
		},
		logger: silentLogger
	};
}
