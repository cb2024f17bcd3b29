import type { ConsoleAgentRow } from './team-frames';

/** A console agent row for tests: ready, idle, on team `t1` and queue `q1`, unless told otherwise. */
export const consoleRow = (agentId: string, over: Partial<ConsoleAgentRow> = {}): ConsoleAgentRow => ({
	agentId,
	name: agentId,
	teamId: 't1',
	queues: ['q1'],
	state: 'ready',
	reason: null,
	sinceMs: 0,
	load: 0,
	contacts: [],
	handled: 0,
	ahtSec: null,
	occupancy: null,
	flags: [],
	monitors: [],
	...over
});
