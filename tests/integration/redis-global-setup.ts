import type { TestProject } from 'vitest/node';
import { startRedis } from '../support/redis-server';

declare module 'vitest' {
	export interface ProvidedContext {
		redisUrl: string;
		redisPort: number;
	}
}

/**
 * One private redis-server for the integration run, on a free port, stopped in teardown even when tests
 * time out (a server spawned in beforeAll can outlive a failed afterAll).
 */
export default async function setup(project: TestProject) {
	const redis = await startRedis();
	project.provide('redisUrl', redis.url);
	project.provide('redisPort', redis.port);
	return async () => {
		await redis.stop();
	};
}
