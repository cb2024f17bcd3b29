import type { ThresholdFigure } from '../../centre/setup';
import type { QueueFigures } from '../figures';
import type { CardUnit, LocalizedText } from './types';

/**
 * Definitions of the queue figures' cards: words for people, and which fields of QueueFigures (the rows
 * the API and the boards serve) are the value, numerator and denominator. Nothing here computes a figure.
 */
export interface TermDef<F> {
	label: LocalizedText;
	unit: CardUnit;
	value(f: F): number;
}

export interface CardDef<F> {
	id: string;
	name: LocalizedText;
	formula: LocalizedText | ((f: F) => LocalizedText);
	unit: CardUnit;
	/** "Now" whatever the window (waiting, longest wait). */
	live?: boolean;
	threshold?: ThresholdFigure;
	value(f: F): number | null;
	/** What the threshold judges when it is not the value (the abandoned count is coloured by its rate). */
	statusValue?: (f: F) => number | null;
	numerator?: TermDef<F> | ((f: F) => TermDef<F>);
	denominator?: TermDef<F> | ((f: F) => TermDef<F>);
	breakdown?: (f: F) => { label: LocalizedText; value: number; unit: CardUnit }[];
}

/**
 * Sums of seconds that QueueFigures serves only as a mean (Σ wait = ASA × answered). Event times are
 * whole milliseconds, so every such sum is a multiple of 0.001 s: rounding to it removes the float noise
 * of the product and gives back the exact sum the mean was computed from.
 */
export function sumFromMean(mean: number | null, count: number): number {
	return mean === null ? 0 : Math.round(mean * count * 1000) / 1000;
}

const term = <F>(label: LocalizedText, unit: CardUnit, value: (f: F) => number): TermDef<F> => ({
	label,
	unit,
	value
});

const L = {
	offered: { 'zh-CN': '进线量（接起 + 放弃 + 溢出）', en: 'Offered (answered + abandoned + flowed out)' },
	answered: { 'zh-CN': '接起量', en: 'Answered' },
	abandoned: { 'zh-CN': '放弃量（不含短放弃）', en: 'Abandoned (short abandons excluded)' },
	flowedOut: { 'zh-CN': '溢出量', en: 'Flowed out' },
	handled: { 'zh-CN': '处理完成量', en: 'Handled' },
	handleSum: { 'zh-CN': 'Σ（通话 + 保持 + 话后）秒', en: 'Σ (talk + hold + wrap-up), s' }
} satisfies Record<string, LocalizedText>;

const handleSum = (f: QueueFigures) => sumFromMean(f.ahtSec, f.handled);

const SL_WORDS: Record<string, LocalizedText> = {
	abandons_negative: {
		'zh-CN': '阈值内接起 ÷ 进线量（阈值内放弃计为未达标）',
		en: 'Answered within the threshold ÷ offered (abandons within count against)'
	},
	ignore_abandons: {
		'zh-CN': '阈值内接起 ÷ （进线量 − 阈值内放弃）（阈值内放弃不计）',
		en: 'Answered within the threshold ÷ (offered − abandoned within) (abandons within ignored)'
	},
	abandons_positive: {
		'zh-CN': '（阈值内接起 + 阈值内放弃）÷ 进线量（阈值内放弃计为达标）',
		en: '(Answered within + abandoned within the threshold) ÷ offered (abandons within count for)'
	}
};

const slFormulaOf = (f: QueueFigures) => f.slFormula ?? 'abandons_negative';

