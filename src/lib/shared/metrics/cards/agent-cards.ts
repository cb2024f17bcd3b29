import type { AgentCounts, AgentWindowFigures } from '../figures';
import type { CardDef } from './queue-cards';
import type { LocalizedText } from './types';

/** Cards of the agent counts (now) and of the agent figures over a window (METRICS.md "Agent figures"). */

const STATE: Record<'available' | 'onContact' | 'wrapUp' | 'notReady', LocalizedText> = {
	available: { 'zh-CN': '空闲', en: 'Available' },
	onContact: { 'zh-CN': '通话中', en: 'On contact' },
	wrapUp: { 'zh-CN': '话后处理', en: 'Wrap-up' },
	notReady: { 'zh-CN': '未就绪', en: 'Not ready' }
};

const NO_REASON: LocalizedText = { 'zh-CN': '（未给原因）', en: '(no reason given)' };

export const AGENT_COUNT_CARDS: readonly CardDef<AgentCounts>[] = [
	{
		id: 'agents-staffed',
		name: { 'zh-CN': '在线坐席', en: 'Agents staffed' },
		formula: {
			'zh-CN': '未离线的坐席数 = 空闲 + 通话中 + 话后处理 + 未就绪',
			en: 'Agents not offline = available + on contact + wrap-up + not ready'
		},
		unit: 'count',
		live: true,
		value: (a) => a.staffed,
		breakdown: (a) => [
			{ label: STATE.available, value: a.available, unit: 'count' },
			{ label: STATE.onContact, value: a.onContact, unit: 'count' },
			{ label: STATE.wrapUp, value: a.wrapUp, unit: 'count' },
			{ label: STATE.notReady, value: a.notReady, unit: 'count' }
		]
	},
	{
		id: 'agents-available',
		name: { 'zh-CN': '空闲坐席', en: 'Agents available' },
		formula: { 'zh-CN': '就绪且没有进行中联系的坐席数', en: 'Agents ready with no contact in progress' },
		unit: 'count',
		live: true,
		value: (a) => a.available
	},
	{
		id: 'agents-on-contact',
		name: { 'zh-CN': '通话中坐席', en: 'Agents on contact' },
		formula: { 'zh-CN': '有联系正在通话或保持的坐席数', en: 'Agents with any contact talking or held' },
		unit: 'count',
		live: true,
		value: (a) => a.onContact
	},
	{
		id: 'agents-wrap-up',
		name: { 'zh-CN': '话后处理坐席', en: 'Agents in wrap-up' },
		formula: {
			'zh-CN': '有联系处于话后处理、且无通话中联系的坐席数',
			en: 'Agents with a contact in wrap-up and none talking or held'
		},
		unit: 'count',
		live: true,
		value: (a) => a.wrapUp
	},
	{
		id: 'agents-not-ready',
		name: { 'zh-CN': '未就绪坐席', en: 'Agents not ready' },
		formula: {
			'zh-CN': '自身状态为未就绪、且没有进行中联系的坐席数（按原因分列）',
			en: 'Agents in their own not-ready state with no contact in progress (by reason)'
		},
		unit: 'count',
		live: true,
		value: (a) => a.notReady,
		breakdown: (a) =>
			Object.entries(a.notReadyByReason)
				.sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
				.map(([reason, n]) => ({
					label: reason ? { 'zh-CN': reason, en: reason } : NO_REASON,
					value: n,
					unit: 'count' as const
				}))
	}
];

const STAFFED: LocalizedText = { 'zh-CN': '在线时长（秒）', en: 'Staffed time, s' };
const LOAD: LocalizedText = { 'zh-CN': '∫ 负荷 dt（秒）', en: '∫ load dt, s' };

export const AGENT_WINDOW_CARDS: readonly CardDef<AgentWindowFigures>[] = [
	{
		id: 'occupancy',
		name: { 'zh-CN': '占用率', en: 'Occupancy' },
		formula: {
			'zh-CN': '∫ 负荷 dt ÷ ∫（就绪或有负荷）dt；未就绪时间不计；负荷 = Σ 1 ÷ 渠道并发上限，封顶 1',
			en: '∫ load dt ÷ ∫ (ready or loaded) dt; not-ready time excluded; load = Σ 1 ÷ capacity[channel], capped at 1'
		},
		unit: 'fraction',
		value: (a) => a.occupancy,
		numerator: { label: LOAD, unit: 'seconds', value: (a) => a.loadSec },
		denominator: {
			label: { 'zh-CN': '就绪或有负荷的时长（秒）', en: 'Ready or loaded time, s' },
			unit: 'seconds',
			value: (a) => a.readyOrLoadedSec
		}
	},
	{
		id: 'utilization',
		name: { 'zh-CN': '利用率', en: 'Utilization' },
		formula: { 'zh-CN': '∫ 负荷 dt ÷ 在线时长', en: '∫ load dt ÷ staffed time' },
		unit: 'fraction',
		value: (a) => a.utilization,
		numerator: { label: LOAD, unit: 'seconds', value: (a) => a.loadSec },
		denominator: { label: STAFFED, unit: 'seconds', value: (a) => a.staffedSec }
	},
	{
		id: 'cph',
		name: { 'zh-CN': '每小时处理量 CPH', en: 'Contacts per hour (CPH)' },
		formula: { 'zh-CN': '处理完成量 ÷ 在线小时数', en: 'Handled ÷ staffed hours' },
		unit: 'per_hour',
		value: (a) => a.cph,
		numerator: { label: { 'zh-CN': '处理完成量', en: 'Handled' }, unit: 'count', value: (a) => a.handled },
		denominator: {
			label: { 'zh-CN': '在线小时数', en: 'Staffed hours' },
			unit: 'count',
			value: (a) => a.staffedSec / 3600
		}
	}
];
