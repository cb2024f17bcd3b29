import { describe, expect, it, vi } from 'vitest';
import type { CcEvent } from '../../shared/contract';
import { MemoryBus } from '../bus/memory-bus';
import { applyEvent } from '../live/apply-event';
import { createFloor } from '../live/floor-state';
import { createEventBuilder, testCentreSetup } from '../live/test-events';
import type { Logger } from '../util/logger';
import { ACK_KEPT_MS, AlertActionStore } from './action-store';
import { AlertService } from './alert-service';
import { sec, T0 } from './test-harness';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * One replica: its own floor, alerts and action store on a shared bus, ticking on its own clock (real
 * replicas' timers never line up, so each test gives each replica a different offset).
 */
class Replica {
	nowMs: number;
	readonly floor = createFloor(testCentreSetup(), { timeZone: 'Asia/Shanghai' });
	readonly store: AlertActionStore;
	readonly alerts: AlertService;

	constructor(bus: MemoryBus, startMs: number) {
		this.nowMs = startMs;
		const clock = () => this.nowMs;
		this.store = new AlertActionStore({ bus, prefix: 't', clock, logger: quiet });
		this.alerts = new AlertService({ floor: this.floor, clock, actions: this.store, logger: quiet });
	}

	apply(events: CcEvent[]): void {
		for (const e of events) {
			applyEvent(this.floor, e, e.ts);
			this.alerts.observe(e);
		}
	}

	/** Ticks once a second, at `offsetMs` past each second, up to `toMs`. */
	runTo(toMs: number, offsetMs: number): void {
		for (let t = Math.floor(this.nowMs / 1000) * 1000 + 1000 + offsetMs; t <= toMs; t += 1000) {
			this.nowMs = t;
			this.alerts.tick();
		}
	}

	only() {
		const list = this.alerts.list();
		expect(list).toHaveLength(1);
		return list[0]!;
	}
}

function longCall(): CcEvent[] {
	const b = createEventBuilder({ startMs: T0 });
	b.login('a1', { queues: ['neg'] });
	b.ready('a1');
	b.queued('c1', 'neg');
	b.answered('c1', 'a1');
	return b.take();
}

/** The answer-rate drop of answer-rate.spec.ts: 96.1 % → 88.4 % on `neg` in a busy period. */
function answerRateDrop(): CcEvent[] {
	const b = createEventBuilder({ startMs: T0 });
	b.login('a1', { queues: ['neg'] });
	b.ready('a1');
	const contacts = (prefix: string, fromSec: number, answered: number) => {
		for (let i = 0; i < 26; i++) {
			const id = `${prefix}${i}`;
			b.at(sec(fromSec + i * 10)).queued(id, 'neg');
			if (i < answered) {
				b.after(1).answered(id, 'a1');
				b.after(60).ended(id, 'a1');
				b.after(1).wrapped(id, 'a1');
			} else b.after(10).abandoned(id);
		}
	};
	contacts('p', 40, 25);
	contacts('c', 1000, 23);
	return b.take().sort((x, y) => x.ts - y.ts);
}

async function twoReplicas(bus = new MemoryBus()) {
	const a = new Replica(bus, T0);
	const b = new Replica(bus, T0 + 300);
	await Promise.all([a.alerts.start(), b.alerts.start()]);
	for (const r of [a, b]) r.apply(longCall());
	a.runTo(sec(620), 0);
	b.runTo(sec(620), 730);
	return { bus, a, b };
}

describe('alerts across replicas', () => {
	it('gives the same alert the same id on replicas whose timers differ', async () => {
		const { a, b } = await twoReplicas();
		expect(a.only().alertId).toBe(b.only().alertId);
		expect(a.only().alertId).toMatch(/^al-[\w-]{16}$/);
		a.alerts.stop();
		b.alerts.stop();
	});

	it('names a queue alert alike on replicas whose timers differ', async () => {
		const bus = new MemoryBus();
		const [a, b] = [new Replica(bus, sec(1790)), new Replica(bus, sec(1792))];
		for (const r of [a, b]) r.apply(answerRateDrop());
		a.runTo(sec(1900), 120);
		b.runTo(sec(1900), 870);
		const drops = (r: Replica) => r.alerts.list({ kind: 'answer_rate_drop' });
		expect(drops(a)).toHaveLength(1);
		expect(drops(a)[0]!.alertId).toBe(drops(b)[0]!.alertId);
	});

	it('continues an acknowledged queue alert on a replica restarted while it holds', async () => {
		const bus = new MemoryBus();
		const a = new Replica(bus, sec(1790));
		await a.alerts.start();
		a.apply(answerRateDrop());
		a.runTo(sec(1840), 0);
		const [alert] = a.alerts.list({ kind: 'answer_rate_drop' });
		await a.alerts.acknowledge(alert!.alertId, 'li.si');
		a.alerts.stop();
		// Restarted in another slot: on its own it would name the alert after its first pass there.
		const restarted = new Replica(bus, sec(1853));
		await restarted.alerts.start();
		restarted.apply(answerRateDrop());
		restarted.runTo(sec(1900), 500);
		expect(restarted.alerts.list({ kind: 'answer_rate_drop' })).toMatchObject([
			{ alertId: alert!.alertId, acks: [{ user: 'li.si' }] }
		]);
		restarted.alerts.stop();
	});

	it('shows an acknowledgement given on one replica on the other, and tells its screens', async () => {
		const { a, b } = await twoReplicas();
		const heard: string[] = [];
		b.alerts.onChanges((changes) => heard.push(...changes.map((c) => `${c.change}:${c.alert.acks.length}`)));
		const result = await a.alerts.acknowledge(a.only().alertId, 'li.si');
		expect(result.ok).toBe(true);
		await vi.waitFor(() => expect(b.only().acks.map((x) => x.user)).toEqual(['li.si']));
		expect(heard).toEqual(['updated:1']);
		await b.alerts.snooze(b.only().alertId, { user: 'wang.wu', minutes: 5 });
		await vi.waitFor(() => expect(a.alerts.list({ user: 'wang.wu' })).toEqual([]));
		a.alerts.stop();
		b.alerts.stop();
	});

	it('keeps two users acting at once on two replicas', async () => {
		const { a, b } = await twoReplicas();
		await Promise.all([
			a.alerts.acknowledge(a.only().alertId, 'li.si'),
			b.alerts.acknowledge(b.only().alertId, 'wang.wu')
		]);
		for (const r of [a, b])
			await vi.waitFor(() =>
				expect(
					r
						.only()
						.acks.map((x) => x.user)
						.sort()
				).toEqual(['li.si', 'wang.wu'])
			);
		a.alerts.stop();
		b.alerts.stop();
	});

	it('keeps acknowledgements and snoozes across a restart', async () => {
		const { bus, a, b } = await twoReplicas();
		const id = a.only().alertId;
		await a.alerts.acknowledge(id, 'li.si');
		await a.alerts.snooze(id, { user: 'li.si', minutes: 30 });
		a.alerts.stop();
		b.alerts.stop();
		// The restarted replica rebuilds the floor from the log, then raises the alert afresh.
		const restarted = new Replica(bus, sec(700));
		await restarted.alerts.start();
		restarted.apply(longCall());
		restarted.runTo(sec(710), 450);
		expect(restarted.only()).toMatchObject({
			alertId: id,
			acks: [{ user: 'li.si', severity: 'yellow' }],
			snoozes: [{ user: 'li.si' }]
		});
		restarted.alerts.stop();
	});

	it('deletes acknowledgements a day old from Redis', async () => {
		const { bus, a, b } = await twoReplicas();
		await a.alerts.acknowledge(a.only().alertId, 'li.si');
		expect(Object.keys(await bus.hgetall('t:alerts:acks'))).toHaveLength(1);
		b.nowMs = a.nowMs + ACK_KEPT_MS + 1;
		await b.store.reload();
		expect(await bus.hgetall('t:alerts:acks')).toEqual({});
		a.alerts.stop();
		b.alerts.stop();
	});
});
