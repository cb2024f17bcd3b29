import type { Capacity, Channel } from '../shared/contract';
import type { CentreSetup } from '../shared/centre/setup';
import { demandLevel, MINUTES_PER_DAY } from './daily-curve';
import { chineseName } from './names';
import type { Rng } from './prng';
import type { QueueState, ShiftWindow, SimAgent } from './routing';

export interface TeamPlan {
	teamId: string;
	queues: QueueState[];
	/** Share of each queue's workload this team carries, by queue id, summing to the team's weight. */
	shares: Map<string, number>;
	weight: number;
}

/** Used when the set-up names no shifts: four overlapping shifts cover the clock. */
const FALLBACK_SHIFTS: ShiftWindow[] = [
	{ shiftId: 'early', startMin: 6 * 60, durationMin: 8 * 60 },
	{ shiftId: 'day', startMin: 9 * 60, durationMin: 9 * 60 },
	{ shiftId: 'late', startMin: 14 * 60, durationMin: 8 * 60 },
	{ shiftId: 'night', startMin: 22 * 60, durationMin: 8 * 60 }
];

/**
 * Staffing follows demand^STAFFING_EXPONENT: flatter than demand, so quiet hours have slack and the
 * busy hours are where the floor runs tight.
 */
const STAFFING_EXPONENT = 0.6;

/** Sample points for staffing maths: every quarter hour, at its middle. */
export const STAFFING_POINTS = Array.from({ length: 96 }, (_, i) => i * 15 + 7);

export function shiftWindows(setup: CentreSetup): ShiftWindow[] {
	if (setup.shifts.length === 0) return FALLBACK_SHIFTS;
	return setup.shifts.map((s) => {
		const startMin = toMinutes(s.start);
		const endMin = toMinutes(s.end);
		// An end not after the start crosses midnight (setup.ts).
		const durationMin = endMin > startMin ? endMin - startMin : endMin + MINUTES_PER_DAY - startMin;
		return { shiftId: s.shiftId, startMin, durationMin };
	});
}

function toMinutes(clock: string): number {
	const [h, m] = clock.split(':').map(Number);
	return (h ?? 0) * 60 + (m ?? 0);
}

export function covers(shift: ShiftWindow, minuteOfDay: number): boolean {
	return (minuteOfDay - shift.startMin + MINUTES_PER_DAY) % MINUTES_PER_DAY < shift.durationMin;
}

/**
 * Teams and the queues they serve. Each queue's workload weight is split evenly among the teams serving
 * it; a set-up without teams gets one team per queue.
 */
export function teamPlans(setup: CentreSetup, queues: Map<string, QueueState>): TeamPlan[] {
	const teams = setup.teams.length
		? setup.teams.map((t) => ({ teamId: t.teamId, queueIds: t.queues }))
		: setup.queues.map((q) => ({ teamId: `team-${q.queueId}`.slice(0, 64), queueIds: [q.queueId] }));
	const servedBy = new Map<string, number>();
	for (const t of teams) for (const id of new Set(t.queueIds)) servedBy.set(id, (servedBy.get(id) ?? 0) + 1);
	return teams.map((t) => {
		const shares = new Map<string, number>();
		const teamQueues: QueueState[] = [];
		for (const id of new Set(t.queueIds)) {
			const queue = queues.get(id);
			if (!queue) continue;
			teamQueues.push(queue);
			shares.set(id, queue.profile.demandWeight / (servedBy.get(id) ?? 1));
		}
		let weight = 0;
		for (const share of shares.values()) weight += share;
		return { teamId: t.teamId, queues: teamQueues, shares, weight };
	});
}

/**
 * Shift weights whose coverage follows the demand curve, flattened (see STAFFING_EXPONENT, with a night floor):
 * small night teams need proportionally more slack than the busy hour, where the centre runs tight.
 * Maximises the worst coverage ÷ target over the day (a max-min fit), so no hour of the day, a shift
 * change included, is left much thinner than the busy hour; multiplicative steps keep weights positive.
 */
export function fitShiftWeights(shifts: ShiftWindow[]): number[] {
	const target = STAFFING_POINTS.map((m) => {
		const level =
			0.6 * demandLevel('voice', m) + 0.3 * demandLevel('chat', m) + 0.1 * demandLevel('email', m);
		// The forecast behind the roster underestimates the evening peak a little, as forecasts do.
		const forecast = m >= 19.5 * 60 && m < 22 * 60 ? 0.94 : 1;
		return Math.pow(Math.max(level * forecast, 0.12), STAFFING_EXPONENT);
	});
	const coverMatrix = shifts.map((s) => STAFFING_POINTS.map((m) => covers(s, m)));
	let weights = shifts.map(() => 1 / shifts.length);
	for (let iteration = 0; iteration < 600; iteration++) {
		const ratio = STAFFING_POINTS.map(
			(_, j) =>
				shifts.reduce((sum, _s, i) => sum + (coverMatrix[i]?.[j] ? (weights[i] ?? 0) : 0), 0) /
				(target[j] ?? 1)
		);
		const worst = Math.min(...ratio);
		// Soft minimum: the thinnest points pull hardest on the shifts that cover them.
		const pull = ratio.map((r) => Math.exp((-40 * (r - worst)) / Math.max(worst, 1e-9)));
		const gain = shifts.map((_, i) =>
			pull.reduce((sum, p, j) => sum + (coverMatrix[i]?.[j] ? p / (target[j] ?? 1) : 0), 0)
		);
		const meanGain = gain.reduce((a, b) => a + b * 1, 0) / gain.length || 1;
		weights = weights.map((w, i) => w * Math.exp(0.05 * ((gain[i] ?? 0) / meanGain - 1)));
		const total = weights.reduce((a, b) => a + b, 0);
		weights = weights.map((w) => w / total);
	}
	return weights;
}

