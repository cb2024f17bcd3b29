import { describe, expect, it, vi } from 'vitest';
import { AlertSetup } from '../../shared/centre/alert-setup';
import { MemoryBus } from '../bus/memory-bus';
import { createFloor } from '../live/floor-state';
import { testCentreSetup } from '../live/test-events';
import { SettingsStore } from '../settings/store';
import { QueueSettings } from '../settings/schema';
import type { Logger } from '../util/logger';
import { AlertService } from './alert-service';
import { alertSettings, alertSettingsFromSetup, DEFAULT_ALERT_SETTINGS } from './settings';
import { AlertHarness, sec } from './test-harness';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

function onBreak(h: AlertHarness): AlertHarness {
	h.b.login('a1', { queues: ['neg'] });
	h.b.ready('a1');
	h.b.state('a1', 'not_ready', 'break');
	h.flush();
	return h;
}

describe('configured alert settings', () => {
	it('defaults to METRICS.md: 1.2 × busy factor, 20 outcomes, a 15-min rolling window, no peaks', () => {
		expect(alertSettings(alertSettingsFromSetup(AlertSetup.parse({})))).toEqual(DEFAULT_ALERT_SETTINGS);
	});

	it('maps the set-up onto the evaluation settings', () => {
		const setup = AlertSetup.parse({
			hysteresis: { long_contact: { raiseAfterSec: 2 } },
			busyFactor: 1.5,
			minOffered: 40,
			rollingWindowMinutes: 30,
			peakPeriods: [{ start: '20:00', end: '02:00' }]
		});
		const s = alertSettings(alertSettingsFromSetup(setup));
		expect(s.hysteresis.long_contact).toEqual({ raiseAfterSec: 2, clearAfterSec: 10 });
		expect(s.answerRate).toMatchObject({
			window: 'rolling30',
			minOffered: 40,
			busyFactor: 1.5,
			peakPeriods: [{ start: '20:00', end: '02:00' }]
		});
	});

	it('refuses bad settings naming the field', () => {
		const result = AlertSetup.safeParse({
			hysteresis: { stuck_state: { raiseAfterSec: -1 } },
			rollingWindowMinutes: 60,
			peakPeriods: [{ start: '25:00', end: '10:00' }],
			colour: 'red'
		});
		const paths = result.error!.issues.map((i) => i.path.join('.'));
		expect(paths).toEqual(
			expect.arrayContaining([
				'hysteresis.stuck_state.raiseAfterSec',
				'rollingWindowMinutes',
				'peakPeriods.0.start',
				''
			])
		);
	});

	it('uses a per-queue not-ready limit over the centre one, the strictest of the agent’s queues', () => {
		const h = onBreak(new AlertHarness());
		h.floor.queues.get('neg')!.config = {
			...h.floor.queues.get('neg')!.config,
			notReadyLimitsSec: { break: 300 }
		};
		expect(h.runTo(sec(305))).toEqual([]);
		expect(h.runTo(sec(306)).map((c) => [c.change, c.alert.cause, c.alert.figures.limitSec])).toEqual([
			['raised', 'not_ready_over', 300]
		]);
	});

	it('follows the settings store: hysteresis and centre not-ready limits changed at run time', async () => {
		const setup = testCentreSetup();
		const h = onBreak(new AlertHarness());
		const store = new SettingsStore({
			bus: new MemoryBus(),
			prefix: 't',
			setup,
			floor: h.floor,
			logger: quiet
		});
		const service = new AlertService({ floor: h.floor, clock: () => h.nowMs });
		store.onAlertInputs((inputs) => service.configureFrom(inputs));
		await store.start();
		await store.putAlerts(AlertSetup.parse({ hysteresis: { stuck_state: { raiseAfterSec: 20 } } }));
		await store.putNotReadyLimits({ break: 600 });
		expect(service.state.settings.hysteresis.stuck_state.raiseAfterSec).toBe(20);
		h.nowMs = sec(619);
		expect(service.tick()).toEqual([]);
		h.nowMs = sec(620);
		service.tick();
		h.nowMs = sec(640);
		expect(service.tick().map((c) => [c.change, c.alert.figures.limitSec])).toEqual([['raised', 600]]);
	});

	it('reaches a second replica’s alerts through the change notice, and a per-queue limit through the queue settings', async () => {
		const bus = new MemoryBus();
		const replicas = [0, 1].map(() => {
			const setup = testCentreSetup();
			const floor = createFloor(setup, { timeZone: 'Asia/Shanghai' });
			const store = new SettingsStore({ bus, prefix: 't', setup, floor, logger: quiet });
			const alerts = new AlertService({ floor, clock: () => 0 });
			store.onAlertInputs((inputs) => alerts.configureFrom(inputs));
			return { floor, store, alerts };
		});
		await Promise.all(replicas.map((r) => r.store.start()));
		const [a, b] = replicas as [(typeof replicas)[0], (typeof replicas)[0]];
		await a.store.putAlerts(AlertSetup.parse({ minOffered: 50 }));
		await vi.waitFor(() => expect(b.alerts.state.settings.answerRate.minOffered).toBe(50));
		await a.store.putQueue('neg', QueueSettings.parse({ notReadyLimitsSec: { break: 120 } }));
		await vi.waitFor(() =>
			expect(b.floor.queues.get('neg')!.config.notReadyLimitsSec).toEqual({ break: 120 })
		);
	});
});
