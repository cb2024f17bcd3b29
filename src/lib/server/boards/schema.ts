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
import { t, type Locale, type MessageKey } from '../../shared/i18n';

/**
 * The schema's own messages, in English (what the API says); `zodIssues` gives them in the reader's
 * language by their key. zod's built-in messages come in that language from its locale.
 */
const CUSTOM_MESSAGES = [
	'boardIssueIdFormat',
	'boardIssueMinTiles',
	'boardIssueMaxTiles',
	'boardIssueTileOnce',
	'boardIssueMinPages',
	'boardIssueMaxPages',
	'boardIssueRotationWhole',
	'boardIssueRotationMin'
] as const satisfies readonly MessageKey[];
const en = (key: (typeof CUSTOM_MESSAGES)[number]) => t('en', key);
const KEY_OF_MESSAGE = new Map<string, MessageKey>(CUSTOM_MESSAGES.map((key) => [t('en', key), key]));

export const BoardId = z.string().regex(/^[a-z0-9-]{1,32}$/, en('boardIssueIdFormat'));

const unknownTile = (locale: Locale, input: unknown) =>
	t(locale, 'boardIssueUnknownTile', { tile: JSON.stringify(input), tiles: TILE_IDS.join(', ') });

const TileId = z.enum(TILE_IDS, { error: (issue) => unknownTile('en', issue.input) });

export const BoardPageSchema = z
	.object({
		tiles: z
			.array(TileId)
			.min(1, en('boardIssueMinTiles'))
			.max(16, en('boardIssueMaxTiles'))
			.refine((tiles) => new Set(tiles).size === tiles.length, en('boardIssueTileOnce'))
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
		pages: z.array(BoardPageSchema).min(1, en('boardIssueMinPages')).max(8, en('boardIssueMaxPages')),
		rotationSec: z
			.number()
			.int(en('boardIssueRotationWhole'))
			.min(5, en('boardIssueRotationMin'))
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

/** The issues of a failed parse, in `locale` (parse with `parseOptions(locale)` for zod's own messages). */
export function zodIssues(error: z.ZodError, locale: Locale = 'en'): BoardIssue[] {
	return error.issues.map((issue) => {
		const key = KEY_OF_MESSAGE.get(issue.message);
		const isTile = issue.code === 'invalid_value' && issue.path.at(-2) === 'tiles';
		return {
			field: issue.path.length ? issue.path.join('.') : 'body',
			message: key ? t(locale, key) : isTile ? unknownTile(locale, issue.input) : issue.message
		};
	});
}

const ZH_ERRORS = z.locales.zhCN().localeError;

/** Parse options giving zod's own messages in `locale`, and the input of each issue (for the tile one). */
export function parseOptions(locale: Locale): z.core.ParseContext<z.core.$ZodIssue> {
	return locale === 'zh-CN' ? { error: ZH_ERRORS, reportInput: true } : { reportInput: true };
}

/** Targets the board's thresholds are checked against when a queue does not say (the shipped defaults). */
const DEFAULT_TARGETS: QueueTargets = { answerRate: 0.95, serviceLevel: 0.8, repeatRate: 0.22, csat: 0.85 };

/**
 * What the schema cannot know: that the queues, teams and owner exist in the centre set-up, and that
 * the thresholds are in an order that can colour (red past amber). Each issue names the field to fix.
 */
export function setupIssues(board: BoardDefinition, setup: CentreSetup, locale: Locale = 'en'): BoardIssue[] {
	const issues: BoardIssue[] = [];
	const queues = new Set(setup.queues.map((q) => q.queueId));
	const teams = new Set(setup.teams.map((t) => t.teamId));
	board.queues.forEach((queueId, i) => {
		if (!queues.has(queueId))
			issues.push({ field: `queues.${i}`, message: t(locale, 'boardIssueNoQueue', { queueId }) });
	});
	board.teams.forEach((teamId, i) => {
		if (!teams.has(teamId))
			issues.push({ field: `teams.${i}`, message: t(locale, 'boardIssueNoTeam', { teamId }) });
	});
	if (!teams.has(board.ownerTeamId) && board.ownerTeamId !== setup.centreId) {
		const known = [setup.centreId, ...teams].join(', ');
		issues.push({
			field: 'ownerTeamId',
			message: t(locale, 'boardIssueOwner', { owner: board.ownerTeamId, known })
		});
	}
	for (const figure of THRESHOLD_FIGURES) {
		const pair = board.thresholds[figure];
		if (!pair) continue;
		const problem = bandProblem(figure, DEFAULT_TARGETS, pair, locale);
		if (problem) issues.push({ field: `thresholds.${figure}`, message: problem });
	}
	return issues;
}

export type BoardParse = { ok: true; board: BoardDefinition } | { ok: false; issues: BoardIssue[] };

/**
 * Validates a board against the schema and the set-up: the one check every way in (API, form, seed)
 * uses. Messages are in `locale`: English for the API, the editor's language in the editor.
 */
export function parseBoard(input: unknown, setup: CentreSetup, locale: Locale = 'en'): BoardParse {
	const parsed = BoardDefinition.safeParse(input, parseOptions(locale));
	if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error, locale) };
	const issues = setupIssues(parsed.data, setup, locale);
	return issues.length ? { ok: false, issues } : { ok: true, board: parsed.data };
}

/** "queues.0: no queue …; rotationSec: …": one line for logs and JSON error messages. */
export function describeBoardIssues(issues: readonly BoardIssue[]): string {
	return issues.map((i) => `${i.field}: ${i.message}`).join('; ');
}