/** Splits `total` into integers proportional to `weights` (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
	const sum = weights.reduce((a, b) => a + b, 0);
	if (sum <= 0) return weights.map(() => 0);
	const exact = weights.map((w) => (total * w) / sum);
	const counts = exact.map(Math.floor);
	let left = total - counts.reduce((a, b) => a + b, 0);
	const order = exact
		.map((x, i) => [x - Math.floor(x), i] as const)
		.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
	for (const [, i] of order) {
		if (left-- <= 0) break;
		counts[i] = (counts[i] ?? 0) + 1;
	}
	return counts;
}

/** Moves agents so every point of the day has someone on the team, when the team is big enough. */
function coverAllDay(counts: number[], shifts: ShiftWindow[], weights: number[]): void {
	for (const m of STAFFING_POINTS) {
		if (shifts.some((s, i) => covers(s, m) && (counts[i] ?? 0) > 0)) continue;
		let to = -1;
		shifts.forEach((s, i) => {
			if (covers(s, m) && (to < 0 || (weights[i] ?? 0) > (weights[to] ?? 0))) to = i;
		});
		let from = -1;
		counts.forEach((c, i) => {
			if (c > 1 && (from < 0 || c > (counts[from] ?? 0))) from = i;
		});
		if (to < 0 || from < 0) return;
		counts[from] = (counts[from] ?? 0) - 1;
		counts[to] = (counts[to] ?? 0) + 1;
	}
}

function capacityFor(
	rng: Rng,
	channels: Set<Channel>
): { capacity: Record<Channel, number>; login: Capacity } {
	// Chat seats differ: new starters hold two chats, seniors four.
	const chat = 2 + rng.weightedIndex([0.15, 0.7, 0.15]);
	const capacity = { voice: 1, chat, email: 1 };
	const login: Capacity = {};
	for (const channel of channels) login[channel] = capacity[channel];
	return { capacity, login };
}

export function buildRoster(
	rng: Rng,
	plans: TeamPlan[],
	shifts: ShiftWindow[],
	agentCount: number
): SimAgent[] {
	const staffed = plans.filter((p) => p.queues.length > 0 && p.weight > 0);
	const teamSizes = apportion(
		agentCount,
		staffed.map((p) => p.weight)
	);
	// Every team gets someone when there are enough agents to go round.
	for (let i = 0; i < teamSizes.length && agentCount >= staffed.length; i++) {
		if ((teamSizes[i] ?? 0) > 0) continue;
		const largest = teamSizes.indexOf(Math.max(...teamSizes));
		teamSizes[largest] = (teamSizes[largest] ?? 0) - 1;
		teamSizes[i] = 1;
	}
	const shiftWeights = fitShiftWeights(shifts);
	const slots: Array<{ plan: TeamPlan; shift: ShiftWindow }> = [];
	staffed.forEach((plan, t) => {
		const counts = apportion(teamSizes[t] ?? 0, shiftWeights);
		if ((teamSizes[t] ?? 0) >= 3) coverAllDay(counts, shifts, shiftWeights);
		counts.forEach((count, s) => {
			const shift = shifts[s];
			if (shift) for (let k = 0; k < count; k++) slots.push({ plan, shift });
		});
	});
	// Agent numbers follow hiring order, not team order.
	rng.shuffle(slots);
	return slots.map(({ plan, shift }, i) => {
		const { capacity, login } = capacityFor(rng, new Set(plan.queues.map((q) => q.channel)));
		return {
			agentId: `a-${10001 + i}`,
			name: chineseName(rng),
			teamId: plan.teamId,
			skills: plan.queues,
			capacity,
			loginCapacity: login,
			shift,
			speed: rng.logNormal(1, 0.15),
			ronaProne: rng.chance(0.02),
			loggedIn: false,
			leaving: false,
			state: 'not_ready',
			reason: null,
			sinceMs: 0,
			open: { voice: 0, chat: 0, email: 0 },
			contacts: new Set(),
			ringing: null,
			pendingNotReady: null,
			stateToken: 0,
			lifeToken: 0,
			shiftEndMs: 0
		};
	});
}
