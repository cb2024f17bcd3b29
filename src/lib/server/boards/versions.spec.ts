import { describe, expect, it } from 'vitest';
import type { BoardDefinition } from './schema';
import { BoardVersionConflict, nextVersion, parseVersion, rollbackVersion } from './versions';

const board = (title: string): BoardDefinition => ({
	boardId: 'b',
	title: { 'zh-CN': title },
	ownerTeamId: 'centre',
	queues: [],
	teams: [],
	pages: [{ tiles: ['waiting'] }],
	rotationSec: null,
	language: 'zh-CN',
	theme: 'dark',
	thresholds: {}
});
const meta = (nowMs: number) => ({ savedBy: 'ana', nowMs });

describe('board versions', () => {
	it('numbers a new board 1 and each save one more', () => {
		const v1 = nextVersion(null, board('a'), meta(1));
		const v2 = nextVersion(v1, board('b'), meta(2));
		expect([v1.version, v2.version]).toEqual([1, 2]);
		expect(v2).toMatchObject({ savedBy: 'ana', savedAtMs: 2, restoredFrom: null });
	});

	it('refuses a save based on a version that is no longer current', () => {
		const v2 = nextVersion(nextVersion(null, board('a'), meta(1)), board('b'), meta(2));
		expect(() => nextVersion(v2, board('c'), meta(3), 1)).toThrow(BoardVersionConflict);
		expect(nextVersion(v2, board('c'), meta(3), 2).version).toBe(3);
	});

	it('rolls back by saving the old content as the newest version', () => {
		const v1 = nextVersion(null, board('a'), meta(1));
		const v2 = nextVersion(v1, board('b'), meta(2));
		const v3 = rollbackVersion(v2, v1, meta(3));
		expect(v3).toMatchObject({ version: 3, restoredFrom: 1, board: { title: { 'zh-CN': 'a' } } });
	});

	it('reads back what it stores and skips what no longer validates', () => {
		const v1 = nextVersion(null, board('a'), meta(1));
		expect(parseVersion(JSON.stringify(v1))).toEqual(v1);
		expect(parseVersion('{"v":1,"version":"x"}')).toBeNull();
		expect(parseVersion('not json')).toBeNull();
	});
});
