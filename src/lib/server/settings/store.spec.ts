import { describe, expect, it, vi } from 'vitest';
import { MemoryBus } from '../bus/memory-bus';
import { queueColouring } from '../cards/colouring';
import { createFloor, type Floor } from '../live/floor';
import { testCentreSetup } from '../live/test-events';
import type { Logger } from '../util/logger';
import { AlertSetup } from '../../shared/centre/alert-setup';
import { QueueSettings } from './schema';
import { SettingsStore } from './store';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

function replica(bus: MemoryBus): { floor: Floor; store: SettingsStore } {
	const setup = testCentreSetup();
	const floor = createFloor(setup, { timeZone: 'Asia/Shanghai' });
	const store = new SettingsStore({ bus, prefix: 't', setup, floor, logger: quiet, clock: () => 1_000 });
	return { floor, store };
}

const stricter = QueueSettings.parse({ targets: { answerRate: 0.98 }, thresholds: { asaSec: { red: 30 } } });

describe('SettingsStore', () => {
	it('starts from the set-up and changes the floor config at once on a put', async () => {
		const bus = new MemoryBus();
		const { floor, store } = replica(bus);
		await store.start();
		expect(store.queue('neg')).toMatchObject({ source: 'setup', updatedAtMs: null });
		await store.putQueue('neg', stricter);
		expect(floor.queues.get('neg')!.config.targets.answerRate).toBe(0.98);
		expect(queueColouring(floor, 'neg').bands.asaSec).toMatchObject({ yellow: 24, red: 30 });
		expect(store.queue('neg')).toMatchObject({ source: 'api', updatedAtMs: 1_000 });
	});

	it('keeps the channel default SL threshold when the settings give none', async () => {
		const { floor, store } = replica(new MemoryBus());
		await store.start();
		await store.putQueue('chat', QueueSettings.parse({}));
		expect(floor.queues.get('chat')!.config.slThresholdSec).toBe(60);
	});

	it('reaches another replica through the change notice', async () => {
		const bus = new MemoryBus();
		const a = replica(bus);
		const b = replica(bus);
		await Promise.all([a.store.start(), b.store.start()]);
		await a.store.putQueue('vip', stricter);
		await vi.waitFor(() => expect(b.floor.queues.get('vip')!.config.targets.answerRate).toBe(0.98));
		await a.store.putNotReadyLimits({ break: 600 });
		await vi.waitFor(() => expect(b.store.notReadyLimits().notReadyLimitsSec).toEqual({ break: 600 }));
	});

	it('reloads stored settings at start, over the set-up', async () => {
		const bus = new MemoryBus();
		const first = replica(bus);
		await first.store.start();
		await first.store.putQueue('neg', stricter);
		const restarted = replica(bus);
		expect(restarted.floor.queues.get('neg')!.config.targets.answerRate).toBe(0.95);
		await restarted.store.start();
		expect(restarted.store.loaded).toBe(true);
		expect(restarted.floor.queues.get('neg')!.config.targets.answerRate).toBe(0.98);
	});

	it('skips a stored entry that no longer validates and keeps the set-up', async () => {
		const bus = new MemoryBus();
		await bus.hset(
			't:settings:queues',
			'neg',
			JSON.stringify({ v: 1, updatedAtMs: 1, value: { targets: 5 } })
		);
		const { floor, store } = replica(bus);
		await store.start();
		expect(store.queue('neg')!.source).toBe('setup');
		expect(floor.queues.get('neg')!.config.targets.answerRate).toBe(0.95);
	});

	it('goes back to the set-up values on a reset, here and on another replica, and after a restart', async () => {
		const bus = new MemoryBus();
		const a = replica(bus);
		const b = replica(bus);
		await Promise.all([a.store.start(), b.store.start()]);
		await a.store.putQueue('neg', stricter);
		await vi.waitFor(() => expect(b.floor.queues.get('neg')!.config.targets.answerRate).toBe(0.98));
		expect(await a.store.resetQueue('neg')).toMatchObject({ source: 'setup', updatedAtMs: null });
		expect(a.floor.queues.get('neg')!.config.targets.answerRate).toBe(0.95);
		await vi.waitFor(() => expect(b.store.queue('neg')!.source).toBe('setup'));
		expect(b.floor.queues.get('neg')!.config.targets.answerRate).toBe(0.95);
		const restarted = replica(bus);
		await restarted.store.start();
		expect(restarted.store.queue('neg')!.source).toBe('setup');
	});

	it('stores alert settings, tells listeners here and on another replica, and reloads them at start', async () => {
		const bus = new MemoryBus();
		const a = replica(bus);
		const b = replica(bus);
		await Promise.all([a.store.start(), b.store.start()]);
		const heard: number[] = [];
		b.store.onAlertInputs((inputs) => heard.push(inputs.alerts.busyFactor));
		expect(heard).toEqual([1.2]);
		const entry = await a.store.putAlerts(AlertSetup.parse({ busyFactor: 1.4 }));
		expect(entry).toMatchObject({ source: 'api', updatedAtMs: 1_000, settings: { busyFactor: 1.4 } });
		await vi.waitFor(() => expect(heard).toEqual([1.2, 1.4]));
		const restarted = replica(bus);
		await restarted.store.start();
		expect(restarted.store.alerts()).toMatchObject({
			source: 'api',
			settings: { busyFactor: 1.4, minOffered: 20 }
		});
	});
});
