import type { Cookies } from '@sveltejs/kit';
import { can } from '../auth/permissions';
import { DEVICE_COOKIE } from './cookie';
import type { Device } from './device';
import { deviceActor, type DeviceStore } from './device-store';

/** What a request for `/wall/<board>` (or its formula cards) may do. */
export type WallAccess =
	| { ok: true; device: Device | null }
	| { ok: false; reason: 'pair' }
	| { ok: false; reason: 'other-board'; boardId: string };

/**
 * Signed-in people read any board; a TV reads only its own; anonymous screens read boards unless
 * pairing is required. A dead device token sends the TV back to pairing rather than showing the board
 * anonymously: a revoked screen must go blank.
 */
export async function wallAccess(
	input: { locals: App.Locals; cookies: Cookies; boardId: string; requirePairing: boolean },
	devices: DeviceStore
): Promise<WallAccess> {
	if (input.locals.user) return { ok: true, device: null };
	const token = input.cookies.get(DEVICE_COOKIE);
	if (token) {
		const device = await devices.byToken(token);
		if (!device) return { ok: false, reason: 'pair' };
		if (!can(deviceActor(device), 'board.read', { board: input.boardId })) {
			return { ok: false, reason: 'other-board', boardId: device.boardId };
		}
		return { ok: true, device };
	}
	return input.requirePairing ? { ok: false, reason: 'pair' } : { ok: true, device: null };
}
