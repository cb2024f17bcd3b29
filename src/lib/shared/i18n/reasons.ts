import type { Locale } from './locale';
import { t, type MessageKey } from './messages';

/** The contract's example not-ready reasons (CONTRACT.md `agent.state`), named in the reader's language. */
const KNOWN_REASONS: Record<string, MessageKey> = {
	break: 'alertReasonBreak',
	lunch: 'alertReasonLunch',
	meeting: 'alertReasonMeeting',
	training: 'alertReasonTraining',
	outbound: 'alertReasonOutbound',
	'': 'alertReasonNone'
};

/** A not-ready reason for people: a known code in their language, any other as the platform sent it. */
export function notReadyReasonName(reason: string, locale: Locale): string {
	const key = Object.hasOwn(KNOWN_REASONS, reason) ? KNOWN_REASONS[reason] : undefined;
	return key ? t(locale, key) : reason;
}
