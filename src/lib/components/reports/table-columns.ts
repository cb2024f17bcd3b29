import type { MessageKey } from '$lib/shared/i18n';
import type { TableLine } from './what-if-merge';

/** The report table's sortable columns: a label, how to read the value, and how to show it. */
export type ColumnKey =
	| 'time'
	| 'offered'
	| 'answered'
	| 'abandoned'
	| 'answerRate'
	| 'serviceLevel'
	| 'asaSec'
	| 'ahtSec'
	| 'staffedAvg'
	| 'productiveAvg'
	| 'requiredErlangC'
	| 'requiredErlangA'
	| 'gap'
	| 'occupancy'
	| 'agentsWhatIf'
	| 'predictedServiceLevel'
	| 'predictedAnswerRate';

export type ColumnFormat = 'time' | 'count' | 'percent' | 'duration' | 'agents' | 'signedAgents';

export interface Column {
	key: ColumnKey;
	label: MessageKey;
	format: ColumnFormat;
	whatIf?: boolean;
}

export const COLUMNS: readonly Column[] = [
	{ key: 'time', label: 'reportColTime', format: 'time' },
	{ key: 'offered', label: 'reportOffered', format: 'count' },
	{ key: 'answered', label: 'reportAnswered', format: 'count' },
	{ key: 'abandoned', label: 'reportAbandoned', format: 'count' },
	{ key: 'answerRate', label: 'reportAnswerRate', format: 'percent' },
	{ key: 'serviceLevel', label: 'reportServiceLevel', format: 'percent' },
	{ key: 'asaSec', label: 'reportColAsa', format: 'duration' },
	{ key: 'ahtSec', label: 'reportColAht', format: 'duration' },
	{ key: 'staffedAvg', label: 'reportStaffed', format: 'agents' },
	{ key: 'productiveAvg', label: 'reportColProductive', format: 'agents' },
	{ key: 'requiredErlangC', label: 'reportRequiredC', format: 'count' },
	{ key: 'requiredErlangA', label: 'reportRequiredA', format: 'count' },
	{ key: 'gap', label: 'reportColGap', format: 'signedAgents' },
	{ key: 'occupancy', label: 'reportOccupancy', format: 'percent' },
	{ key: 'agentsWhatIf', label: 'reportColAgentsWhatIf', format: 'count', whatIf: true },
	{ key: 'predictedServiceLevel', label: 'reportColPredictedSl', format: 'percent', whatIf: true },
	{ key: 'predictedAnswerRate', label: 'reportColPredictedAr', format: 'percent', whatIf: true }
];

/** The number a column sorts by; the time column sorts by the interval start. */
export function columnValue(line: TableLine, key: ColumnKey): number | null {
	switch (key) {
		case 'time':
			return line.startMs;
		case 'agentsWhatIf':
			return line.whatIf?.agentsWhatIf ?? null;
		case 'predictedServiceLevel':
			return line.whatIf?.predictedServiceLevel ?? null;
		case 'predictedAnswerRate':
			return line.whatIf?.predictedAnswerRate ?? null;
		default:
			return line[key];
	}
}
