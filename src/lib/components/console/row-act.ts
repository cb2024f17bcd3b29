import type { ConsoleAgentRow } from '$lib/shared/protocol/team-frames';

/** What a row's buttons ask for: a session (start, change, stop) or a forced action (asks for a reason). */
export type RowActKind = 'start' | 'change' | 'stop' | 'force';

/** How a row hands an action up to the console, which posts it and keeps its state. */
export type OnRowAct = (row: ConsoleAgentRow, kind: RowActKind, detail: Record<string, string>) => void;
