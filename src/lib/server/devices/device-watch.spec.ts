import { describe, expect, it } from 'vitest';
import { MemoryKeyValueStore } from '../auth/memory-kv';
import type { DeviceActivity } from '../realtime/hub';
import { DeviceStore } from './device-store';
import { watchDevicesOnce } from './device-watch';

describe('watchDevicesOnce', () => {
	it('records activity of live TVs, closes revoked ones with 4401 and rebound ones with 4403', async () => {
		const store = new DeviceStore({ kv: new MemoryKeyValueStore(() => 0), prefix: 't', clock: () => 0 });
		const a = (await store.bind((await store.requestPairing('x')).code, 'A', 'b1'))!;
		const b = (await store.bind((await store.requestPairing('x')).code, 'B', 'b1'))!;
		const c = (await store.bind((await store.requestPairing('x')).code, 'C', 'b1'))!;
		await store.revoke(b.id);
		await store.rebind(c.id, 'b2');
		const closed: Array<[string, number]> = [];
		const activity = new Map<string, DeviceActivity>([
			[a.id, { sockets: 1, boards: ['b1'], lastDataMs: 900 }],
			[b.id, { sockets: 1, boards: ['b1'], lastDataMs: 800 }],
			[c.id, { sockets: 1, boards: ['b1'], lastDataMs: 800 }]
		]);
		const hub = {
			deviceActivity: () => activity,
			closeDevice: (id: string, code: number) => closed.push([id, code])
		};
		await watchDevicesOnce(hub, store, 1_000);
		expect(closed).toEqual([
			[b.id, 4401],
			[c.id, 4403]
		]);
		expect(await store.get(a.id)).toMatchObject({ lastSeenMs: 1_000, lastDataMs: 900 });
	});
});
