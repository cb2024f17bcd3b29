import { createHash } from 'node:crypto';

/**
 * Alert ids every replica computes alike. Replicas fold the same events, so the subject (kind plus
 * queue, agent or contact) and the event time its condition began are the same everywhere; an id made
 * of only these lets an acknowledgement given through one replica find the alert on the others, and
 * on a restarted one, with no coordination.
 */
export function alertIdOf(subject: string, anchorMs: number): string {
	const digest = createHash('sha256')
		.update(`${subject}|${Math.round(anchorMs)}`)
		.digest('base64url');
	return `al-${digest.slice(0, 16)}`;
}

/**
 * Conditions read from window figures (queue conditions) have no event that starts them; they begin at
 * the evaluation pass that first sees them. Passes run on wall-clock slots of `everyMs` (every replica
 * passes once per slot), so the slot's start stands in for the event time.
 */
export function slotStartMs(nowMs: number, everyMs: number): number {
	return everyMs > 0 ? Math.floor(nowMs / everyMs) * everyMs : nowMs;
}
