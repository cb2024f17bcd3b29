import { z } from 'zod';
import {
	CALC_PARAMETERS,
	STAFFING_MODELS,
	type CalcIssue,
	type CalcParameter,
	type CalcResult,
	type StaffingModel
} from '$lib/shared/staffing/calc-result';
import { erlangA } from './erlang-a';
import { asaSec, erlangC, occupancy, serviceLevel, trafficErlangs } from './erlang-c';
import { requiredAgents, withShrinkage, type RequiredAgentsInput } from './required';

export type { CalcIssue, CalcResult } from '$lib/shared/staffing/calc-result';

/**
 * Parser and calculator behind `GET /api/v1/staffing/calc`. Pure: the route hands over its
 * URLSearchParams and serialises the result, so every rule about the query lives (and is tested) here.
 */

export const DEFAULT_INTERVAL_SEC = 1800;
export const DEFAULT_SHRINKAGE = 0.3;

/**
 * Bounds that keep one request under ~100 ms. The calculator shares its process, and so its event loop,
 * with the live hub: a request that computes for a second freezes every wallboard for that second (at
 * 10⁶ Erlangs, AHT 1 ms and a day's patience one request took 30 s). An evaluation costs
 * O(min(N, A + 40·√A)) for the Erlang B recursion plus, for Erlang A, O(√(λ·θ)) terms of the queue
 * series (λ·θ = contacts arriving within one mean patience), and a staffing search makes a few dozen
 * evaluations. 100 000 Erlangs is four times the seats of a 25 000-seat centre in one queue; λ·θ = 10⁸
 * is, at 25 000 Erlangs, a mean patience of 4 000 handle times.
 */
export const CALC_LIMITS = {
	maxTrafficErlangs: 100_000,
	maxAgents: 1_000_000,
	maxSeconds: 86_400,
	maxArrivalsPerPatience: 100_000_000
} as const;

const MAX_ERLANGS = CALC_LIMITS.maxTrafficErlangs;

export interface CalcQuery {
	model: StaffingModel;
	/** Contacts offered per `intervalSec`. */
	arrivals: number;
	intervalSec: number;
	ahtSec: number;
	/** Staffing to report figures for; when omitted they are reported at `requiredAgents`. */
	agents?: number;
	thresholdSec: number;
	/** Mean patience, required for erlang-a (ignored by erlang-c). */
	patienceSec?: number;
	targetServiceLevel?: number;
	maxOccupancy?: number;
	shrinkage: number;
}

export type CalcQueryParse =
	| { ok: true; value: CalcQuery }
	| { ok: false; parameter: CalcIssue['parameter']; message: string; issues: CalcIssue[] };

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A query-string number: decimal notation only (no '0x10', no ' '), then the field's own range check. */
function numberParam(name: string, hint: string, range: z.ZodType<number, number>) {
	const message = `${name} must be ${hint}`;
	return (
		z
			.string({
				error: (issue) => (issue.input === undefined ? `${name} is required: it must be ${hint}` : message)
			})
			.regex(DECIMAL, { error: message })
			.transform(Number)
			// '1e400' is decimal notation but Infinity as a number; zod's own message would not name the field.
			.refine(Number.isFinite, { error: `${name} is too large: it must be ${hint}` })
			.pipe(range)
	);
}

const seconds = (name: string, hint: string, min: 'positive' | 'nonnegative') => {
	const message = `${name} must be ${hint}`;
	const base = z
		.number()
		.max(CALC_LIMITS.maxSeconds, { error: `${name} must be at most ${CALC_LIMITS.maxSeconds} s` });
	return numberParam(
		name,
		hint,
		min === 'positive' ? base.positive({ error: message }) : base.min(0, { error: message })
	);
};

const fraction = (name: string, hint: string, check: (value: number) => boolean) =>
	numberParam(name, hint, z.number().refine(check, { error: `${name} must be ${hint}` }));

