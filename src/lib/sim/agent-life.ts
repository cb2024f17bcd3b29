import { DAY_MS, demandLevel, HOUR_MS, MINUTE_MS } from './daily-curve';
import type { Engine } from './engine';
import { settleAgent, setReady } from './flow';
import type { ShiftWindow, SimAgent } from './routing';

/** Share of agents who do not turn up on a given day: the busy hour is then a little short. */
const ABSENCE_CHANCE = 0.04;

interface Occurrence {
	startMs: number;
	endMs: number;
}

/** The occurrence of a shift that covers `atMs`, or the next one to start. */
export function shiftOccurrence(engine: Engine, shift: ShiftWindow, atMs: number): Occurrence {
	const dayStartMs = engine.clock.dayStartMs(atMs);
	for (let day = -1; day <= 1; day++) {
		const startMs = dayStartMs + day * DAY_MS + shift.startMin * MINUTE_MS;
		const endMs = startMs + shift.durationMin * MINUTE_MS;
		if (endMs > atMs) return { startMs, endMs };
	}
	const startMs = dayStartMs + 2 * DAY_MS + shift.startMin * MINUTE_MS;
	return { startMs, endMs: startMs + shift.durationMin * MINUTE_MS };
}

/** Puts every agent on the roster: those on shift now log in at once, the rest at their next shift. */
export function startAgents(engine: Engine, fromMs: number): void {
	engine.hooks = { loggedOut: (agent, forced) => afterLogout(engine, agent, forced) };
	for (const agent of engine.agents) {
		const occurrence = shiftOccurrence(engine, agent.shift, fromMs);
		if (occurrence.startMs <= fromMs) {
			engine.schedule(fromMs + engine.rng.between(0, 60_000), () => login(engine, agent, occurrence));
		} else {
			scheduleShift(engine, agent, occurrence);
		}
	}
}

function scheduleShift(engine: Engine, agent: SimAgent, occurrence: Occurrence): void {
	const rng = engine.rng;
	// Most arrive a few minutes early; a few are late.
	const offsetMs = rng.chance(0.06) ? rng.between(1, 15) * MINUTE_MS : -rng.between(0, 10) * MINUTE_MS;
	engine.schedule(occurrence.startMs + offsetMs, () => {
		if (rng.chance(ABSENCE_CHANCE)) {
			scheduleShift(engine, agent, shiftOccurrence(engine, agent.shift, occurrence.endMs));
			return;
		}
		login(engine, agent, occurrence);
	});
}

function login(engine: Engine, agent: SimAgent, occurrence: Occurrence, withBreaks = true): void {
	if (agent.loggedIn) return;
	const rng = engine.rng;
	agent.loggedIn = true;
	agent.leaving = false;
	agent.shiftEndMs = occurrence.endMs;
	const life = ++agent.lifeToken;
	engine.loggedIn++;
	engine.emit({
		type: 'agent.login',
		agentId: agent.agentId,
		name: agent.name,
		teamId: agent.teamId,
		queues: agent.skills.map((q) => q.queueId),
		capacity: agent.loginCapacity
	});
	agent.state = 'not_ready';
	agent.reason = null;
	agent.sinceMs = engine.nowMs;
	engine.emit({ type: 'agent.state', agentId: agent.agentId, state: 'not_ready' });
	const token = ++agent.stateToken;
	// Opening tools takes a minute; a few agents stay staffed-but-not-ready long enough to raise the alert.
	const prepMs = rng.chance(0.03) ? rng.between(10, 14) * MINUTE_MS : rng.between(5, 90) * 1000;
	engine.schedule(engine.nowMs + prepMs, () => {
		if (agent.stateToken === token && agent.loggedIn) setReady(engine, agent);
	});
	engine.schedule(occurrence.endMs + rng.between(0, 8) * MINUTE_MS, () => {
		if (agent.lifeToken !== life || !agent.loggedIn) return;
		agent.leaving = true;
		agent.pendingNotReady = null;
		settleAgent(engine, agent);
	});
	if (withBreaks) planBreaks(engine, agent, occurrence, life);
}

/**
 * Breaks, lunch and the odd meeting, training or outbound block; durations overrun now and then. Times
 * are spread over the shift and lean towards quiet hours, as a workforce planner would place them, so a
 * whole shift is not at lunch during the evening busy hour.
 */
