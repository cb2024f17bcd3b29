import type { APIRequestContext } from '@playwright/test';
import { E2E } from '../../playwright.config';
import type { TestPlatform } from '../support/platform';
import { ev, tag } from './fixtures';

/** Saves a board through the JSON API, as an integration or the editor would; returns the version. */
export async function putBoard(
	request: APIRequestContext,
	boardId: string,
	board: Record<string, unknown>
): Promise<{ version: number }> {
	const res = await request.put(`/api/v1/boards/${boardId}`, {
		headers: { authorization: `Bearer ${E2E.apiToken}` },
		data: { title: { 'zh-CN': boardId, en: boardId }, ownerTeamId: 'sq-campus', ...board }
	});
	if (!res.ok()) throw new Error(`PUT /api/v1/boards/${boardId}: ${res.status()} ${await res.text()}`);
	return (await res.json()) as { version: number };
}

/**
 * Publishes one harmless event (a throwaway agent logging in), so the stream is fresh: a board shows
 * "stale" after 10 s without events, and these tests do not otherwise need any.
 */
export async function nudge(pbx: TestPlatform): Promise<void> {
	await pbx.send([pbx.event(ev.login(`ag-${tag()}`, ['presales-chat']))]);
}
