import { t, type Locale, type MessageKey } from '$lib/shared/i18n';

const ACTION_KEYS: Record<string, MessageKey> = {
	listen: 'consoleListen',
	whisper: 'consoleWhisper',
	barge: 'consoleBarge',
	takeover: 'consoleTakeover',
	change: 'consoleChange',
	stop: 'consoleStop',
	force_ready: 'consoleForceReady',
	force_not_ready: 'consoleForceNotReady',
	force_logout: 'consoleForceLogout'
};

const OUTCOME_KEYS: Record<string, MessageKey> = {
	succeeded: 'consoleSucceeded',
	failed: 'consoleFailed',
	refused: 'consoleRefused'
};

/** The audit's and console's name for an action or mode; an unknown one is shown as stored. */
export function actionLabel(locale: Locale, action: string): string {
	const key = ACTION_KEYS[action];
	return key ? t(locale, key) : action;
}

export function outcomeLabel(locale: Locale, outcome: string): string {
	const key = OUTCOME_KEYS[outcome];
	return key ? t(locale, key) : outcome;
}
