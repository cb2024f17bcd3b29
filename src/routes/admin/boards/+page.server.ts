import { fail, redirect } from '@sveltejs/kit';
import { boardFromForm } from '$lib/server/boards/form';
import { requireBoardAdmin } from '$lib/server/boards/guard';
import { parseBoard, type BoardIssue } from '$lib/server/boards/schema';
import { BoardVersionConflict, UnknownBoardVersion } from '$lib/server/boards/versions';
import { getRuntime } from '$lib/server/runtime/runtime';
import { TILE_IDS } from '$lib/shared/boards/tiles';
import { resolveLocale, t, type Locale } from '$lib/shared/i18n';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireBoardAdmin(event);
	const runtime = getRuntime();
	const store = runtime.boardService.store;
	const selected = event.url.searchParams.get('board');
	const head = selected ? store.get(selected) : null;
	return {
		boards: store.list(),
		selected: head,
		missing: selected !== null && head === null ? selected : null,
		versions: head ? await store.versions(head.board.boardId) : [],
		queues: runtime.setup.queues.map((q) => ({ queueId: q.queueId, name: q.name })),
		teams: runtime.setup.teams.map((t) => ({ teamId: t.teamId, name: t.name })),
		centreId: runtime.setup.centreId,
		timeZone: runtime.timeZone,
		tiles: [...TILE_IDS]
	};
};

/** After a save or rollback: the saved board's editor (a reload then shows it, not a re-post). */
function toBoard(url: URL, boardId: string, notice: Record<string, number>): never {
	const query = new URLSearchParams({ board: boardId });
	for (const [key, value] of Object.entries(notice)) query.set(key, String(value));
	const lang = url.searchParams.get('lang');
	if (lang) query.set('lang', lang);
	redirect(303, `/admin/boards?${query}`);
}

/** Rotation as typed: whole seconds or nothing. Number() would let "abc" through as NaN, "1e2" as 100. */
function rotationIssue(form: FormData, locale: Locale): BoardIssue | null {
	const text = String(form.get('rotationSec') ?? '').trim();
	return text === '' || /^\d+$/.test(text)
		? null
		: { field: 'rotationSec', message: t(locale, 'boardIssueRotationForm') };
}

/** The editor's language, as its page shows it: its issues are in it too. */
const editorLocale = (url: URL): Locale => resolveLocale(url.searchParams.get('lang'));

/** Every action checks the guard itself: actions run without the page's load. */
export const actions = {
	save: async (event) => {
		const admin = requireBoardAdmin(event);
		const runtime = getRuntime();
		const form = await event.request.formData();
		const locale = editorLocale(event.url);
		const { input, issues } = boardFromForm(form, locale);
		const rotation = rotationIssue(form, locale);
		if (rotation) {
			issues.push(rotation);
			input.rotationSec = null;
		}
		// Checked even when a field could not be read, so one save names every field to fix.
		const parsed = parseBoard(input, runtime.setup, locale);
		if (!parsed.ok) issues.push(...parsed.issues);
		if (!parsed.ok || issues.length) return fail(400, { issues, boardId: input.boardId });
		const base = String(form.get('baseVersion') ?? '');
		// The new-board form sends 0: "create", so an id already taken is refused rather than overwritten.
		const baseVersion = base === '' ? undefined : Number(base);
		let version: number;
		try {
			version = (await runtime.boardService.store.save(parsed.board, admin.savedBy, baseVersion)).version;
		} catch (err) {
			if (!(err instanceof BoardVersionConflict)) throw err;
			const { boardId, expected, actual } = err;
			const issue =
				expected === 0
					? { field: 'boardId', message: t(locale, 'boardIssueIdTaken', { boardId }) }
					: {
							field: 'baseVersion',
							message: t(locale, 'boardIssueVersionConflict', { boardId, expected, actual })
						};
			return fail(409, { issues: [issue], boardId: input.boardId });
		}
		toBoard(event.url, parsed.board.boardId, { saved: version });
	},
	rollback: async (event) => {
		const admin = requireBoardAdmin(event);
		const form = await event.request.formData();
		const boardId = String(form.get('boardId') ?? '');
		const version = Number(form.get('version'));
		let saved: number;
		try {
			saved = (await getRuntime().boardService.store.rollback(boardId, version, admin.savedBy)).version;
		} catch (err) {
			if (!(err instanceof UnknownBoardVersion)) throw err;
			const message = t(editorLocale(event.url), 'boardIssueNoVersion', { boardId, version });
			return fail(404, { issues: [{ field: 'version', message }], boardId });
		}
		toBoard(event.url, boardId, { restored: version, saved });
	}
} satisfies Actions;
