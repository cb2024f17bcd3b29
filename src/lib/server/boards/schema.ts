import { z } from 'zod';
import { Id } from '../../shared/contract/envelope';
import {
	FigureThresholds,
	LocalizedName,
	THRESHOLD_FIGURES,
	type CentreSetup,
	type QueueTargets
} from '../../shared/centre/setup';
import { bandProblem } from '../../shared/metrics/cards/thresholds';
import { BOARD_THEMES, TILE_IDS } from '../../shared/boards/tiles';

export const BoardId = z
	.string()
	.regex(/^[a-z0-9-]{1,32}$/, 'board ids are 1-32 lowercase letters, digits and dashes');

const TileId = z.enum(TILE_IDS, {
	error: (issue) => `unknown tile ${JSON.stringify(issue.input)}; tiles are: ${TILE_IDS.join(', ')}`
});

export const BoardPageSchema = z
	.object({
		tiles: z
			.array(TileId)
			.min(1, 'a page shows at least one tile')
			.max(16, 'a page shows at most 16 tiles: more cannot be read from across the room')
			.refine((tiles) => new Set(tiles).size === tiles.length, 'a tile appears at most once on a page')
	})
	.strict();

/**
 * A board as stored and edited: what it covers, what it shows, what it colours by. Queues and teams
 * together make its scope (both empty: every queue). Thresholds override the queues' own for this board.
 */
export const BoardDefinition = z
	.object({
		boardId: BoardId,
		title: LocalizedName,
		ownerTeamId: Id,
		queues: z.array(Id).max(500).default([]),
		teams: z.array(Id).max(500).default([]),
		pages: z.array(BoardPageSchema).min(1, 'a board has at least one page').max(8, 'at most 8 pages'),
		rotationSec: z
			.number()
			.int('rotation is whole seconds')
			.min(5, 'rotate no faster than every 5 s: nobody can read a page shown for less')
			.max(3600)
			.nullable()
			.default(null),
		language: z.enum(['zh-CN', 'en']).default('zh-CN'),
		theme: z.enum(BOARD_THEMES).default('dark'),
		thresholds: FigureThresholds.default({})
	})
	.strict();
export type BoardDefinition = z.infer<typeof BoardDefinition>;
export type BoardDefinitionInput = z.input<typeof BoardDefinition>;

export interface BoardIssue {
	field: string;
	message: string;
}

export function zodIssues(error: z.ZodError): BoardIssue[] {
	return error.issues.map((issue) => ({
		field: issue.path.length ? issue.path.join('.') : 'body',
		message: issue.message
	}));
}

/** Targets the board's thresholds are checked against when a queue does not say (the shipped defaults). */
const DEFAULT_TARGETS: QueueTargets = { answerRate: 0.95, serviceLevel: 0.8, repeatRate: 0.22, csat: 0.85 };

/**
 * What the schema cannot know: that the queues, teams and owner exist in the centre set-up, and that
 * the thresholds are in an order that can colour (red past amber). Each issue names the field to fix.
 */
export function setupIssues(board: BoardDefinition, setup: CentreSetup): BoardIssue[] {
	const issues: BoardIssue[] = [];
	const queues = new Set(setup.queues.map((q) => q.queueId));
	const teams = new Set(setup.teams.map((t) => t.teamId));
	board.queues.forEach((queueId, i) => {
		if (!queues.has(queueId))
			issues.push({ field: `queues.${i}`, message: `no queue "${queueId}" in the centre set-up` });
	});
	board.teams.forEach((teamId, i) => {
		if (!teams.has(teamId))
			issues.push({ field: `teams.${i}`, message: `no team "${teamId}" in the centre set-up` });
	});
	if (!teams.has(board.ownerTeamId) && board.ownerTeamId !== setup.centreId) {
		const known = [setup.centreId, ...teams].join(', ');
		issues.push({
			field: 'ownerTeamId',
			message: `owner "${board.ownerTeamId}" is not a team of the set-up (one of: ${known})`
		});
	}
	for (const figure of THRESHOLD_FIGURES) {
		const pair = board.thresholds[figure];
		if (!pair) continue;
		const problem = bandProblem(figure, DEFAULT_TARGETS, pair);
		if (problem) issues.push({ field: `thresholds.${figure}`, message: problem });
	}
	return issues;
}

export type BoardParse = { ok: true; board: BoardDefinition } | { ok: false; issues: BoardIssue[] };

/** Validates a board against the schema and the set-up: the one check every way in (API, form, seed) uses. */
export function parseBoard(input: unknown, setup: CentreSetup): BoardParse {
	const parsed = BoardDefinition.safeParse(input);
	if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error) };
	const issues = setupIssues(parsed.data, setup);
	return issues.length ? { ok: false, issues } : { ok: true, board: parsed.data };
}

/** "queues.0: no queue …; rotationSec: …": one line for logs and JSON error messages. */
export function describeBoardIssues(issues: readonly BoardIssue[]): string {
	return issues.map((i) => `${i.field}: ${i.message}`).join('; ');
}
