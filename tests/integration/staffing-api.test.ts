import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseCalcQuery, staffingCalc } from '../../src/lib/server/staffing/calc';
import { startApp, TEST_API_TOKEN, type AppHandle } from '../support/app-server';

/**
 * The staffing calculator through the built production server: the API answers a worked example with
 * the published figures, names the parameter of every bad query in a 400 (never a 500), wants a token,
 * and the calculator page renders the very same numbers on the server.
 */
let app: AppHandle;

beforeAll(async () => {
	app = await startApp({ REDIS_URL: inject('redisUrl'), CC_PREFIX: `staffing${process.pid}` });
}, 40_000);

afterAll(async () => {
	await app?.stop();
});

const CALC = '/api/v1/staffing/calc';

function calc(query: string, token: string | null = TEST_API_TOKEN): Promise<Response> {
	return fetch(`${app.baseUrl}${CALC}?${query}`, {
		headers: token === null ? {} : { authorization: `Bearer ${token}` }
	});
}

function inProcess(query: string) {
	const parsed = parseCalcQuery(new URLSearchParams(query));
	if (!parsed.ok) throw new Error(parsed.message);
	return staffingCalc(parsed.value);
}

describe('GET /api/v1/staffing/calc', () => {
	it('wants a bearer token', async () => {
		const query = 'arrivals=100&ahtSec=180&thresholdSec=20&agents=14';
		for (const token of [null, 'wrong-token']) {
			const res = await calc(query, token);
			expect(res.status).toBe(401);
			expect(res.headers.get('www-authenticate')).toBe('Bearer');
			expect(((await res.json()) as { message: string }).message).toContain('Bearer');
		}
	});

	it('answers the Call Centre Helper worked example: 14 agents, 20 scheduled', async () => {
		// callcentrehelper.com, "Erlang C Formula – Made Simple With an Easy Worked Example": 100 calls in
		// 30 min, AHT 180 s, 80 % in 20 s, occupancy ≤ 85 %, shrinkage 30 % → A = 10 E, 14 agents with
		// P(wait) 17.4 %, SL 88.8 %, ASA 7.8 s, occupancy 71.4 %; 20 to schedule.
		const res = await calc(
			'model=erlang-c&arrivals=100&intervalSec=1800&ahtSec=180&thresholdSec=20' +
				'&targetServiceLevel=0.8&maxOccupancy=0.85&shrinkage=0.3'
		);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('application/json');
		const body = (await res.json()) as Record<string, number | null>;
		for (const key of [
			'trafficErlangs',
			'pWait',
			'serviceLevel',
			'asaSec',
			'occupancy',
			'pAbandon',
			'meanWaitSec',
			'requiredAgents',
			'requiredWithShrinkage'
		]) {
			expect(body, key).toHaveProperty(key);
		}
		expect(body).toMatchObject({ requiredAgents: 14, requiredWithShrinkage: 20, agents: 14, pAbandon: null });
		expect(body.trafficErlangs).toBeCloseTo(10, 12);
		expect(body.pWait).toBeCloseTo(0.174, 3);
		expect(body.serviceLevel).toBeCloseTo(0.888, 3);
		expect(body.asaSec).toBeCloseTo(7.8, 1);
		expect(body.meanWaitSec).toBe(body.asaSec);
		expect(body.occupancy).toBeCloseTo(0.714, 3);
	});

	it('gives Erlang A figures identical to the calculator run in process', async () => {
		// The Mitan scenario (360 calls per 30 min, 4 min, 55 agents, 15 s) with a 2-minute mean patience.
		const query =
			'model=erlang-a&arrivals=360&ahtSec=240&agents=55&thresholdSec=15&patienceSec=120&targetServiceLevel=0.8';
		const res = await calc(query);
		expect(res.status).toBe(200);
		const body = (await res.json()) as ReturnType<typeof staffingCalc>;
		expect(body).toEqual(inProcess(query));
		expect(body.pAbandon).toBeGreaterThan(0);
		expect(body.meanWaitSec).toBeCloseTo((body.pAbandon as number) * 120, 9);
	});

	it.each([
		['arrivals=-1&ahtSec=180&thresholdSec=20&agents=10', 'arrivals'],
		['arrivals=NaN&ahtSec=180&thresholdSec=20&agents=10', 'arrivals'],
		['arrivals=1e400&ahtSec=180&thresholdSec=20&agents=10', 'arrivals'],
		['arrivals=1e12&ahtSec=180&thresholdSec=20&agents=10', 'arrivals'],
		['ahtSec=180&thresholdSec=20&agents=10', 'arrivals'],
		['arrivals=100&ahtSec=-180&thresholdSec=20&agents=10', 'ahtSec'],
		['arrivals=100&ahtSec=NaN&thresholdSec=20&agents=10', 'ahtSec'],
		['arrivals=100&ahtSec=180&thresholdSec=20&agents=10&agents=11', 'agents'],
		['arrivals=100&ahtSec=180&thresholdSec=20&agents=1e400', 'agents'],
		['arrivals=100&ahtSec=180&thresholdSec=20&agents=-3', 'agents'],
		['arrivals=100&ahtSec=180&thresholdSec=20', 'agents'],
		['arrivals=100&ahtSec=180&agents=10', 'thresholdSec'],
		['arrivals=100&ahtSec=180&thresholdSec=20&targetServiceLevel=80', 'targetServiceLevel'],
		['arrivals=1000000&ahtSec=180&thresholdSec=20&targetServiceLevel=0.8&maxOccupancy=0.01', 'maxOccupancy'],
		['arrivals=100&ahtSec=180&thresholdSec=20&agents=10&shrinkage=1', 'shrinkage'],
		['model=erlang-b&arrivals=100&ahtSec=180&thresholdSec=20&agents=10', 'model'],
		['model=erlang-a&arrivals=100&ahtSec=180&thresholdSec=20&agents=10', 'patienceSec']
	])('answers %s with a 400 naming %s', async (query, parameter) => {
		const res = await calc(query);
		expect(res.status).toBe(400);
		const body = (await res.json()) as { error: string; parameter: string; message: string };
		expect(body).toMatchObject({ error: 'bad_request', parameter });
		expect(body.message).toContain(parameter);
	});
});

