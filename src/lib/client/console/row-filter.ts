import type { DisplayedState } from '$lib/shared/metrics/figures';
import type { ConsoleAgentRow } from '$lib/shared/protocol/team-frames';

export const SORT_KEYS = ['flags', 'name', 'state', 'timeInState', 'handled', 'occupancy'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface RowFilter {
	text: string;
	teamId: string;
	/** Skilled for: the queue is among the agent's skills (its `queues` from login). */
	skillId: string;
	/** Serving now: the agent has a contact from the queue (ringing, talking, held or in wrap-up). */
	queueId: string;
	state: DisplayedState | '';
	sort: SortKey;
}

export const DEFAULT_FILTER: RowFilter = {
	text: '',
	teamId: '',
	skillId: '',
	queueId: '',
	state: '',
	sort: 'flags'
};

const STATE_ORDER: Record<DisplayedState, number> = {
	on_contact: 0,
	wrap_up: 1,
	not_ready: 2,
	ready: 3,
	offline: 4
};

/**
 * The rows to list: filtered by team, skill, queue being served, state and text (name or id), then
 * sorted. Skill and queue are separate because an agent skilled for a queue may be busy with another.
 */
export function filterRows(rows: Iterable<ConsoleAgentRow>, filter: RowFilter): ConsoleAgentRow[] {
	const text = filter.text.trim().toLowerCase();
	const out: ConsoleAgentRow[] = [];
	for (const row of rows) {
		if (filter.teamId && row.teamId !== filter.teamId) continue;
		if (filter.skillId && !row.queues.includes(filter.skillId)) continue;
		if (filter.queueId && !row.contacts.some((c) => c.queueId === filter.queueId)) continue;
		if (filter.state && row.state !== filter.state) continue;
		if (text && !row.name.toLowerCase().includes(text) && !row.agentId.toLowerCase().includes(text)) continue;
		out.push(row);
	}
	return out.sort(comparator(filter.sort));
}

function comparator(key: SortKey): (a: ConsoleAgentRow, b: ConsoleAgentRow) => number {
	const byName = (a: ConsoleAgentRow, b: ConsoleAgentRow) =>
		a.name.localeCompare(b.name) || a.agentId.localeCompare(b.agentId);
	switch (key) {
		case 'name':
			return byName;
		case 'state':
			return (a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || a.sinceMs - b.sinceMs || byName(a, b);
		case 'timeInState':
			// Longest in state first: the oldest `sinceMs`.
			return (a, b) => a.sinceMs - b.sinceMs || byName(a, b);
		case 'handled':
			return (a, b) => b.handled - a.handled || byName(a, b);
		case 'occupancy':
			return (a, b) => (b.occupancy ?? -1) - (a.occupancy ?? -1) || byName(a, b);
		case 'flags':
			// Who needs a look first: most flags, then longest in state; offline agents last.
			return (a, b) =>
				Number(a.state === 'offline') - Number(b.state === 'offline') ||
				b.flags.length - a.flags.length ||
				a.sinceMs - b.sinceMs ||
				byName(a, b);
	}
}
