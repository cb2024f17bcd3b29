import type { Engine } from './engine';
import type { SimContact } from './routing';

/** Survey delays: IVR right after a call, in-window for chat, by e-mail much later (CONTRACT.md allows hours). */
function surveyDelayMs(engine: Engine, contact: SimContact): number {
	const rng = engine.rng;
	if (contact.channel === 'email') return rng.between(10, 240) * 60_000;
	if (contact.channel === 'chat') return rng.between(3, 60) * 1000;
	// Most callers rate in the IVR after hanging up; some answer an SMS minutes later.
	return rng.chance(0.7) ? rng.between(5, 40) * 1000 : rng.between(3, 90) * 60_000;
}

/** Scores 1..5; long waits and transfers sour the mood, which pulls CSAT down after a bad busy hour. */
function surveyScore(engine: Engine, contact: SimContact): number {
	const rng = engine.rng;
	const profile = contact.queue.profile;
	const slSec = contact.queue.slThresholdSec;
	let satisfied = profile.satisfiedChance;
	if (contact.maxWaitMs > slSec * 3000) satisfied -= 0.2;
	else if (contact.maxWaitMs > slSec * 1000) satisfied -= 0.07;
	if (contact.transfers > 0) satisfied -= 0.1 * contact.transfers;
	if (rng.chance(satisfied)) return rng.chance(0.62) ? 5 : 4;
	return 1 + rng.weightedIndex([0.3, 0.25, 0.45]);
}

export function maybeSurvey(engine: Engine, contact: SimContact): void {
	if (!engine.rng.chance(contact.queue.profile.surveyChance)) return;
	// A contact that closed during the warm-up was never seen by consumers; its survey would be an orphan.
	if (!engine.emitting) return;
	const score = surveyScore(engine, contact);
	const contactId = contact.contactId;
	engine.schedule(engine.nowMs + surveyDelayMs(engine, contact), () =>
		engine.emit({ type: 'contact.survey', contactId, score })
	);
}

/** A supervision session cannot outlive the call it listens to. */
export function endSessions(engine: Engine, contact: SimContact, reason: string): void {
	for (const sessionId of contact.sessions) {
		engine.sessions.delete(sessionId);
		engine.emit({ type: 'supervision.ended', sessionId, reason });
	}
	contact.sessions.clear();
}