const CalcQuerySchema = z
	.object({
		model: z
			.enum(STAFFING_MODELS, { error: 'model must be erlang-c or erlang-a' })
			.optional()
			.default('erlang-c'),
		arrivals: numberParam(
			'arrivals',
			'a number ≥ 0: contacts offered per intervalSec',
			z.number().min(0, { error: 'arrivals must be a number ≥ 0: contacts offered per intervalSec' })
		),
		intervalSec: seconds('intervalSec', 'a positive number of seconds (default 1800)', 'positive')
			.optional()
			.default(DEFAULT_INTERVAL_SEC),
		ahtSec: seconds('ahtSec', 'a positive number of seconds', 'positive'),
		agents: numberParam(
			'agents',
			`a whole number of agents from 0 to ${CALC_LIMITS.maxAgents}`,
			z
				.number()
				.int({ error: 'agents must be a whole number of agents' })
				.min(0, { error: 'agents must be a whole number ≥ 0' })
				.max(CALC_LIMITS.maxAgents, { error: `agents must be at most ${CALC_LIMITS.maxAgents}` })
		).optional(),
		thresholdSec: seconds(
			'thresholdSec',
			'a number of seconds ≥ 0, e.g. 20 for an 80/20 target',
			'nonnegative'
		),
		patienceSec: seconds(
			'patienceSec',
			'a positive number of seconds: the mean patience of waiting contacts',
			'positive'
		).optional(),
		targetServiceLevel: fraction(
			'targetServiceLevel',
			'a fraction between 0 and 1 (exclusive), e.g. 0.8 for 80 %',
			(v) => v > 0 && v < 1
		).optional(),
		maxOccupancy: fraction(
			'maxOccupancy',
			'a fraction above 0 and at most 1, e.g. 0.85 for 85 %',
			(v) => v > 0 && v <= 1
		).optional(),
		shrinkage: fraction(
			'shrinkage',
			'a fraction from 0 up to but not including 1, e.g. 0.3 for 30 %',
			(v) => v >= 0 && v < 1
		)
			.optional()
			.default(DEFAULT_SHRINKAGE)
	})
	.superRefine((query, ctx) => {
		if (query.agents === undefined && query.targetServiceLevel === undefined) {
			ctx.addIssue({
				code: 'custom',
				path: ['agents'],
				message: 'agents is required unless targetServiceLevel is given (e.g. targetServiceLevel=0.8)'
			});
		}
		if (query.model === 'erlang-a' && query.patienceSec === undefined) {
			ctx.addIssue({
				code: 'custom',
				path: ['patienceSec'],
				message:
					'patienceSec is required for model=erlang-a: the mean patience of waiting contacts in seconds'
			});
		}
		const arrivalsPerSec = query.arrivals / query.intervalSec;
		const traffic = arrivalsPerSec * query.ahtSec;
		if (traffic > CALC_LIMITS.maxTrafficErlangs) {
			ctx.addIssue({
				code: 'custom',
				path: ['arrivals'],
				message: `arrivals ÷ intervalSec × ahtSec is ${traffic} Erlangs; the most supported is ${MAX_ERLANGS}`
			});
			return;
		}
		// The occupancy bound alone needs ⌈A ÷ maxOccupancy⌉ agents; past the agent limit the search would
		// only give up, so say which parameter asks for the impossible.
		if (query.maxOccupancy !== undefined && traffic / query.maxOccupancy > CALC_LIMITS.maxAgents) {
			ctx.addIssue({
				code: 'custom',
				path: ['maxOccupancy'],
				message:
					`maxOccupancy ${query.maxOccupancy} needs more than ${CALC_LIMITS.maxAgents} agents for ` +
					`${traffic} Erlangs; give a larger fraction`
			});
		}
		if (
			query.model === 'erlang-a' &&
			query.patienceSec !== undefined &&
			arrivalsPerSec * query.patienceSec > CALC_LIMITS.maxArrivalsPerPatience
		) {
			ctx.addIssue({
				code: 'custom',
				path: ['patienceSec'],
				message:
					`patienceSec × arrivals ÷ intervalSec (contacts arriving within one mean patience) is ` +
					`${arrivalsPerSec * query.patienceSec}; the most supported is ${CALC_LIMITS.maxArrivalsPerPatience}`
			});
		}
	});

