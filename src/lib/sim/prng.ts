/** Mixes any number into a well-spread 32-bit seed, so nearby seeds (1, 2, 3) give unrelated streams. */
export function mixSeed(...parts: number[]): number {
	let h = 0x9e3779b9;
	for (const part of parts) {
		h = Math.imul(h ^ (Math.trunc(part) >>> 0), 0x85ebca6b);
		h ^= h >>> 13;
		h = Math.imul(h, 0xc2b2ae35);
		h ^= h >>> 16;
	}
	return h >>> 0;
}

/**
 * mulberry32: small, fast and good enough for traffic. The whole simulation draws from one stream so
 * that a seed replays exactly; nothing here may call Math.random.
 */
export class Rng {
	#state: number;
	#spareNormal: number | null = null;

	constructor(seed: number) {
		this.#state = mixSeed(seed);
	}

	/** Uniform in [0, 1). */
	next(): number {
		this.#state = (this.#state + 0x6d2b79f5) >>> 0;
		let t = this.#state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	}

	/** Integer in [0, n). */
	int(n: number): number {
		return Math.floor(this.next() * n);
	}

	between(min: number, max: number): number {
		return min + this.next() * (max - min);
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	exponential(mean: number): number {
		return -mean * Math.log(1 - this.next());
	}

	/** Standard normal (Box–Muller, the second value kept for the next call). */
	normal(): number {
		if (this.#spareNormal !== null) {
			const spare = this.#spareNormal;
			this.#spareNormal = null;
			return spare;
		}
		const u = 1 - this.next();
		const v = this.next();
		const r = Math.sqrt(-2 * Math.log(u));
		this.#spareNormal = r * Math.sin(2 * Math.PI * v);
		return r * Math.cos(2 * Math.PI * v);
	}

	/** Log-normal given its median and the σ of the underlying normal: right-skewed, like handle times. */
	logNormal(median: number, sigma: number): number {
		return median * Math.exp(sigma * this.normal());
	}

	pick<T>(items: readonly T[]): T {
		const item = items[this.int(items.length)];
		if (item === undefined) throw new RangeError('cannot pick from an empty list');
		return item;
	}

	/** Index drawn with probability proportional to its weight. */
	weightedIndex(weights: readonly number[]): number {
		let total = 0;
		for (const w of weights) total += w;
		let target = this.next() * total;
		for (let i = 0; i < weights.length; i++) {
			target -= weights[i] ?? 0;
			if (target < 0) return i;
		}
		return weights.length - 1;
	}

	/** Lowercase hex digits, e.g. for pseudonymous keys. */
	hex(length: number): string {
		let out = '';
		while (out.length < length)
			out += Math.floor(this.next() * 0x1_0000_0000)
				.toString(16)
				.padStart(8, '0');
		return out.slice(0, length);
	}

	shuffle<T>(items: T[]): T[] {
		for (let i = items.length - 1; i > 0; i--) {
			const j = this.int(i + 1);
			const a = items[i] as T;
			items[i] = items[j] as T;
			items[j] = a;
		}
		return items;
	}
}