export const QUEUE_CARDS: readonly CardDef<QueueFigures>[] = [
	{
		id: 'answer-rate',
		name: { 'zh-CN': '接起率', en: 'Answer rate' },
		formula: { 'zh-CN': '接起量 ÷ 进线量', en: 'Answered ÷ offered' },
		unit: 'fraction',
		threshold: 'answerRate',
		value: (f) => f.answerRate,
		numerator: term(L.answered, 'count', (f) => f.answered),
		denominator: term(L.offered, 'count', (f) => f.offered)
	},
	{
		id: 'abandon-rate',
		name: { 'zh-CN': '放弃率', en: 'Abandon rate' },
		formula: { 'zh-CN': '放弃量 ÷ 进线量', en: 'Abandoned ÷ offered' },
		unit: 'fraction',
		threshold: 'abandonRate',
		value: (f) => f.abandonRate,
		numerator: term(L.abandoned, 'count', (f) => f.abandoned),
		denominator: term(L.offered, 'count', (f) => f.offered)
	},
	{
		id: 'service-level',
		name: { 'zh-CN': '服务水平', en: 'Service level' },
		formula: (f) => SL_WORDS[slFormulaOf(f)]!,
		unit: 'fraction',
		threshold: 'serviceLevel',
		value: (f) => f.serviceLevel,
		numerator: (f) =>
			slFormulaOf(f) === 'abandons_positive'
				? term(
						{ 'zh-CN': '阈值内接起 + 阈值内放弃', en: 'Answered within + abandoned within' },
						'count',
						(g) => g.answeredWithin + g.abandonedWithin
					)
				: term(
						{ 'zh-CN': '阈值内接起', en: 'Answered within the threshold' },
						'count',
						(g) => g.answeredWithin
					),
		denominator: (f) =>
			slFormulaOf(f) === 'ignore_abandons'
				? term(
						{ 'zh-CN': '进线量 − 阈值内放弃', en: 'Offered − abandoned within' },
						'count',
						(g) => g.offered - g.abandonedWithin
					)
				: term(L.offered, 'count', (g) => g.offered)
	},
	{
		id: 'asa',
		name: { 'zh-CN': '平均应答时长 ASA', en: 'Average speed of answer (ASA)' },
		formula: { 'zh-CN': 'Σ 接起联系的等待时长 ÷ 接起量', en: 'Σ wait of answered contacts ÷ answered' },
		unit: 'seconds',
		threshold: 'asaSec',
		value: (f) => f.asaSec,
		numerator: term({ 'zh-CN': 'Σ 接起联系的等待（秒）', en: 'Σ wait of answered, s' }, 'seconds', (f) =>
			sumFromMean(f.asaSec, f.answered)
		),
		denominator: term(L.answered, 'count', (f) => f.answered)
	},
	{
		id: 'att',
		name: { 'zh-CN': '平均通话时长 ATT', en: 'Average talk time (ATT)' },
		formula: {
			'zh-CN': 'Σ 通话时长（接起至结束，扣除保持）÷ 处理完成量',
			en: 'Σ talk (answered → ended, minus hold) ÷ handled'
		},
		unit: 'seconds',
		threshold: 'attSec',
		value: (f) => f.attSec,
		numerator: term({ 'zh-CN': 'Σ 通话（秒）', en: 'Σ talk, s' }, 'seconds', (f) =>
			sumFromMean(f.attSec, f.handled)
		),
		denominator: term(L.handled, 'count', (f) => f.handled)
	},
	{
		id: 'aht',
		name: { 'zh-CN': '平均处理时长 AHT', en: 'Average handle time (AHT)' },
		formula: { 'zh-CN': 'Σ（通话 + 保持 + 话后）÷ 处理完成量', en: 'Σ (talk + hold + wrap-up) ÷ handled' },
		unit: 'seconds',
		threshold: 'ahtSec',
		value: (f) => f.ahtSec,
		numerator: term(L.handleSum, 'seconds', handleSum),
		denominator: term(L.handled, 'count', (f) => f.handled)
	},
	{
		id: 'acw-share',
		name: { 'zh-CN': '话后处理占比', en: 'After-contact work share' },
		formula: { 'zh-CN': 'Σ 话后 ÷ Σ（通话 + 保持 + 话后）', en: 'Σ wrap-up ÷ Σ (talk + hold + wrap-up)' },
		unit: 'fraction',
		threshold: 'acwShare',
		value: (f) => f.acwShare,
		numerator: term({ 'zh-CN': 'Σ 话后（秒）', en: 'Σ wrap-up, s' }, 'seconds', (f) =>
			f.acwShare === null ? 0 : Math.round(f.acwShare * handleSum(f) * 1000) / 1000
		),
		denominator: term(L.handleSum, 'seconds', handleSum)
	},
	{
		id: 'waiting',
		name: { 'zh-CN': '排队数', en: 'Waiting' },
		formula: {
			'zh-CN': '正在排队或振铃、尚未接起的联系数',
			en: 'Contacts queued or ringing, not yet answered'
		},
		unit: 'count',
		live: true,
		threshold: 'waiting',
		value: (f) => f.waiting,
		breakdown: (f) => [
			{ label: { 'zh-CN': '其中 VIP', en: 'Of which VIP' }, value: f.vipWaiting, unit: 'count' }
		]
	},
	{
		id: 'longest-wait',
		name: { 'zh-CN': '最长等待', en: 'Longest wait now' },
		formula: {
			'zh-CN': '正在排队的联系中 max（现在 − 入队时间）',
			en: 'max (now − queued at) over contacts waiting'
		},
		unit: 'seconds',
		live: true,
		threshold: 'longestWaitSec',
		value: (f) => f.longestWaitSec
	},
	{
		id: 'max-wait',
		name: { 'zh-CN': '最大等待（时段）', en: 'Max wait (window)' },
		formula: {
			'zh-CN': '时段内有结果的联系与仍在排队的联系中的最长等待（不含短放弃）',
			en: 'Longest wait among the window’s outcomes and the contacts still waiting (short abandons excluded)'
		},
		unit: 'seconds',
		threshold: 'maxWaitSec',
		value: (f) => f.maxWaitSec
	},
	{
		id: 'vip-waiting',
		name: { 'zh-CN': 'VIP 排队数', en: 'VIP waiting' },
		formula: { 'zh-CN': '正在排队的 VIP 联系数', en: 'VIP contacts queued or ringing, not yet answered' },
		unit: 'count',
		live: true,
		threshold: 'vipWaiting',
		value: (f) => f.vipWaiting
	},
	{
		id: 'oldest-vip-wait',
		name: { 'zh-CN': 'VIP 最长等待', en: 'Oldest VIP wait' },
		formula: {
			'zh-CN': '正在排队的 VIP 联系中 max（现在 − 入队时间）',
			en: 'max (now − queued at) over VIP contacts waiting'
		},
		unit: 'seconds',
		live: true,
		threshold: 'longestVipWaitSec',
		value: (f) => f.longestVipWaitSec
	},
	{
		id: 'max-vip-wait',
		name: { 'zh-CN': 'VIP 最大等待（时段）', en: 'Max VIP wait (window)' },
		formula: {
			'zh-CN': '时段内 VIP 结果与仍在排队的 VIP 联系中的最长等待',
			en: 'Longest wait among the window’s VIP outcomes and the VIP contacts still waiting'
		},
		unit: 'seconds',
		value: (f) => f.maxVipWaitSec
	},
	{
		id: 'offered',
		name: { 'zh-CN': '进线量', en: 'Offered' },
		formula: {
			'zh-CN': '接起 + 放弃 + 溢出（不含短放弃与仍在排队的联系）',
			en: 'Answered + abandoned + flowed out (short abandons and contacts still waiting excluded)'
		},
		unit: 'count',
		value: (f) => f.offered,
		breakdown: (f) => [
			{ label: L.answered, value: f.answered, unit: 'count' },
			{ label: L.abandoned, value: f.abandoned, unit: 'count' },
			{ label: L.flowedOut, value: f.flowedOut, unit: 'count' }
		]
	},
	{
		id: 'answered',
		name: { 'zh-CN': '接起量', en: 'Answered' },
		formula: { 'zh-CN': '时段内被坐席接起的联系数', en: 'Contacts answered by an agent in the window' },
		unit: 'count',
		value: (f) => f.answered,
		breakdown: (f) => [
			{
				label: { 'zh-CN': '其中阈值内接起', en: 'Of which within the SL threshold' },
				value: f.answeredWithin,
				unit: 'count'
			}
		]
	},
	{
		id: 'abandoned',
		name: { 'zh-CN': '放弃量', en: 'Abandoned' },
		formula: {
			'zh-CN': '排队中挂断且等待不短于短放弃阈值的联系数',
			en: 'Contacts that hung up while waiting, after at least the short-abandon time'
		},
		unit: 'count',
		threshold: 'abandonRate',
		value: (f) => f.abandoned,
		statusValue: (f) => f.abandonRate,
		breakdown: (f) => [
			{
				label: { 'zh-CN': '其中阈值内放弃', en: 'Of which within the SL threshold' },
				value: f.abandonedWithin,
				unit: 'count'
			},
			{
				label: { 'zh-CN': '短放弃（另计）', en: 'Short abandons (counted apart)' },
				value: f.shortAbandoned,
				unit: 'count'
			}
		]
	},
	{
		id: 'short-abandoned',
		name: { 'zh-CN': '短放弃', en: 'Short abandoned' },
		formula: {
			'zh-CN': '等待短于短放弃阈值（默认 5 秒）即挂断的联系数；不计入进线量',
			en: 'Contacts that hung up within the short-abandon time (default 5 s); not in offered'
		},
		unit: 'count',
		value: (f) => f.shortAbandoned
	},
	{
		id: 'flowed-out',
		name: { 'zh-CN': '溢出量', en: 'Flowed out' },
		formula: { 'zh-CN': '排队中被路由到其他目的地的联系数', en: 'Contacts routed elsewhere while waiting' },
		unit: 'count',
		value: (f) => f.flowedOut
	},
	{
		id: 'handled',
		name: { 'zh-CN': '处理完成量', en: 'Handled' },
		formula: {
			'zh-CN': '话后结束（无话后时为通话结束）的联系数',
			en: 'Contacts whose wrap-up ended (or whose talk ended, with no wrap-up)'
		},
		unit: 'count',
		value: (f) => f.handled
	},
	{
		id: 'repeat-rate',
		name: { 'zh-CN': '48 小时重复来电率', en: '48 h repeat rate' },
		formula: {
			'zh-CN': '带客户标识的进线中，该客户 48 小时内曾有其他联系入队的比例',
			en: 'Among offered contacts with a customerId: the share whose customer had another contact queued in the 48 h before'
		},
		unit: 'fraction',
		threshold: 'repeatRate',
		value: (f) => f.repeatRate,
		numerator: term({ 'zh-CN': '重复来电', en: 'Repeat contacts' }, 'count', (f) => f.repeatOffered),
		denominator: term(
			{ 'zh-CN': '带客户标识的进线', en: 'Offered with a customerId' },
			'count',
			(f) => f.customerOffered
		)
	},
	{
		id: 'csat',
		name: { 'zh-CN': '满意度', en: 'CSAT' },
		formula: { 'zh-CN': '评分 ≥ 4 的问卷 ÷ 收到的问卷', en: 'Surveys scoring ≥ 4 ÷ surveys received' },
		unit: 'fraction',
		threshold: 'csat',
		value: (f) => f.csat,
		numerator: term(
			{ 'zh-CN': '评分 ≥ 4 的问卷', en: 'Surveys scoring 4 or 5' },
			'count',
			(f) => f.surveysSatisfied
		),
		denominator: term({ 'zh-CN': '收到的问卷', en: 'Surveys received' }, 'count', (f) => f.surveys)
	}
];
