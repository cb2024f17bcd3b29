import { QueueTargets, type CentreSetup } from '$lib/shared/centre/setup';
import type { IntervalRow } from '$lib/server/history/interval-row';
import {
	isoInZone,
	localDateOf,
	nextLocalDayStartMs,
	parseLocalInstant
} from '$lib/server/history/local-time';
import { intervalStarts } from '$lib/server/history/read-rows';
import type { HistoryStore } from '$lib/server/history/store';
import { summarise, type ScopeSummary } from '$lib/server/history/summary';
import type { WhatIfRow } from '$lib/server/history/what-if';
import { whatIfDaily } from '$lib/server/history/what-if-days';
import type { ChartRow } from '$lib/components/reports/report-types';
import type { ReportQuery } from './report-query';

/**
 * A row as the page draws it: only the fields the charts and the table show. A month of 15-min rows is
 * 3,000 of them, and the whole stored row (with its counters) would triple what the browser parses.
 */
export type PageRow = ChartRow;

const PAGE_FIELDS = [
	'start',
	'startMs',
	'offered',
	'answered',
	'abandoned',
	'flowedOut',
	'answerRate',
	'serviceLevel',
	'asaSec',
	'ahtSec',
	'staffedAvg',
	'productiveAvg',
	'occupancy',
	'requiredErlangC',
	'requiredErlangA',
	'gap'
] as const satisfies readonly (keyof ChartRow)[];

export interface ReportSlot {
	startMs: number;
	/** Local `YYYY-MM-DD HH:MM` of the slot, on the centre's clock. */
	local: string;
}

export interface ReportDay {
	rows: PageRow[];
	summary: ScopeSummary | null;
}

export interface Report {
	slots: ReportSlot[];
	main: ReportDay;
	/** The compare day, aligned slot by slot from its own local midnight. */
	compare: (ReportDay & { date: string; originMs: number }) | null;
	whatIf: WhatIfRow[] | null;
	targets: { serviceLevel: number; answerRate: number };
}

interface Context {
	store: HistoryStore;
	setup: CentreSetup;
	timeZone: string;
}

const toPageRow = (row: IntervalRow): PageRow =>
	Object.fromEntries(PAGE_FIELDS.map((field) => [field, row[field]])) as unknown as PageRow;

/** One stored field per interval: a queue's page never reads the other queues' rows. */
async function readView(context: Context, query: ReportQuery, fromMs: number, toMs: number) {
	const starts = intervalStarts(fromMs, toMs, query.size, context.timeZone);
	return context.store.read(query.size, starts, [query.view]);
}

function summaryOf(rows: readonly IntervalRow[], timeZone: string): ScopeSummary | null {
	return summarise(rows, { timeZone })[0] ?? null;
}

/** The report of one view: the history functions the API uses, called directly; no formula of its own. */
export async function loadReport(context: Context, query: ReportQuery): Promise<Report> {
	const { timeZone } = context;
	const rows = await readView(context, query, query.fromMs, query.toMs);
	const slots = intervalStarts(query.fromMs, query.toMs, query.size, timeZone).map((startMs) => ({
		startMs,
		local: isoInZone(startMs, timeZone).slice(0, 16).replace('T', ' ')
	}));
	let compare: Report['compare'] = null;
	if (query.compare) {
		const day = parseLocalInstant(query.compare, timeZone);
		if (day.ok) {
			const compareRows = await readView(context, query, day.ms, nextLocalDayStartMs(day.ms, timeZone));
			compare = {
				date: localDateOf(day.ms, timeZone),
				originMs: day.ms,
				rows: compareRows.map(toPageRow),
				summary: summaryOf(compareRows, timeZone)
			};
		}
	}
	const queueId = query.view.startsWith('q:') ? query.view.slice(2) : null;
	const queue = context.setup.queues.find((q) => q.queueId === queueId);
	// Erlang A needs one queue's threshold and patience: a roll-up has neither, so no what-if for it.
	const whatIf = queueId && query.change ? whatIfDaily(rows, query.change, timeZone) : null;
	return {
		slots,
		main: { rows: rows.map(toPageRow), summary: summaryOf(rows, timeZone) },
		compare,
		whatIf,
		// Roll-ups have no target of their own: the shipped defaults (METRICS.md) stand in for them.
		targets: {
			serviceLevel:
				rows.find((r) => r.targetServiceLevel !== null)?.targetServiceLevel ??
				(queue ?? DEFAULTS).targets.serviceLevel,
			answerRate: (queue ?? DEFAULTS).targets.answerRate
		}
	};
}

const DEFAULTS = { targets: QueueTargets.parse({}) };
