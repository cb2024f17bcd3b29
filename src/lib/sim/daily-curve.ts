import type { Channel } from '../shared/contract/envelope';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
export const MINUTES_PER_DAY = 1440;

/**
 * Relative demand by local time of day for an e-commerce centre: a morning busy hour (10:00-11:30), a
 * dip at lunch, a flat afternoon, an evening busy hour after work (20:00-22:00) and a night that never
 * drops to zero, so a demo at 4 a.m. still moves. Points are [minute of day, level]; 1 is the peak.
 */
const DEMAND_POINTS: ReadonlyArray<readonly [number, number]> = [
	[0, 0.3],
	[60, 0.18],
	[120, 0.11],
	[180, 0.08],
	[240, 0.07],
	[330, 0.07],
	[390, 0.1],
	[450, 0.2],
	[510, 0.45],
	[570, 0.75],
	[600, 0.95],
	[630, 1],
	[690, 0.96],
	[720, 0.8],
	[780, 0.68],
	[840, 0.76],
	[900, 0.8],
	[960, 0.78],
	[1020, 0.72],
	[1080, 0.68],
	[1140, 0.76],
	[1200, 0.93],
	[1245, 0.99],
	[1290, 0.96],
	[1320, 0.8],
	[1380, 0.5],
	[1440, 0.3]
];

function interpolate(points: ReadonlyArray<readonly [number, number]>, minute: number): number {
	for (let i = 1; i < points.length; i++) {
		const [m1, v1] = points[i] as readonly [number, number];
		if (minute <= m1) {
			const [m0, v0] = points[i - 1] as readonly [number, number];
			return v0 + ((v1 - v0) * (minute - m0)) / (m1 - m0);
		}
	}
	return points.at(-1)?.[1] ?? 1;
}

/** Chat is a little stronger in the evening (people shopping from the sofa); email is flat and never sleeps. */
function channelLevel(channel: Channel, minute: number): number {
	const base = interpolate(DEMAND_POINTS, minute);
	if (channel === 'email') return 0.3 + 0.7 * base;
	if (channel === 'chat') {
		const evening = minute >= 1140 && minute < 1380 ? Math.sin(((minute - 1140) / 240) * Math.PI) : 0;
		return base * (1 + 0.15 * evening);
	}
	return base;
}

const TABLES: Record<Channel, Float64Array> = {
	voice: buildTable('voice'),
	chat: buildTable('chat'),
	email: buildTable('email')
};

function buildTable(channel: Channel): Float64Array {
	const table = new Float64Array(MINUTES_PER_DAY);
	for (let m = 0; m < MINUTES_PER_DAY; m++) table[m] = channelLevel(channel, m + 0.5);
	return table;
}

/** Demand level of a channel at a local minute of day (0..1439); about 1 at the busy hour. */
export function demandLevel(channel: Channel, minuteOfDay: number): number {
	return TABLES[channel][Math.floor(minuteOfDay) % MINUTES_PER_DAY] ?? 0;
}

/** Highest level a channel's curve reaches, for bounding arrival rates. */
export function peakLevel(channel: Channel): number {
	let max = 0;
	for (const v of TABLES[channel]) max = Math.max(max, v);
	return max;
}

/**
 * Local time in the centre's time zone without asking Intl on every call: the UTC offset is looked up
 * once per quarter hour of simulated time (offsets only change at DST switches, on such boundaries).
 */
export class LocalClock {
	readonly timeZone: string;
	readonly #format: Intl.DateTimeFormat;
	readonly #offsets = new Map<number, number>();

	constructor(timeZone: string) {
		this.timeZone = timeZone;
		// Throws RangeError for an unknown zone, which is the error the caller should see.
		this.#format = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric'
		});
	}

	offsetMs(ms: number): number {
		const bucket = Math.floor(ms / (15 * MINUTE_MS));
		const cached = this.#offsets.get(bucket);
		if (cached !== undefined) return cached;
		if (this.#offsets.size > 10_000) this.#offsets.clear();
		const at = bucket * 15 * MINUTE_MS;
		const parts: Record<string, number> = {};
		for (const part of this.#format.formatToParts(at)) {
			if (part.type !== 'literal') parts[part.type] = Number(part.value);
		}
		const wall = Date.UTC(
			parts.year ?? 1970,
			(parts.month ?? 1) - 1,
			parts.day ?? 1,
			parts.hour ?? 0,
			parts.minute ?? 0,
			parts.second ?? 0
		);
		const offset = Math.round((wall - at) / MINUTE_MS) * MINUTE_MS;
		this.#offsets.set(bucket, offset);
		return offset;
	}

	/** Milliseconds since the local epoch: UTC ms shifted by the zone's offset. */
	localMs(ms: number): number {
		return ms + this.offsetMs(ms);
	}

	minuteOfDay(ms: number): number {
		return Math.floor(mod(this.localMs(ms), DAY_MS) / MINUTE_MS);
	}

	/** Local calendar day number (days since 1970-01-01 local). */
	dayIndex(ms: number): number {
		return Math.floor(this.localMs(ms) / DAY_MS);
	}

	/** UTC ms of the local midnight that starts the day containing `ms`. */
	dayStartMs(ms: number): number {
		return ms - mod(this.localMs(ms), DAY_MS);
	}
}

export function mod(a: number, n: number): number {
	return ((a % n) + n) % n;
}