// The shared list and the schema name the same parameters: each check fails to compile if one drifts.
const PARAMETERS: readonly CalcParameter[] =
	CALC_PARAMETERS satisfies readonly (keyof typeof CalcQuerySchema.shape)[];
const _everyParameterListed: [Exclude<keyof typeof CalcQuerySchema.shape, CalcParameter>] extends [never]
	? true
	: never = true;

/**
 * Parses the query into a CalcQuery, or names the first bad parameter with a message saying how to fix
 * it. Empty values count as absent (HTML forms send empty fields); a repeated parameter is rejected
 * rather than silently taking one of the two; unknown parameters are ignored.
 */
export function parseCalcQuery(params: URLSearchParams): CalcQueryParse {
	const raw: Record<string, string> = {};
	for (const name of PARAMETERS) {
		const values = params.getAll(name).filter((value) => value.trim() !== '');
		if (values.length > 1) {
			const message = `${name} is given more than once; give it once`;
			return { ok: false, parameter: name, message, issues: [{ parameter: name, message }] };
		}
		if (values[0] !== undefined) raw[name] = values[0].trim();
	}
	const parsed = CalcQuerySchema.safeParse(raw);
	if (parsed.success) return { ok: true, value: parsed.data };
	const issues: CalcIssue[] = [];
	for (const issue of parsed.error.issues) {
		const name = issue.path[0];
		const parameter = PARAMETERS.find((p) => p === name) ?? 'query';
		// One message per parameter: the first says what to fix, a second would only repeat it.
		if (!issues.some((known) => known.parameter === parameter))
			issues.push({ parameter, message: issue.message });
	}
	const first = issues[0] ?? { parameter: 'query', message: 'invalid query' };
	return { ok: false, parameter: first.parameter, message: first.message, issues };
}

/** Figures at the given (or required) staffing, plus the staffing the target needs. */
export function staffingCalc(query: CalcQuery): CalcResult {
	const arrivalsPerSec = query.arrivals / query.intervalSec;
	const { model, ahtSec, thresholdSec, targetServiceLevel, maxOccupancy, patienceSec } = query;
	let required: number | null = null;
	if (targetServiceLevel !== undefined) {
		const base = { arrivalsPerSec, ahtSec, thresholdSec, targetServiceLevel, maxOccupancy };
		const input: RequiredAgentsInput =
			model === 'erlang-a'
				? { ...base, model, patienceSec: requirePatience(patienceSec) }
				: { ...base, model };
		required = requiredAgents(input);
	}
	const agents = query.agents ?? required ?? 0;
	const traffic = trafficErlangs(arrivalsPerSec, ahtSec);
	const staffing = {
		requiredAgents: required,
		requiredWithShrinkage: required === null ? null : withShrinkage(required, query.shrinkage)
	};

	if (model === 'erlang-a') {
		const figures = erlangA({
			agents,
			arrivalsPerSec,
			ahtSec,
			patienceSec: requirePatience(patienceSec),
			thresholdSec
		});
		return {
			model,
			agents,
			trafficErlangs: traffic,
			pWait: figures.pWait,
			serviceLevel: figures.serviceLevel,
			asaSec: finiteOrNull(figures.asaSec),
			occupancy: finiteOrNull(figures.occupancy),
			pAbandon: figures.pAbandon,
			meanWaitSec: finiteOrNull(figures.meanWaitSec),
			...staffing
		};
	}
	const asa = finiteOrNull(asaSec(agents, traffic, ahtSec));
	return {
		model,
		agents,
		trafficErlangs: traffic,
		pWait: erlangC(agents, traffic),
		serviceLevel: serviceLevel(agents, traffic, ahtSec, thresholdSec),
		asaSec: asa,
		occupancy: occupancy(agents, traffic),
		pAbandon: null,
		meanWaitSec: asa,
		...staffing
	};
}

/** parseCalcQuery guarantees it for erlang-a; a hand-built query without it is a programming error. */
function requirePatience(patienceSec: number | undefined): number {
	if (patienceSec === undefined) throw new RangeError('patienceSec is required for erlang-a');
	return patienceSec;
}

function finiteOrNull(value: number | null): number | null {
	return value !== null && Number.isFinite(value) ? value : null;
}
