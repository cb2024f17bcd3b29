import type { DeviceActivity } from '../realtime/hub';
import { CloseCode } from '../../shared/protocol/close-codes';
import type { DeviceStore } from './device-store';

/** How often connected TVs are checked against the store and their activity recorded. */
export const DEVICE_WATCH_MS = 5_000;
/** A TV last seen within this long by any replica counts as online in the device list. */
export const ONLINE_WITHIN_MS = 3 * DEVICE_WATCH_MS;

export interface DeviceWatchHub {
	deviceActivity(): Map<string, DeviceActivity>;
	closeDevice(deviceId: string, code: CloseCode, reason: string): number;
}

/**
 * One pass: records when each connected TV was seen and last sent data, and closes the sockets of TVs
 * revoked or rebound elsewhere. The admin's own replica closes at once; this catches the other replicas.
 */
export async function watchDevicesOnce(
	hub: DeviceWatchHub,
	devices: DeviceStore,
	nowMs: number
): Promise<void> {
	for (const [id, seen] of hub.deviceActivity()) {
		const device = await devices.get(id);
		if (!device || device.revokedMs !== null) {
			hub.closeDevice(id, CloseCode.unauthorized, 're-pair this screen');
			continue;
		}
		// Rebound on another replica: the sockets' permissions are for the old board; the TV reloads.
		if (!seen.boards.includes(device.boardId)) hub.closeDevice(id, CloseCode.forbidden, 'board changed');
		await devices.touch(id, { seenMs: nowMs, dataMs: seen.lastDataMs });
	}
}

/** Starts the periodic pass; returns its stop. Failures (store unreachable) wait for the next pass. */
export function startDeviceWatch(hub: DeviceWatchHub, devices: DeviceStore, onError: (err: unknown) => void) {
	let running = false;
	const timer = setInterval(() => {
		if (running) return;
		running = true;
		watchDevicesOnce(hub, devices, Date.now())
			.catch(onError)
			.finally(() => (running = false));
	}, DEVICE_WATCH_MS);
	timer.unref?.();
	return () => clearInterval(timer);
}
