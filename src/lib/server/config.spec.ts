import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const token = () => 'generated-token';

describe('loadConfig', () => {
	it('runs the embedded simulator with documented defaults when nothing is set', () => {
		const config = loadConfig({}, token);
		expect(config.mode).toBe('embedded');
		expect(config.env).toMatchObject({
			PORT: 3000,
			HOST: '127.0.0.1',
			CC_PREFIX: 'cc',
			TZ_CENTRE: 'Asia/Shanghai',
			REDIS_PUBSUB: 'classic'
		});
		expect(config.apiTokens).toEqual(['generated-token']);
		expect(config.apiTokensGenerated).toBe(true);
		expect(config.setup.queues.length).toBeGreaterThan(0);
	});

	it('uses Redis and the given API tokens when configured', () => {
		const config = loadConfig({ REDIS_URL: 'redis://127.0.0.1:6390', API_TOKENS: ' a1 , b2,, ' }, token);
		expect(config.mode).toBe('redis');
		expect(config.apiTokens).toEqual(['a1', 'b2']);
		expect(config.apiTokensGenerated).toBe(false);
	});

	it.each([
		['PORT', 'eighty', 'PORT="eighty"'],
		['PORT', '70000', 'PORT="70000"'],
		['REDIS_URL', 'http://localhost', 'must start with redis://'],
		['TZ_CENTRE', 'Mars/Base', 'IANA time zone'],
		['CC_PREFIX', 'bad prefix!', 'CC_PREFIX'],
		['REDIS_PUBSUB', 'cluster', 'REDIS_PUBSUB'],
		['STALE_MIN_SEC', '1', 'STALE_MIN_SEC'],
		['STALE_MAX_SEC', '5', 'STALE_MAX_SEC="5": must be at least STALE_MIN_SEC']
	])('names the bad variable %s=%s', (name, value, expected) => {
		expect(() => loadConfig({ [name]: value }, token)).toThrow(ConfigError);
		expect(() => loadConfig({ [name]: value }, token)).toThrow(expected);
	});

	it('names the set-up file when it cannot be read', () => {
		expect(() => loadConfig({ CENTRE_SETUP: 'config/missing.json' }, token)).toThrow(
			/CENTRE_SETUP: cannot read config\/missing.json/
		);
	});
});
