import type { AgentCounts, QueueFigures } from '$lib/shared/metrics/figures';
import type { BoardData, Freshness } from '$lib/shared/protocol/frames';

/** Builders for specs: a plausible row with overrides, so each test states only what it is about. */
export function queueRow(queueId: string | null, overrides: Partial<QueueFigures> = {}): QueueFigures {
	return {
		queueId,
		name: { 'zh-CN': queueId ?? '全中心', en: queueId ?? 'Centre' },
		channel: 'voice',
		unconfigured: false,
		slThresholdSec: 20,
		slFormula: 'abandons_negative',
		waiting: 3,
		vipWaiting: 0,
		longestWaitSec: 42,
		offered: 100,
		answered: 96,
		abandoned: 4,
		shortAbandoned: 1,
		flowedOut: 0,
		answeredWithin: 85,
		abandonedWithin: 1,
		handled: 95,
		answerRate: 0.96,
		abandonRate: 0.04,
		serviceLevel: 0.85,
		serviceLevelVariants: { abandons_negative: 0.85, ignore_abandons: 0.859, abandons_positive: 0.86 },
		asaSec: 12,
		attSec: 180,
		ahtSec: 240,
		longestVipWaitSec: 0,
		maxWaitSec: 120,
		acwShare: 0.1,
		surveys: 10,
		csat: 0.9,
		surveysSatisfied: 9,
		maxVipWaitSec: 0,
		customerOffered: 80,
		repeatOffered: 12,
		repeatRate: 0.15,
		...overrides
	};
}

export function agentCounts(overrides: Partial<AgentCounts> = {}): AgentCounts {
	return {
		staffed: 50,
		available: 10,
		onContact: 30,
		wrapUp: 5,
		notReady: 5,
		notReadyByReason: {},
		...overrides
	};
}

export function boardData(queueIds: string[] = ['a', 'b'], overrides: Partial<BoardData> = {}): BoardData {
	return {
		board: {
			boardId: 'default',
			title: { 'zh-CN': '全中心实时看板', en: 'Whole centre' },
			language: 'zh-CN',
			queueIds,
			timeZone: 'Asia/Shanghai'
		},
		queues: queueIds.map((id) => queueRow(id)),
		centre: queueRow(null),
		agents: agentCounts(),
		...overrides
	};
}

export function freshness(overrides: Partial<Freshness> = {}): Freshness {
	return {
		asOfMs: 1_000_000,
		serverNowMs: 1_000_000,
		busConnected: true,
		gapOpen: false,
		lastReceiveMs: 1_000_000,
		...overrides
	};
}
