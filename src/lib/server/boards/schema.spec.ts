import { describe, expect, it } from 'vitest';
import { testCentreSetup } from '../live/test-events';
import { parseBoard } from './schema';
import { boardScope } from './scope';

const setup = testCentreSetup();
const valid = {
	boardId: 'voice-wall',
	title: { 'zh-CN': '语音', en: 'Voice' },
	ownerTeamId: 'voice-team',
	queues: ['chat'],
	teams: ['voice-team'],
	pages: [{ tiles: ['waiting', 'answer-rate', 'trend-answer-rate'] }, { tiles: ['queue-table'] }],
	rotationSec: 20
};

const issuesOf = (input: unknown) => {
	const result = parseBoard(input, setup);
	return result.ok ? [] : result.issues;
};

describe('parseBoard', () => {
	it('accepts a board and fills the defaults', () => {
		const result = parseBoard(valid, setup);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.board).toMatchObject({ language: 'zh-CN', theme: 'dark', thresholds: {} });
	});

	it.each([
		[{ boardId: 'Voice Wall' }, 'boardId', 'lowercase letters'],
		[{ pages: [] }, 'pages', 'at least one page'],
		[{ pages: [{ tiles: ['waiting', 'nope'] }] }, 'pages.0.tiles.1', 'unknown tile "nope"'],
		[{ pages: [{ tiles: ['waiting', 'waiting'] }] }, 'pages.0.tiles', 'at most once'],
		[{ rotationSec: 2 }, 'rotationSec', 'no faster than every 5 s'],
		[{ queues: ['nowhere'] }, 'queues.0', 'no queue "nowhere"'],
		[{ teams: ['ghosts'] }, 'teams.0', 'no team "ghosts"'],
		[{ ownerTeamId: 'ghosts' }, 'ownerTeamId', 'not a team of the set-up'],
		[{ thresholds: { answerRate: { red: 0.97 } } }, 'thresholds.answerRate', 'must not be above'],
		[{ colour: 'red' }, 'body', 'colour']
	])('rejects %j naming the field %s', (change, field, message) => {
		const issues = issuesOf({ ...valid, ...change });
		expect(issues.map((i) => i.field)).toContain(field);
		expect(issues.map((i) => i.message).join(' ')).toContain(message);
	});

	it('lets the centre own a board', () => {
		expect(issuesOf({ ...valid, ownerTeamId: setup.centreId })).toEqual([]);
	});

	it.each([
		[{ boardId: 'Voice Wall' }, 'boardId', '看板 ID 须为 1-32 个小写字母'],
		[{ pages: [{ tiles: ['waiting', 'nope'] }] }, 'pages.0.tiles.1', '没有磁贴 "nope"；可用的磁贴：'],
		[{ rotationSec: 2 }, 'rotationSec', '翻页间隔不得少于 5 秒'],
		[{ rotationSec: 7200 }, 'rotationSec', '数值过大'],
		[{ queues: ['nowhere'] }, 'queues.0', '中心配置中没有队列“nowhere”'],
		[
			{ thresholds: { answerRate: { red: 0.97 } } },
			'thresholds.answerRate',
			'红色阈值（0.97）不得高于黄色起点（即目标 0.95）'
		],
		[{ title: { en: 'Voice' } }, 'title.zh-CN', '无效输入']
	])('says what is wrong with %j in Chinese for a Chinese editor (%s)', (change, field, message) => {
		const result = parseBoard({ ...valid, ...change }, setup, 'zh-CN');
		const issues = result.ok ? [] : result.issues;
		expect(issues.find((i) => i.field === field)?.message).toContain(message);
	});
});

describe('boardScope', () => {
	it('covers its own queues and its teams’ queues, once each', () => {
		expect(boardScope({ queues: ['chat', 'neg'], teams: ['voice-team'] }, setup)).toEqual([
			'chat',
			'neg',
			'ign',
			'pos',
			'vip'
		]);
	});

	it('is empty (every queue) when the board names neither', () => {
		expect(boardScope({ queues: [], teams: [] }, setup)).toEqual([]);
	});
});
