import type { BoardSetup, CentreSetup } from '../../shared/centre/setup';

/** The board every centre has: all queues. Set-ups may override it by defining a board named `default`. */
export const DEFAULT_BOARD_ID = 'default';

/** The set-up's boards, with a `default` board covering every queue added when the set-up has none. */
export function boardsOf(setup: CentreSetup): BoardSetup[] {
	if (setup.boards.some((b) => b.boardId === DEFAULT_BOARD_ID)) return setup.boards;
	return [
		{
			boardId: DEFAULT_BOARD_ID,
			title: { 'zh-CN': setup.name['zh-CN'], en: setup.name.en ?? setup.name['zh-CN'] },
			queues: [],
			language: 'zh-CN'
		},
		...setup.boards
	];
}
