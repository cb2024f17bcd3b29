import type { ServiceLevelPoint } from '$lib/shared/staffing/calc-page';
import type { CalcQuery } from './calc';
import { erlangA } from './erlang-a';
import { serviceLevel, trafficErlangs } from './erlang-c';

/** At most this many points either side of the centre: 25 in all keeps a page to ~25 model evaluations. */
const STEPS_EACH_SIDE = 12;

/**
 * Service level at staffings around `centre` (the required or given N), for the page's chart. The
 * window spans about 2·√A agents either side, the width over which SL climbs from nothing to nearly
 * everything (the square-root staffing rule), and never less than 6 so a small queue still shows its
 * curve. The centre itself is always one of the points, so a marker placed there sits on the line.
 */
export function serviceLevelCurve(query: CalcQuery, centre: number): ServiceLevelPoint[] {
	const arrivalsPerSec = query.arrivals / query.intervalSec;
	const traffic = trafficErlangs(arrivalsPerSec, query.ahtSec);
	const span = Math.max(6, Math.ceil(2 * Math.sqrt(traffic)));
	const step = Math.max(1, Math.ceil(span / STEPS_EACH_SIDE));
	const steps = Math.ceil(span / step);
	const at = (agents: number): number => {
		if (query.model === 'erlang-a' && query.patienceSec !== undefined) {
			const { ahtSec, patienceSec, thresholdSec } = query;
			return erlangA({ agents, arrivalsPerSec, ahtSec, patienceSec, thresholdSec }).serviceLevel;
		}
		return serviceLevel(agents, traffic, query.ahtSec, query.thresholdSec);
	};
	const points: ServiceLevelPoint[] = [];
	for (let k = -steps; k <= steps; k++) {
		const agents = centre + k * step;
		if (agents >= 0) points.push({ agents, serviceLevel: at(agents) });
	}
	return points;
}
