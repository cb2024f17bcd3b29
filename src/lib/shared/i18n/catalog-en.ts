import type { Messages } from './messages';

export const en: Messages = {
	appTitle: 'Live wallboard',
	boardsHeading: 'Boards',
	boardsEmpty: 'No boards configured yet',
	boardQueuesAll: 'All queues',
	boardQueuesCount: '{n} queues',
	languageSwitch: '中文',
	languageSwitchLabel: 'Switch language',

	stateLive: 'Live',
	stateStale: 'Data stale',
	stateRecovering: 'Recovering',
	stateOffline: 'Offline',
	stateStaleHint: 'The data stream has stopped; figures are not current',
	stateRecoveringHint: 'Missed data is being recovered; figures are not exact yet',
	stateOfflineHint: 'Lost the connection to the server; reconnecting',

	updatedJustNow: 'Updated just now',
	updatedSecondsAgo: 'Updated {n} s ago',
	updatedMinutesAgo: 'Updated {n} min ago',
	updatedHoursAgo: 'Updated {n} h ago',
	updatedNever: 'No data yet',

	tileWaiting: 'Waiting',
	tileLongestWait: 'Longest wait',
	tileAnswerRate: 'Answer rate (today)',
	tileServiceLevel: 'Service level (today)',
	tileAbandoned: 'Abandoned',
	tileAsa: 'ASA',
	tileAht: 'AHT',
	tileAvailable: 'Available',
	tileOnContact: 'On contact',
	tileWrapUp: 'Wrap-up',
	tileNotReady: 'Not ready',

	targetAtLeast: 'Target ≥ {target}',
	targetServiceLevel: 'Target {target} in {threshold}',
	vipWaiting: 'incl. {n} VIP',
	abandonRate: 'Today · rate {rate}',
	ofOffered: 'of {n} offered',
	ofStaffed: 'of {n} staffed',

	colQueue: 'Queue',
	colWaiting: 'Waiting',
	colLongestWait: 'Longest',
	colAnswerRate: 'Answer rate',
	colServiceLevel: 'SL',
	colOffered: 'Offered',
	colAbandoned: 'Abandoned',
	colAsa: 'ASA',
	colAht: 'AHT',
	queuesEmpty: 'This board has no queues',
	queueUnconfigured: 'Unconfigured',
	queueUnconfiguredHint: 'Queue is not in the set-up; default targets apply',
	queuesPage: 'Page {page} of {pages}',

	statusOk: 'On target',
	statusWarn: 'Near target',
	statusBad: 'Below target',

	errorTitle: 'This board cannot be shown',
	errorNotFound: 'There is no board "{id}"',
	errorRetrying: 'Retrying in {n} s',
	errorBoardList: 'All boards',

	secondsShort: '{n} s'
};
