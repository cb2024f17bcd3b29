import { describe, expect, it } from 'vitest';
import { renderPrometheus } from './prometheus';

describe('renderPrometheus', () => {
	it('writes HELP, TYPE and one line a sample, labels quoted and escaped', () => {
		const text = renderPrometheus([
			{ name: 'x_total', help: 'Things.\nCounted', type: 'counter', samples: [{ value: 3 }] },
			{
				name: 'y',
				help: 'By reason',
				type: 'gauge',
				samples: [
					{ labels: { reason: 'not_json' }, value: 1 },
					{ labels: { reason: 'a "quoted"\\ one\n' }, value: 0.5 }
				]
			}
		]);
		expect(text).toBe(
			[
				'# HELP x_total Things.\\nCounted',
				'# TYPE x_total counter',
				'x_total 3',
				'# HELP y By reason',
				'# TYPE y gauge',
				'y{reason="not_json"} 1',
				'y{reason="a \\"quoted\\"\\\\ one\\n"} 0.5',
				''
			].join('\n')
		);
	});

	it('spells non-finite values as Prometheus does', () => {
		const text = renderPrometheus([
			{
				name: 'z',
				help: 'h',
				type: 'gauge',
				samples: [{ value: NaN }, { value: Infinity }, { value: -Infinity }]
			}
		]);
		expect(text.split('\n').slice(2, 5)).toEqual(['z NaN', 'z +Inf', 'z -Inf']);
	});

	it('refuses a metric or label name a scraper would reject', () => {
		expect(() => renderPrometheus([{ name: 'bad-name', help: '', type: 'gauge', samples: [] }])).toThrow(
			/bad metric name/
		);
		expect(() =>
			renderPrometheus([
				{ name: 'ok', help: '', type: 'gauge', samples: [{ labels: { 'bad-label': 'x' }, value: 1 }] }
			])
		).toThrow(/bad label name/);
	});
});
