import type { Channel } from '../shared/contract/envelope';
import type { QueueSetup } from '../shared/centre/setup';
import type { Rng } from './prng';

export type QueueLine = QueueSetup['line'];

/** A log-normal duration: median and σ of the underlying normal. */
export interface Duration {
	medianSec: number;
	sigma: number;
}

/** How contacts of one queue behave; chosen by channel and line, with a little per-queue variation. */
export interface QueueProfile {
	/** Share of the centre's agent time the queue needs at the busy hour, relative to a tier-1 voice queue. */
	demandWeight: number;
	talk: Duration;
	holdChance: number;
	hold: Duration;
	wrap: Duration;
	ring: Duration;
	ringTimeoutSec: number;
	ronaChance: number;
	/** Mean customer patience; null when customers never hang up (email). */
	patienceMeanSec: number | null;
	/** Share of customers who hang up within seconds (misdials, IVR confusion): the short abandons. */
	shortAbandonChance: number;
	/** After this wait the platform offers voicemail/callback/message; null when it never does. */
	maxWaitSec: number | null;
	flowTo: string;
	transfers: ReadonlyArray<{ line: QueueLine; chance: number }>;
	surveyChance: number;
	/** Chance a survey scores 4 or 5 before penalties for long waits and transfers. */
	satisfiedChance: number;
	/** Chance a new contact comes from a customer seen in the last 48 h. */
	repeatChance: number;
	/** Chance a contact carries no customer key (withheld number, guest chat). */
	anonymousChance: number;
}

const VOICE: QueueProfile = {
	demandWeight: 1,
	talk: { medianSec: 190, sigma: 0.65 },
	holdChance: 0.25,
	hold: { medianSec: 35, sigma: 0.7 },
	wrap: { medianSec: 22, sigma: 0.6 },
	ring: { medianSec: 4, sigma: 0.4 },
	ringTimeoutSec: 20,
	ronaChance: 0.015,
	patienceMeanSec: 110,
	shortAbandonChance: 0.025,
	maxWaitSec: 300,
	flowTo: 'callback',
	transfers: [
		{ line: 'tier2', chance: 0.03 },
		{ line: 'complaint', chance: 0.012 }
	],
	surveyChance: 0.3,
	satisfiedChance: 0.9,
	repeatChance: 0.1,
	anonymousChance: 0.03
};

const CHAT: QueueProfile = {
	...VOICE,
	demandWeight: 0.9,
	talk: { medianSec: 360, sigma: 0.6 },
	holdChance: 0,
	wrap: { medianSec: 8, sigma: 0.5 },
	ring: { medianSec: 2, sigma: 0.4 },
	ringTimeoutSec: 30,
	ronaChance: 0.01,
	patienceMeanSec: 300,
	shortAbandonChance: 0.015,
	maxWaitSec: 900,
	flowTo: 'message',
	transfers: [],
	surveyChance: 0.45,
	satisfiedChance: 0.88,
	repeatChance: 0.08,
	anonymousChance: 0.05
};

const EMAIL: QueueProfile = {
	...VOICE,
	demandWeight: 0.45,
	talk: { medianSec: 240, sigma: 0.6 },
	holdChance: 0,
	wrap: { medianSec: 90, sigma: 0.5 },
	ring: { medianSec: 1, sigma: 0.3 },
	ronaChance: 0,
	patienceMeanSec: null,
	shortAbandonChance: 0,
	maxWaitSec: null,
	transfers: [],
	surveyChance: 0.12,
	satisfiedChance: 0.86,
	repeatChance: 0.12,
	anonymousChance: 0
};

/** Per line, on top of the channel's profile. */
const LINE_OVERRIDES: Record<QueueLine, Partial<QueueProfile>> = {
	tier1: {},
	tier2: {
		demandWeight: 0.6,
		talk: { medianSec: 420, sigma: 0.6 },
		holdChance: 0.4,
		hold: { medianSec: 60, sigma: 0.7 },
		wrap: { medianSec: 60, sigma: 0.5 },
		patienceMeanSec: 200,
		maxWaitSec: 360,
		transfers: [{ line: 'complaint', chance: 0.06 }],
		satisfiedChance: 0.85,
		repeatChance: 0.15
	},
	complaint: {
		demandWeight: 0.4,
		talk: { medianSec: 540, sigma: 0.6 },
		holdChance: 0.45,
		hold: { medianSec: 70, sigma: 0.8 },
		wrap: { medianSec: 90, sigma: 0.5 },
		patienceMeanSec: 150,
		maxWaitSec: 240,
		flowTo: 'voicemail',
		transfers: [],
		satisfiedChance: 0.72,
		repeatChance: 0.3
	},
	vip: {
		demandWeight: 0.3,
		talk: { medianSec: 240, sigma: 0.6 },
		holdChance: 0.2,
		patienceMeanSec: 90,
		maxWaitSec: 120,
		transfers: [{ line: 'tier2', chance: 0.03 }],
		satisfiedChance: 0.93,
		repeatChance: 0,
		anonymousChance: 0
	}
};

const BY_CHANNEL: Record<Channel, QueueProfile> = { voice: VOICE, chat: CHAT, email: EMAIL };

export function profileFor(queue: QueueSetup, rng: Rng): QueueProfile {
	const base = { ...BY_CHANNEL[queue.channel], ...LINE_OVERRIDES[queue.line] };
	// Only voice queues transfer: moving a chat into a phone queue would change the contact's channel.
	const transfers = queue.channel === 'voice' ? base.transfers : [];
	// Queues of the same kind still differ (an after-sales call runs longer than an order-status one).
	const talkFactor = rng.between(0.85, 1.25);
	return { ...base, transfers, talk: { ...base.talk, medianSec: base.talk.medianSec * talkFactor } };
}

/** Mean of a log-normal duration in seconds. */
export function meanSec(d: Duration): number {
	return d.medianSec * Math.exp((d.sigma * d.sigma) / 2);
}

/** Expected agent-slot time per contact (ring + talk + hold + wrap), for sizing arrival rates. */
export function meanSlotSec(p: QueueProfile): number {
	return meanSec(p.ring) + meanSec(p.talk) + p.holdChance * meanSec(p.hold) + meanSec(p.wrap);
}

export function sampleMs(rng: Rng, d: Duration, factor = 1): number {
	return Math.max(1000, Math.round(rng.logNormal(d.medianSec * factor, d.sigma) * 1000));
}

/** Customer patience for one wait, null when the customer never hangs up. */
export function samplePatienceMs(rng: Rng, p: QueueProfile): number | null {
	if (p.patienceMeanSec === null) return null;
	if (rng.chance(p.shortAbandonChance)) return Math.round(rng.between(0.5, 4.5) * 1000);
	return Math.round(rng.exponential(p.patienceMeanSec) * 1000);
}
