import { demandLevel, MINUTE_MS, peakLevel } from './daily-curve';
import type { Engine } from './engine';
import { meanSlotSec } from './profiles';
import { mixSeed, Rng } from './prng';
import { covers, STAFFING_POINTS, type TeamPlan } from './roster';
import type { QueueState, SimAgent } from './routing';

/** Share of staffed time lost to breaks, lunch, meetings and log-in preparation. */
const SHRINKAGE = 0.15;
/**
 * Square-root staffing in reverse: a team of n working agents is given n − β√n Erlangs at its busiest
 * quarter hour. A small β for tier 1 makes the busy hour run a little short (queues build and the answer
 * rate visibly dips, as on a real floor); the small expert, complaint and VIP teams get the slack that
 * such lines are staffed with.
 */
const PEAK_BETA: Record<QueueState['line'], number> = { tier1: 0.1, tier2: 0.9, complaint: 0.9, vip: 1.1 };
const NOISE_MAX = 1.12;
const DAY_FACTOR_MAX = 1.05;
const SURGE_FACTOR_MAX = 1.8;
const SURGES_PER_DAY = 2;

interface Surge {
	queueIndex: number;
	startMs: number;
	endMs: number;
	factor: number;
}

interface DayTraffic {
	factor: number;
	surges: Surge[];
}

/**
 * Arrival rates per queue: sized from the roster so that the busiest quarter hour of each team runs at
 * PEAK_LOAD, shaped by the daily curve, with slow noise, a day-to-day factor and a couple of short
 * surges a day (a delivery problem, a promotion going live) that the alerts should catch.
 */
export class ArrivalModel {
	readonly queues: QueueState[];
	/** Arrivals per second at demand level 1, before noise and surges. */
	readonly baseRates: number[];
	readonly maxRate: number;
	readonly #engine: Engine;
	readonly #phases: [number, number];
	readonly #days = new Map<number, DayTraffic>();

	constructor(engine: Engine, plans: TeamPlan[], agents: SimAgent[]) {
		this.#engine = engine;
		this.queues = [...engine.queues.values()];
		this.baseRates = sizeRates(this.queues, plans, agents, engine);
		const phaseRng = new Rng(mixSeed(engine.seed, 0x5eed));
		this.#phases = [phaseRng.between(0, 2 * Math.PI), phaseRng.between(0, 2 * Math.PI)];
		let sum = 0;
		let largest = 0;
		this.queues.forEach((q, i) => {
			const peak = (this.baseRates[i] ?? 0) * peakLevel(q.channel);
			sum += peak;
			largest = Math.max(largest, peak);
		});
		this.maxRate = (sum + SURGES_PER_DAY * (SURGE_FACTOR_MAX - 1) * largest) * NOISE_MAX * DAY_FACTOR_MAX;
	}

	/** Fills `out` with each queue's arrival rate (per second) at `ms`; returns their sum. */
	ratesAt(ms: number, out: number[]): number {
		const clock = this.#engine.clock;
		const minute = clock.minuteOfDay(ms);
		const day = this.#day(ms);
		const [p1, p2] = this.#phases;
		const noise =
			1 +
			0.07 * Math.sin((2 * Math.PI * ms) / (47 * MINUTE_MS) + p1) +
			0.05 * Math.sin((2 * Math.PI * ms) / (131 * MINUTE_MS) + p2);
		let total = 0;
		this.queues.forEach((q, i) => {
			let rate = (this.baseRates[i] ?? 0) * demandLevel(q.channel, minute) * noise * day.factor;
			for (const s of day.surges) if (s.queueIndex === i && ms >= s.startMs && ms < s.endMs) rate *= s.factor;
			out[i] = rate;
			total += rate;
		});
		return total;
	}

	/** Per-day traffic drawn from its own seeded stream, so it does not depend on what ran before. */
	#day(ms: number): DayTraffic {
		const clock = this.#engine.clock;
		const index = clock.dayIndex(ms);
		const known = this.#days.get(index);
		if (known) return known;
		const rng = new Rng(mixSeed(this.#engine.seed, index));
		const dayStartMs = clock.dayStartMs(ms);
		const candidates = this.queues
			.map((q, i) => ({ q, i }))
			.filter(({ q, i }) => q.line === 'tier1' && (this.baseRates[i] ?? 0) > 0);
		const surges: Surge[] = [];
		for (let k = 0; k < SURGES_PER_DAY && candidates.length; k++) {
			const startMs = dayStartMs + rng.between(9 * 60, 21.5 * 60) * MINUTE_MS;
			surges.push({
				queueIndex: rng.pick(candidates).i,
				startMs,
				endMs: startMs + rng.between(12, 30) * MINUTE_MS,
				factor: rng.between(1.4, SURGE_FACTOR_MAX)
			});
		}
		const traffic = { factor: rng.between(0.93, DAY_FACTOR_MAX), surges };
		if (this.#days.size > 64) this.#days.clear();
		this.#days.set(index, traffic);
		return traffic;
	}
}

function slotsPerAgent(queue: QueueState): number {
	return queue.channel === 'chat' ? 3 : 1;
}

function sizeRates(queues: QueueState[], plans: TeamPlan[], agents: SimAgent[], engine: Engine): number[] {
	const agentErlangs = new Map<string, number>();
	for (const plan of plans) {
		const members = agents.filter((a) => a.teamId === plan.teamId);
		if (members.length === 0) continue;
		const demand = STAFFING_POINTS.map((m) =>
			plan.queues.reduce((sum, q) => sum + (plan.shares.get(q.queueId) ?? 0) * demandLevel(q.channel, m), 0)
		);
		const peakDemand = Math.max(...demand);
		const beta = Math.min(...plan.queues.map((q) => PEAK_BETA[q.line]));
		let scale = Infinity;
		STAFFING_POINTS.forEach((m, j) => {
			const d = demand[j] ?? 0;
			// Only the busy part of the day sets the size; nights are sized by the staffing floor instead.
			if (d < 0.5 * peakDemand) return;
			const working = members.reduce((n, a) => n + (covers(a.shift, m) ? 1 : 0), 0) * (1 - SHRINKAGE);
			scale = Math.min(scale, Math.max(0.3 * working, working - beta * Math.sqrt(working)) / d);
		});
		if (!Number.isFinite(scale)) continue;
		for (const [queueId, share] of plan.shares) {
			agentErlangs.set(queueId, (agentErlangs.get(queueId) ?? 0) + scale * share);
		}
	}
	const totals = queues.map(
		(q) => ((agentErlangs.get(q.queueId) ?? 0) * slotsPerAgent(q)) / meanSlotSec(q.profile)
	);
	// Tier-2 and complaints get part of their work as transfers; only the rest arrives directly.
	const inflow = queues.map(() => 0);
	queues.forEach((source, i) => {
		for (const { line, chance } of source.profile.transfers) {
			const target = engine.lineQueues.get(line);
			const j = target ? queues.indexOf(target) : -1;
			if (j >= 0 && j !== i) inflow[j] = (inflow[j] ?? 0) + (totals[i] ?? 0) * chance;
		}
	});
	return totals.map((total, i) => Math.max(0.15 * total, total - (inflow[i] ?? 0)));
}
