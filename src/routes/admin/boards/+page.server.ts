import { fail } from '@sveltejs/kit';
import { boardFromForm } from '$lib/server/boards/form';
import { requireBoardAdmin } from '$lib/server/boards/guard';
import { parseBoard } from '$lib/server/boards/schema';
import { BoardVersionConflict, UnknownBoardVersion } from '$lib/server/boards/versions';
import { getRuntime } from '$lib/server/runtime/runtime';
import { TILE_IDS } from '$lib/shared/boards/tiles';
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
		versions: head ? await store.versions(head.board.boardId) : [],
		queues: runtime.setup.queues.map((q) => ({ queueId: q.queueId, name: q.name })),
		teams: runtime.setup.teams.map((t) => ({ teamId: t.teamId, name: t.name })),
		centreId: runtime.setup.centreId,
		tiles: [...TILE_IDS]
	};
};

/** Every action checks the guard itself: actions run without the page's load. */
export const actions = {
	save: async (event) => {
		const admin = requireBoardAdmin(event);
		const runtime = getRuntime();
		const form = await event.request.formData();
		const { input, issues } = boardFromForm(form);
		const base = String(form.get('baseVersion') ?? '');
		if (issues.length) return fail(400, { issues, boardId: input.boardId });
		const parsed = parseBoard(input, runtime.setup);
		if (!parsed.ok) return fail(400, { issues: parsed.issues, boardId: input.boardId });
		try {
			const saved = await runtime.boardService.store.save(
				parsed.board,
				admin.savedBy,
				base === '' ? undefined : Number(base)
			);
			return { saved: saved.version, boardId: saved.board.boardId };
		} catch (err) {
			if (!(err instanceof BoardVersionConflict)) throw err;
			return fail(409, { issues: [{ field: 'baseVersion', message: err.message }], boardId: input.boardId });
		}
	},
	rollback: async (event) => {
		const admin = requireBoardAdmin(event);
		const form = await event.request.formData();
		const boardId = String(form.get('boardId') ?? '');
		const version = Number(form.get('version'));
		try {
			const saved = await getRuntime().boardService.store.rollback(boardId, version, admin.savedBy);
			return { restored: version, saved: saved.version, boardId };
		} catch (err) {
			if (!(err instanceof UnknownBoardVersion)) throw err;
			return fail(404, { issues: [{ field: 'version', message: err.message }], boardId });
		}
	}
} satisfies Actions;
