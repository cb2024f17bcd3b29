import type { AlertSeverity } from '../../shared/protocol/alert-frames';
import type { AgentRec, Floor, Leg } from '../live/floor-state';
import { queueConfigOf } from '../live/floor-state';
import { recentRonas, type AlertState, type Condition } from './alert-state';
import { bothLanguages, duration, name, notReadyReason } from './reason-text';

/**
 * Long contacts and stuck states, from one pass over the agents and their open legs. Limits are read
 * from the floor's queue config and the set-up on every pass (they can be edited at runtime). Each
 * agent costs a few comparisons; only agents over a limit build a condition.
 */
export function agentConditions(state: AlertState, floor: Floor, nowMs: number): Condition[] {
	const out: Condition[] = [];
	const stuck = state.settings.stuck;
	const ronaFromMs = nowMs - stuck.ronaWithinSec * 1000;
	for (const agent of floor.agents.values()) {
		for (let i = 0; i < agent.legs.size; i++) {
			const c = legCondition(floor, agent, agent.legs.at(i), nowMs);
			if (c) out.push(c);
		}
		if (agent.displayed === 'offline') continue;
		const c = stuckCondition(state, floor, agent, nowMs, ronaFromMs);
		if (c) out.push(c);
	}
	return out;
}

function severityOf(valueSec: number, yellowSec: number, redSec: number): AlertSeverity | null {
	return valueSec > redSec ? 'red' : valueSec > yellowSec ? 'yellow' : null;
}

const seconds = (fromMs: number, toMs: number) => Math.max(0, toMs - fromMs) / 1000;

/** Talk (hold excluded), the current hold, or the wrap-up, against the leg's queue limits. */
function legCondition(floor: Floor, agent: AgentRec, leg: Leg, nowMs: number): Condition | null {
	if (leg.status === 'ringing' || leg.status === 'transferred') return null;
	const config = queueConfigOf(floor, leg.queueId);
	const { limits } = config;
	let cause: 'talk' | 'hold' | 'wrap_up';
	let valueSec: number;
	let severity: AlertSeverity | null;
	let limitSec: number;
	if (leg.status === 'wrapup') {
		cause = 'wrap_up';
		valueSec = seconds(leg.endedAtMs ?? leg.sinceMs, nowMs);
		severity = severityOf(valueSec, limits.wrapUp.yellowSec, limits.wrapUp.redSec);
		limitSec = limits.wrapUp.yellowSec;
	} else {
		const holdNowMs = leg.holdStartMs === null ? 0 : Math.max(0, nowMs - leg.holdStartMs);
		const talkSec = seconds(leg.answeredAtMs ?? leg.sinceMs, nowMs) - (leg.holdMs + holdNowMs) / 1000;
		const talk = severityOf(talkSec, limits.talk.yellowSec, limits.talk.redSec);
		const hold =
			leg.status === 'held' ? severityOf(holdNowMs / 1000, limits.hold.yellowSec, limits.hold.redSec) : null;
		// A held call over both limits is about the hold: that is what a supervisor can act on now.
		if (hold && !(talk === 'red' && hold === 'yellow')) {
			cause = 'hold';
			valueSec = holdNowMs / 1000;
			severity = hold;
			limitSec = limits.hold.yellowSec;
		} else {
			cause = 'talk';
			valueSec = talkSec;
			severity = talk;
			limitSec = limits.talk.yellowSec;
		}
	}
	if (!severity) return null;
	const key = cause === 'talk' ? 'alertLongTalk' : cause === 'hold' ? 'alertLongHold' : 'alertLongWrapUp';
	return {
		subject: `long_contact|${leg.contactId}|${agent.agentId}`,
		kind: 'long_contact',
		cause,
		severity,
		queueId: leg.queueId,
		agentId: agent.agentId,
		contactId: leg.contactId,
		queueIds: [leg.queueId],
		// The leg's start, whatever the cause: a replica started during the hold names it as one that saw the talk.
		anchorMs: leg.answeredAtMs ?? leg.sinceMs,
		reason: bothLanguages(key, {
			queue: name(config.name),
			agent: agent.name,
			duration: duration(valueSec),
			limit: duration(limitSec)
		}),
		figures: { durationSec: Math.round(valueSec), limitSec, redLimitSec: redLimitOf(limits, cause) }
	};
}

function redLimitOf(
	limits: ReturnType<typeof queueConfigOf>['limits'],
	cause: 'talk' | 'hold' | 'wrap_up'
): number {
	return cause === 'talk' ? limits.talk.redSec : cause === 'hold' ? limits.hold.redSec : limits.wrapUp.redSec;
}

type Stuck = Omit<Condition, 'subject' | 'kind' | 'queueId' | 'agentId' | 'queueIds'>;

