/**
 * The live floor's public surface: build a floor from the centre set-up, fold events into it, ask it
 * for figures. The state itself lives in floor-state.ts; reducers and queries beside it.
 */
export { createFloor, queueConfigOf, DEFAULT_FLOOR_LIMITS } from './floor-state';
export type { Floor, FloorLimits, FloorOptions, SupervisionSession } from './floor-state';
export { applyEvent } from './apply-event';
export { queueFigures, CENTRE_NAME, CHANNEL_NAMES } from './queue-figures';
export type { QueueFiguresResult, QueueFiguresOptions } from './queue-figures';
export { agentCounts, agentViews, agentViewOf } from './agent-views';
export type { AgentViewFilter } from './agent-views';
export { agentTotals, teamTotals } from './agent-figures';
export { agentWindowTotals } from './agent-table';
export type { AgentWindowTotals } from './agent-table';
export { teamViews, NO_TEAM_NAME } from './team-views';
export { forgetFigureCaches } from './figure-caches';
export type { TeamView } from './team-views';
export { resolveWindow, WINDOW_BUCKET_MS, WINDOW_BUCKETS } from './windows';
export type { ResolvedWindow } from './windows';
export type { ShiftOccurrence } from './shift-clock';
export { localDayOf, localDayStartMs, zoneOffsetMs } from './day-window';
export type { DayRange } from './day-window';
