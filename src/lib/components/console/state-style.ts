import type { MessageKey } from '$lib/shared/i18n';
import type { SortKey } from '$lib/client/console/row-filter';
import type { Channel } from '$lib/shared/contract/envelope';
import type { AgentContactView, DisplayedState } from '$lib/shared/metrics/figures';
import type { AgentFlag } from '$lib/shared/protocol/team-frames';

/** Colour, icon and label of each displayed state: never colour alone, for colour-blind readers. */
export const STATE_STYLE: Record<DisplayedState, { colour: string; icon: string; label: MessageKey }> = {
	ready: { colour: 'var(--ok)', icon: '●', label: 'consoleStateReady' },
	on_contact: { colour: '#4da3ff', icon: '☎', label: 'consoleStateOnContact' },
	wrap_up: { colour: '#b48cff', icon: '✎', label: 'consoleStateWrapUp' },
	not_ready: { colour: 'var(--warn)', icon: '⏸', label: 'consoleStateNotReady' },
	offline: { colour: 'var(--stale)', icon: '○', label: 'consoleStateOffline' }
};

export const FLAG_LABELS: Record<AgentFlag, MessageKey> = {
	talk: 'consoleFlagLongCall',
	hold: 'consoleFlagHold',
	wrap_up: 'consoleFlagWrapUp',
	not_ready_over: 'consoleFlagBreak',
	rona: 'consoleFlagRona',
	never_ready: 'consoleFlagNeverReady',
	ringing: 'consoleFlagRinging'
};

export const CHANNEL_LABELS: Record<Channel, MessageKey> = {
	voice: 'consoleChannelVoice',
	chat: 'consoleChannelChat',
	email: 'consoleChannelEmail'
};

export const CONTACT_STATUS_LABELS: Record<AgentContactView['status'], MessageKey> = {
	talking: 'consoleContactTalking',
	held: 'consoleContactHeld',
	ringing: 'consoleContactRinging',
	wrapup: 'consoleContactWrapup'
};

export const CONNECTION_LABELS: Record<'connecting' | 'live' | 'offline', MessageKey> = {
	connecting: 'stateConnecting',
	live: 'stateLive',
	offline: 'stateOffline'
};

export const SORT_LABELS: Record<SortKey, MessageKey> = {
	flags: 'consoleFlags',
	name: 'consoleAgent',
	state: 'consoleState',
	timeInState: 'consoleTimeInState',
	handled: 'consoleHandled',
	occupancy: 'consoleOccupancy'
};