/** The first found wins unless a later one is red over its yellow. */
function worse(found: Stuck | null, next: Stuck): Stuck {
	return !found || (next.severity === 'red' && found.severity === 'yellow') ? next : found;
}

/**
 * The agent's worst stuck state: a long ring, a not-ready reason over its limit, repeated ring-outs,
 * staffed and never ready. One alert per agent; its cause follows what holds.
 */
function stuckCondition(
	state: AlertState,
	floor: Floor,
	agent: AgentRec,
	nowMs: number,
	ronaFromMs: number
): Condition | null {
	const s = state.settings.stuck;
	let found: Stuck | null = null;
	for (let i = 0; i < agent.legs.size; i++) {
		const leg = agent.legs.at(i);
		if (leg.status !== 'ringing') continue;
		const ringSec = seconds(leg.sinceMs, nowMs);
		const severity = severityOf(ringSec, s.ringingYellowSec, s.ringingRedSec);
		if (!severity) continue;
		found = worse(found, {
			cause: 'ringing',
			severity,
			contactId: leg.contactId,
			anchorMs: leg.sinceMs,
			reason: bothLanguages('alertRinging', {
				agent: agent.name,
				duration: duration(ringSec),
				limit: duration(s.ringingYellowSec)
			}),
			figures: { durationSec: Math.round(ringSec), limitSec: s.ringingYellowSec }
		});
	}
	if (agent.displayed === 'not_ready') {
		const reason = agent.displayedReason ?? '';
		const limitSec = notReadyLimitSec(state, floor, agent, reason);
		const forSec = seconds(agent.displayedSinceMs, nowMs);
		const severity = limitSec === null ? null : severityOf(forSec, limitSec, limitSec * s.notReadyRedFactor);
		if (severity && limitSec !== null) {
			found = worse(found, {
				cause: 'not_ready_over',
				severity,
				contactId: null,
				anchorMs: agent.displayedSinceMs,
				reason: bothLanguages('alertNotReadyOver', {
					agent: agent.name,
					reason: notReadyReason(reason),
					duration: duration(forSec),
					limit: duration(limitSec)
				}),
				figures: { durationSec: Math.round(forSec), limitSec }
			});
		}
	}
	if (state.ronas.has(agent.agentId)) {
		const n = recentRonas(state, agent.agentId, ronaFromMs);
		if (n >= s.ronaCount) {
			found = worse(found, {
				cause: 'rona',
				severity: n >= 2 * s.ronaCount ? 'red' : 'yellow',
				contactId: null,
				anchorMs: state.ronas.get(agent.agentId)?.[0] ?? nowMs,
				reason: bothLanguages('alertRona', {
					agent: agent.name,
					n,
					minutes: Math.round(s.ronaWithinSec / 60)
				}),
				figures: { ronas: n, withinSec: s.ronaWithinSec }
			});
		}
	}
	const loginMs = state.neverReady.get(agent.agentId);
	if (loginMs !== undefined) {
		// Ready now, or working a contact, means it has been ready since: a missed state event must not
		// leave an agent flagged forever.
		if (agent.ownState === 'ready' || agent.legs.size > 0 || !agent.loggedIn) {
			state.neverReady.delete(agent.agentId);
		} else {
			const forSec = seconds(loginMs, nowMs);
			const severity = severityOf(forSec, s.neverReadySec, 2 * s.neverReadySec);
			if (severity) {
				found = worse(found, {
					cause: 'never_ready',
					severity,
					contactId: null,
					anchorMs: loginMs,
					reason: bothLanguages('alertNeverReady', { agent: agent.name, duration: duration(forSec) }),
					figures: { durationSec: Math.round(forSec), limitSec: s.neverReadySec }
				});
			}
		}
	}
	if (!found) return null;
	return {
		subject: `stuck_state|${agent.agentId}`,
		kind: 'stuck_state',
		queueId: agent.queues[0] ?? null,
		agentId: agent.agentId,
		queueIds: agent.queues,
		...found
	};
}

/**
 * The limit of a not-ready reason: the strictest among the agent's queues that set one (the set-up or
 * the settings API may give `notReadyLimitsSec` per queue), else the centre's (the settings API's over
 * the set-up's); null when the reason has no limit (meeting, training: planned and long).
 */
function notReadyLimitSec(state: AlertState, floor: Floor, agent: AgentRec, reason: string): number | null {
	let limit: number | null = null;
	for (const queueId of agent.queues) {
		const perQueue = floor.queues.get(queueId)?.config.notReadyLimitsSec?.[reason];
		if (perQueue !== undefined && (limit === null || perQueue < limit)) limit = perQueue;
	}
	return limit ?? (state.settings.notReadyLimitsSec ?? floor.setup.notReadyLimitsSec)[reason] ?? null;
}
