/**
 * The Prometheus text exposition format (version 0.0.4), the one every scraper reads: `# HELP` and
 * `# TYPE` per family, then one line a sample. Pure: families in, text out.
 */
export type MetricType = 'counter' | 'gauge';

export interface MetricSample {
	labels?: Record<string, string>;
	value: number;
}

export interface MetricFamily {
	name: string;
	help: string;
	type: MetricType;
	samples: MetricSample[];
}

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

const escapeHelp = (text: string): string => text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
const escapeLabel = (text: string): string =>
	text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

function formatValue(value: number): string {
	if (Number.isNaN(value)) return 'NaN';
	if (value === Infinity) return '+Inf';
	if (value === -Infinity) return '-Inf';
	return String(value);
}

function formatLabels(labels: Record<string, string> | undefined): string {
	if (!labels) return '';
	const pairs = Object.entries(labels);
	if (pairs.length === 0) return '';
	for (const [name] of pairs) if (!LABEL_NAME.test(name)) throw new Error(`bad label name "${name}"`);
	return `{${pairs.map(([name, value]) => `${name}="${escapeLabel(value)}"`).join(',')}}`;
}

/** Renders the families in order. A bad metric or label name is a programming error: it throws. */
export function renderPrometheus(families: readonly MetricFamily[]): string {
	const lines: string[] = [];
	for (const family of families) {
		if (!METRIC_NAME.test(family.name)) throw new Error(`bad metric name "${family.name}"`);
		lines.push(`# HELP ${family.name} ${escapeHelp(family.help)}`);
		lines.push(`# TYPE ${family.name} ${family.type}`);
		for (const sample of family.samples) {
			lines.push(`${family.name}${formatLabels(sample.labels)} ${formatValue(sample.value)}`);
		}
	}
	return `${lines.join('\n')}\n`;
}
