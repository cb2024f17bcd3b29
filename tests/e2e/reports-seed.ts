/**
 * A known history for the report test: one voice queue through a morning, calm but for a rush from
 * 10:00 to 11:00 that six agents cannot keep up with, so the answer rate falls and the floor is short
 * exactly there. Contacts go to the first free agent; a caller waits at most 45 s, then hangs up.
 */

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const TALK_SEC = 200;
const WRAP_SEC = 20;
const PATIENCE_SEC = 45;
const AGENTS = 6;

export const REPORT_QUEUE = 'orders-voice';

interface DayPlan {
	/** Local date in the centre's zone (Asia/Shanghai, the default). */
	date: string;
	/** Seconds between arrivals, normally and during the 10:00-11:00 rush. */
	calmGapSec: number;
	rushGapSec: number;
}

export const REPORT_DAY: DayPlan = { date: '2026-03-02', calmGapSec: 90, rushGapSec: 15 };
export const COMPARE_DAY: DayPlan = { date: '2026-02-23', calmGapSec: 120, rushGapSec: 30 };

type Body = Record<string, unknown>;

function localMs(date: string, hour: number, minute = 0): number {
	return Date.parse(`${date}T00:00:00Z`) - SHANGHAI_OFFSET_MS + (hour * 60 + minute) * 60_000;
}

function dayEvents(plan: DayPlan): { ts: number; body: Body }[] {
	const events: { ts: number; body: Body }[] = [];
	const agents = Array.from({ length: AGENTS }, (_, n) => `rep-${plan.date}-a${n}`);
	const loginMs = localMs(plan.date, 8, 50);
	for (const agentId of agents) {
		events.push({
			ts: loginMs,
			body: { type: 'agent.login', agentId, name: agentId, teamId: 't1-voice-b', queues: [REPORT_QUEUE] }
		});
		events.push({ ts: loginMs, body: { type: 'agent.state', agentId, state: 'ready' } });
	}
	const freeAt = agents.map(() => loginMs);
	const rushFrom = localMs(plan.date, 10);
	const rushTo = localMs(plan.date, 11);
	let n = 0;
	for (let t = localMs(plan.date, 9); t < localMs(plan.date, 12); n++) {
		const contactId = `rep-${plan.date}-c${n}`;
		events.push({
			ts: t,
			body: { type: 'contact.queued', contactId, queueId: REPORT_QUEUE, channel: 'voice' }
		});
		const k = freeAt.indexOf(Math.min(...freeAt));
		const answerMs = Math.max(t, freeAt[k]!);
		if (answerMs - t > PATIENCE_SEC * 1000) {
			events.push({ ts: t + PATIENCE_SEC * 1000, body: { type: 'contact.abandoned', contactId } });
		} else {
			const agentId = agents[k]!;
			const endMs = answerMs + TALK_SEC * 1000;
			events.push({ ts: answerMs, body: { type: 'contact.answered', contactId, agentId } });
			events.push({ ts: endMs, body: { type: 'contact.ended', contactId, agentId } });
			events.push({ ts: endMs + WRAP_SEC * 1000, body: { type: 'contact.wrapped', contactId, agentId } });
			freeAt[k] = endMs + WRAP_SEC * 1000;
		}
		t += (t >= rushFrom && t < rushTo ? plan.rushGapSec : plan.calmGapSec) * 1000;
	}
	for (const agentId of agents) {
		events.push({ ts: localMs(plan.date, 12, 30), body: { type: 'agent.logout', agentId } });
	}
	return events;
}

/** NDJSON of contract events for the import API, in time order, numbered per source. */
export function reportHistoryNdjson(): string {
	const events = [...dayEvents(COMPARE_DAY), ...dayEvents(REPORT_DAY)].sort((a, b) => a.ts - b.ts);
	return events
		.map(({ ts, body }, seq) =>
			JSON.stringify({ v: 1, id: `rep-${seq}`, source: 'e2e-reports', seq, ts, ...body })
		)
		.join('\n');
}
