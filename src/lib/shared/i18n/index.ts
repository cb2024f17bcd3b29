export { LOCALES, DEFAULT_LOCALE, resolveLocale, parseLocale, type Locale } from './locale';
export { t, type MessageKey, type Messages, type MessageParams } from './messages';
export { notReadyReasonName } from './reasons';
export {
	NO_VALUE,
	FALLBACK_TIME_ZONE,
	formatAge,
	formatClockDate,
	formatClockTime,
	formatCount,
	formatDuration,
	formatPercent,
	formatTarget,
	formatThreshold,
	isKnownTimeZone,
	localName
} from './format';