describe('the calculator page', () => {
	it('renders the same numbers as the API on the server, in Chinese by default', async () => {
		const query = 'arrivals=100&ahtSec=180&thresholdSec=20&targetServiceLevel=0.8&maxOccupancy=0.85';
		const api = (await (await calc(query)).json()) as Record<string, number | null>;
		const res = await fetch(`${app.baseUrl}/staffing/calc?${query}`);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('<html lang="zh-CN"');
		expect(html).toContain('人力测算');
		const shown = (id: string) =>
			new RegExp(`data-testid="calc-result-${id}" data-value="([^"]*)"`).exec(html)?.[1];
		expect(shown('service-level')).toBe(String(api.serviceLevel));
		expect(shown('asa')).toBe(String(api.asaSec));
		expect(shown('required')).toBe('14');
		expect(shown('scheduled')).toBe('20');
		expect(html).toContain('data-testid="calc-chart-line"');
	});

	it('speaks English with ?lang=en and shows bad input inline, without a 500', async () => {
		const res = await fetch(`${app.baseUrl}/staffing/calc?lang=en&arrivals=-5&ahtSec=abc&thresholdSec=20`);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('<html lang="en"');
		expect(html).toContain('Staffing calculator');
		expect(html).toContain('data-testid="calc-error-arrivals"');
		expect(html).toContain('data-testid="calc-error-ahtSec"');
		expect(html).toContain('value="-5"');
		expect(html).not.toContain('data-testid="calc-result-service-level"');
	});
});
