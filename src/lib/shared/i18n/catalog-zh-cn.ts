/**
 * The reference catalog: its keys are the message keys, and every other catalog must have exactly these.
 * Placeholders are `{name}`.
 */
export const zhCN = {
	appTitle: '实时看板',
	boardsHeading: '看板列表',
	boardsEmpty: '尚未配置看板',
	boardQueuesAll: '全部队列',
	boardQueuesCount: '{n} 个队列',
	languageSwitch: 'English',
	languageSwitchLabel: '切换语言',

	stateLive: '实时',
	stateStale: '数据已过期',
	stateRecovering: '正在恢复',
	stateOffline: '连接中断',
	stateStaleHint: '数据流已停止，数字不是最新的',
	stateRecoveringHint: '正在补齐丢失的数据，数字暂不准确',
	stateOfflineHint: '与服务器的连接已断开，正在重连',

	updatedJustNow: '刚刚更新',
	updatedSecondsAgo: '更新于 {n} 秒前',
	updatedMinutesAgo: '更新于 {n} 分钟前',
	updatedHoursAgo: '更新于 {n} 小时前',
	updatedNever: '尚无数据',

	tileWaiting: '排队数',
	tileLongestWait: '最长等待',
	tileAnswerRate: '接起率（今日）',
	tileServiceLevel: '服务水平（今日）',
	tileAbandoned: '放弃数（今日）',
	tileAsa: '平均应答 ASA',
	tileAht: '平均处理 AHT',
	tileAvailable: '空闲坐席',
	tileOnContact: '服务中',
	tileWrapUp: '话后处理',
	tileNotReady: '示忙',

	targetAtLeast: '目标 ≥ {target}',
	targetServiceLevel: '目标 {target} / {threshold}',
	vipWaiting: '含 VIP {n}',
	abandonRate: '放弃率 {rate}',
	ofOffered: '进线 {n}',
	ofStaffed: '在岗 {n}',

	colQueue: '队列',
	colWaiting: '排队',
	colLongestWait: '最长等待',
	colAnswerRate: '接起率',
	colServiceLevel: '服务水平',
	colOffered: '进线',
	colAbandoned: '放弃',
	colAsa: 'ASA',
	colAht: 'AHT',
	queuesEmpty: '此看板没有队列',
	queueUnconfigured: '未配置',
	queueUnconfiguredHint: '队列不在配置中，按默认目标计算',
	queuesPage: '第 {page} / {pages} 页',

	statusOk: '达标',
	statusWarn: '接近目标',
	statusBad: '未达标',

	errorTitle: '无法显示此看板',
	errorNotFound: '看板“{id}”不存在或已被删除',
	errorRetrying: '{n} 秒后自动重试',
	errorBoardList: '查看看板列表',

	secondsShort: '{n} 秒'
} as const satisfies Record<string, string>;
