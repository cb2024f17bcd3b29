import type { MetricWindow } from '../figures';
import type { LocalizedText } from './types';

/** Names and reset rules of the windows, as a card states them (METRICS.md "Windows and attribution"). */
export const WINDOW_NAMES: Readonly<Record<MetricWindow, LocalizedText>> = {
	now: { 'zh-CN': '实时', en: 'Now' },
	rolling15: { 'zh-CN': '最近 15 分钟（滚动）', en: 'Last 15 min (rolling)' },
	rolling30: { 'zh-CN': '最近 30 分钟（滚动）', en: 'Last 30 min (rolling)' },
	rolling60: { 'zh-CN': '最近 60 分钟（滚动）', en: 'Last 60 min (rolling)' },
	interval15: { 'zh-CN': '当前 15 分钟时段', en: 'Current 15-min interval' },
	interval30: { 'zh-CN': '当前 30 分钟时段', en: 'Current 30-min interval' },
	shift: { 'zh-CN': '本班次', en: 'This shift' },
	day: { 'zh-CN': '今日', en: 'Today' }
};

export interface ResetContext {
	timeZone: string;
	/** The running shift's name and local start, for the `shift` window. */
	shift?: { name: { 'zh-CN': string; en?: string | undefined }; start: string } | null;
}

/** How a window's counts start over, in words, naming the centre's zone (never the browser's). */
export function resetRule(window: MetricWindow, ctx: ResetContext): LocalizedText {
	const tz = ctx.timeZone;
	switch (window) {
		case 'now':
			return {
				'zh-CN': '实时值，不累计，无需清零',
				en: 'Instantaneous: nothing accumulates, nothing resets'
			};
		case 'rolling15':
		case 'rolling30':
		case 'rolling60': {
			const min = window.slice('rolling'.length);
			return {
				'zh-CN': `滑动窗口：始终统计最近 ${min} 分钟，按 10 秒滚动移出旧数据，不整点清零`,
				en: `Sliding: always the last ${min} min, older data drops off in 10 s steps; never reset at once`
			};
		}
		case 'interval15':
		case 'interval30': {
			const min = window.slice('interval'.length);
			return {
				'zh-CN': `每个整 ${min} 分钟时段开始时清零（${tz} 本地时间）`,
				en: `Resets at each clock-aligned ${min}-min boundary, local time ${tz}`
			};
		}
		case 'shift': {
			const s = ctx.shift;
			return s
				? {
						'zh-CN': `每个班次开始时清零；本班次「${s.name['zh-CN']}」${s.start} 开始（${tz}）`,
						en: `Resets at the start of each shift; this shift “${s.name.en ?? s.name['zh-CN']}” began at ${s.start}, ${tz}`
					}
				: {
						'zh-CN': `每个班次开始时清零（${tz}）；当前没有进行中的班次`,
						en: `Resets at the start of each shift, ${tz}; no shift is running now`
					};
		}
		case 'day':
			return { 'zh-CN': `每天本地零点清零（${tz}）`, en: `Resets at local midnight, ${tz}` };
	}
}

/** The reset line of a figure that is "now" in every window. */
export const LIVE_RESET: LocalizedText = {
	'zh-CN': '实时值：当前仍在排队的联系，不累计，无需清零',
	en: 'Live: the contacts waiting right now; nothing accumulates, nothing resets'
};