function planBreaks(engine: Engine, agent: SimAgent, occurrence: Occurrence, life: number): void {
	const rng = engine.rng;
	const { startMs, endMs } = occurrence;
	const lengthMs = endMs - startMs;
	const plan: Array<{ atMs: number; reason: string; durationMs: number }> = [];
	const breakMs = () => Math.max(5 * MINUTE_MS, rng.logNormal(13, 0.22) * MINUTE_MS);
	const quiet = (fromMs: number, toMs: number) => quietTime(engine, fromMs, toMs);
	if (lengthMs >= 4 * HOUR_MS) {
		plan.push({
			atMs: quiet(startMs + 1.25 * HOUR_MS, startMs + 2.75 * HOUR_MS),
			reason: 'break',
			durationMs: breakMs()
		});
	}
	if (lengthMs >= 7 * HOUR_MS) {
		const durationMs = rng.logNormal(40, 0.25) * MINUTE_MS;
		plan.push({ atMs: quiet(startMs + 3 * HOUR_MS, endMs - 3 * HOUR_MS), reason: 'lunch', durationMs });
	}
	if (lengthMs >= 6 * HOUR_MS) {
		plan.push({
			atMs: quiet(endMs - 2.5 * HOUR_MS, endMs - 1 * HOUR_MS),
			reason: 'break',
			durationMs: breakMs()
		});
	}
	const anytime = () => quiet(startMs + 0.15 * lengthMs, endMs - 0.15 * lengthMs);
	if (rng.chance(0.08))
		plan.push({ atMs: anytime(), reason: 'meeting', durationMs: rng.between(20, 45) * MINUTE_MS });
	if (rng.chance(0.03))
		plan.push({ atMs: anytime(), reason: 'training', durationMs: rng.between(60, 120) * MINUTE_MS });
	if (rng.chance(0.05))
		plan.push({ atMs: anytime(), reason: 'outbound', durationMs: rng.between(10, 25) * MINUTE_MS });
	for (const item of plan) {
		if (item.atMs <= engine.nowMs) continue;
		engine.schedule(item.atMs, () =>
			requestNotReady(engine, agent, item.reason, Math.round(item.durationMs), life)
		);
	}
}

/** The quietest of a few random times in a window: breaks drift away from the busy hours, not perfectly. */
function quietTime(engine: Engine, fromMs: number, toMs: number): number {
	let best = engine.rng.between(fromMs, toMs);
	let bestLevel = demandLevel('voice', engine.clock.minuteOfDay(best));
	for (let i = 0; i < 2; i++) {
		const atMs = engine.rng.between(fromMs, toMs);
		const level = demandLevel('voice', engine.clock.minuteOfDay(atMs));
		if (level < bestLevel) {
			best = atMs;
			bestLevel = level;
		}
	}
	return best;
}

/** Asks for a break: taken at once when idle, otherwise after the current contacts (no new offers meanwhile). */
function requestNotReady(
	engine: Engine,
	agent: SimAgent,
	reason: string,
	durationMs: number,
	life: number
): void {
	if (agent.lifeToken !== life || !agent.loggedIn || agent.leaving || agent.pendingNotReady) return;
	if (agent.state === 'not_ready') {
		// Already away (parked after a missed offer, or set by a supervisor): try again shortly.
		engine.schedule(engine.nowMs + engine.rng.between(2, 5) * MINUTE_MS, () =>
			requestNotReady(engine, agent, reason, durationMs, life)
		);
		return;
	}
	agent.pendingNotReady = { reason, durationMs };
	settleAgent(engine, agent);
}

/** After a forced logout the agent logs back in within minutes if the shift has time left. */
function afterLogout(engine: Engine, agent: SimAgent, forced: boolean): void {
	const now = engine.nowMs;
	const backMs = now + engine.rng.between(3, 8) * MINUTE_MS;
	if (forced && backMs < agent.shiftEndMs - 20 * MINUTE_MS) {
		const occurrence = {
			startMs: agent.shiftEndMs - agent.shift.durationMin * MINUTE_MS,
			endMs: agent.shiftEndMs
		};
		// Breaks already taken are not planned again; the rest of the day's plan went with the logout.
		engine.schedule(backMs, () => login(engine, agent, occurrence, false));
		return;
	}
	scheduleShift(
		engine,
		agent,
		shiftOccurrence(engine, agent.shift, Math.max(now, agent.shiftEndMs) + HOUR_MS)
	);
}
