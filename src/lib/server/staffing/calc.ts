import { z } from 'zod';
import { erlangA } from './erlang-a';
import { asaSec, erlangC, occupancy, serviceLevel, trafficErlangs } from './erlang-c';
import { requiredAgents, withShrinkage, type RequiredAgentsInput, type StaffingModel } from './required';

/**
 * Parser and calculator behind `GET /api/v1/staffing/calc`. Pure: the route hands over its
 * URLSearchParams and serialises the result, so every rule about the query lives (and is tested) here.
 */

export const DEFAULT_INTERVAL_SEC = 1800;
export const DEFAULT_SHRINKAGE = 0.3;

/**
 * Bounds that keep one request to milliseconds: the models cost O(N) per evaluation plus O(√(N·θ ÷ AHT))
 * for Erlang A, and a staffing search makes a few dozen evaluations.
 */
export const CALC_LIMITS = {
	maxTrafficErlangs: 1_000_000,
	maxAgents: 1_000_000,
	maxSeconds: 86_400
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

/** Numbers the model cannot define (e.g. ASA of an unstable Erlang C queue) are null, never Infinity. */
export interface CalcResult {
	model: StaffingModel;
	/** The staffing the figures below describe. */
	agents: number;
	trafficErlangs: number;
	pWait: number;
	serviceLevel: number;
	asaSec: number | null;
	occupancy: number | null;
	/** null for erlang-c, which has no abandonment. */
	pAbandon: number | null;
	/** Mean time in queue over all arrivals; for erlang-c everyone is answered, so it equals asaSec. */
	meanWaitSec: number | null;
	/** null without a targetServiceLevel. */
	requiredAgents: number | null;
	requiredWithShrinkage: number | null;
}

export type CalcQueryParse =
	{ ok: true; value: CalcQuery } | { ok: false; parameter: string; message: string };

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A query-string number: decimal notation only (no '0x10', no ' '), then the field's own range check. */
function numberParam(name: string, hint: string, range: z.ZodType<number, number>) {
	const message = `${name} must be ${hint}`;
	return z
		.string({
			error: (issue) => (issue.input === undefined ? `${name} is required: it must be ${hint}` : message)
		})
		.regex(DECIMAL, { error: message })
		.transform(Number)
		.pipe(range);
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
			.enum(['erlang-c', 'erlang-a'], { error: 'model must be erlang-c or erlang-a' })
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
		const traffic = (query.arrivals / query.intervalSec) * query.ahtSec;
		if (traffic > CALC_LIMITS.maxTrafficErlangs) {
			ctx.addIssue({
				code: 'custom',
				path: ['arrivals'],
				message: `arrivals ÷ intervalSec × ahtSec is ${traffic} Erlangs; the most supported is ${MAX_ERLANGS}`
			});
		}
	});

const PARAMETERS = Object.keys(CalcQuerySchema.shape) as (keyof typeof CalcQuerySchema.shape)[];

/**
 * Parses the query into a CalcQuery, or names the first bad parameter with a message saying how to fix
 * it. Empty values count as absent (HTML forms send empty fields); a repeated parameter is rejected
 * rather than silently taking one of the two; unknown parameters are ignored.
 */
export function parseCalcQuery(params: URLSearchParams): CalcQueryParse {
	const raw: Record<string, string> = {};
	for (const name of PARAMETERS) {
		const values = params.getAll(name).filter((value) => value.trim() !== '');
		if (values.length > 1)
			return { ok: false, parameter: name, message: `${name} is given more than once; give it once` };
		if (values[0] !== undefined) raw[name] = values[0].trim();
	}
	const parsed = CalcQuerySchema.safeParse(raw);
	if (parsed.success) return { ok: true, value: parsed.data };
	const issue = parsed.error.issues[0];
	const parameter = typeof issue?.path[0] === 'string' ? issue.path[0] : 'query';
	return { ok: false, parameter, message: issue?.message ?? 'invalid query' };
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
