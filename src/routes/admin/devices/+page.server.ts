import { fail } from '@sveltejs/kit';
import { requirePermission } from '$lib/server/auth/guard';
import { ONLINE_WITHIN_MS } from '$lib/server/devices/device-watch';
import { getDevices } from '$lib/server/devices/instance';
import { getRuntime } from '$lib/server/runtime/runtime';
import { CloseCode } from '$lib/shared/protocol/close-codes';
import type { Actions, PageServerLoad } from './$types';

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'devices.manage');
	const runtime = getRuntime();
	const devices = getDevices(runtime);
	const activity = runtime.hub.deviceActivity();
	// Keep what this process saw, so the list still says when a TV last got data after it goes offline.
	await Promise.all(
		[...activity].map(([id, seen]) => devices.touch(id, { seenMs: Date.now(), dataMs: seen.lastDataMs }))
	);
	const list = await devices.list();
	const nowMs = Date.now();
	return {
		nowMs,
		timeZone: runtime.timeZone,
		boards: runtime.boards().map((b) => ({ boardId: b.boardId, title: b.title })),
		devices: list.map(({ tokenHash: _hash, ...device }) => ({
			...device,
			// Connected here, or seen by another replica's check within the last few passes.
			online:
				device.revokedMs === null &&
				((activity.get(device.id)?.sockets ?? 0) > 0 ||
					(device.lastSeenMs !== null && nowMs - device.lastSeenMs < ONLINE_WITHIN_MS))
		}))
	};
};

/** Every action checks the permission itself: actions run without the page's load. */
export const actions = {
	bind: async ({ locals, url, request }) => {
		requirePermission(locals, url, 'devices.manage');
		const form = await request.formData();
		const [code, name, boardId] = [text(form, 'code'), text(form, 'name'), text(form, 'boardId')];
		const runtime = getRuntime();
		if (!code || !name || !runtime.boardData(boardId)) {
			return fail(400, { action: 'bind' as const, error: 'devicesFieldsMissing' as const, code, name });
		}
		const device = await getDevices(runtime).bind(code, name.slice(0, 80), boardId);
		if (!device)
			return fail(400, { action: 'bind' as const, error: 'devicesUnknownCode' as const, code, name });
		return { action: 'bind' as const, notice: 'devicesBoundNotice' as const, name: device.name };
	},
	rebind: async ({ locals, url, request }) => {
		requirePermission(locals, url, 'devices.manage');
		const form = await request.formData();
		const runtime = getRuntime();
		const boardId = text(form, 'boardId');
		if (!runtime.boardData(boardId)) return fail(400, { action: 'rebind' as const });
		const device = await getDevices(runtime).rebind(text(form, 'id'), boardId);
		if (!device) return fail(404, { action: 'rebind' as const });
		// The socket's permissions were fixed when it opened: close it so the TV reloads onto its new board.
		runtime.hub.closeDevice(device.id, CloseCode.forbidden, 'board changed');
		return { action: 'rebind' as const };
	},
	revoke: async ({ locals, url, request }) => {
		requirePermission(locals, url, 'devices.manage');
		const form = await request.formData();
		const runtime = getRuntime();
		const device = await getDevices(runtime).revoke(text(form, 'id'));
		if (!device) return fail(404, { action: 'revoke' as const });
		runtime.hub.closeDevice(device.id, CloseCode.unauthorized, 're-pair this screen');
		return { action: 'revoke' as const };
	}
} satisfies Actions;
