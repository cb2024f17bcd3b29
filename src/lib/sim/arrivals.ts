import type { CustomerPool } from './customers';
import type { Engine } from './engine';
import { newContact } from './flow';
import type { ArrivalModel } from './rates';

/**
 * Non-homogeneous Poisson arrivals by thinning: candidates come at the model's maximum rate and each is
 * kept with probability rate(t) ÷ max, then assigned to a queue in proportion to its rate. Exact for any
 * curve, and one timer serves the whole centre.
 */
export function startArrivals(
	engine: Engine,
	model: ArrivalModel,
	customers: CustomerPool,
	fromMs: number
): void {
	if (!(model.maxRate > 0)) return;
	const meanGapMs = 1000 / model.maxRate;
	const rates: number[] = model.queues.map(() => 0);
	let atMs = fromMs;
	const next = () => {
		atMs += engine.rng.exponential(meanGapMs);
		engine.schedule(atMs, candidate);
	};
	const candidate = () => {
		const total = model.ratesAt(engine.nowMs, rates);
		if (engine.rng.next() * model.maxRate < total) {
			const queue = model.queues[engine.rng.weightedIndex(rates)];
			if (queue) newContact(engine, queue, customers.draw(queue, engine.nowMs));
		}
		next();
	};
	next();
}
