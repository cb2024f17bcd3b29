import { z } from 'zod';
import { AgentLogin, AgentLogout, AgentState } from './agent-events';
import {
	ContactAbandoned,
	ContactAnswered,
	ContactEnded,
	ContactFlowedOut,
	ContactHeld,
	ContactQueued,
	ContactResumed,
	ContactRinging,
	ContactRona,
	ContactSurvey,
	ContactTransferred,
	ContactWrapped
} from './contact-events';
import { FloorSnapshot } from './snapshot';
import { SupervisionChanged, SupervisionEnded, SupervisionStarted } from './supervision-events';

/** Every inbound event schema keyed by its `type`: the catalog the ingest parses against. */
export const EVENT_SCHEMAS = {
	'agent.login': AgentLogin,
	'agent.state': AgentState,
	'agent.logout': AgentLogout,
	'contact.queued': ContactQueued,
	'contact.ringing': ContactRinging,
	'contact.rona': ContactRona,
	'contact.answered': ContactAnswered,
	'contact.held': ContactHeld,
	'contact.resumed': ContactResumed,
	'contact.transferred': ContactTransferred,
	'contact.abandoned': ContactAbandoned,
	'contact.flowed_out': ContactFlowedOut,
	'contact.ended': ContactEnded,
	'contact.wrapped': ContactWrapped,
	'contact.survey': ContactSurvey,
	'supervision.started': SupervisionStarted,
	'supervision.changed': SupervisionChanged,
	'supervision.ended': SupervisionEnded,
	'floor.snapshot': FloorSnapshot
} as const;

export type EventType = keyof typeof EVENT_SCHEMAS;
export const EVENT_TYPES = Object.keys(EVENT_SCHEMAS) as EventType[];

/** Any valid inbound event, discriminated on `type`. */
export type CcEvent = { [K in EventType]: z.infer<(typeof EVENT_SCHEMAS)[K]> }[EventType];
export type EventOf<T extends EventType> = Extract<CcEvent, { type: T }>;

export type AgentEvent = EventOf<'agent.login' | 'agent.state' | 'agent.logout'>;
export type ContactEvent = Extract<CcEvent, { type: `contact.${string}` }>;
export type SupervisionEvent = Extract<CcEvent, { type: `supervision.${string}` }>;

export function isEventType(type: string): type is EventType {
	return Object.hasOwn(EVENT_SCHEMAS, type);
}
