import { describe, expect, it } from 'vitest';
import type { ConsoleAgentRow, TeamData, TeamFrame } from '../../shared/protocol/team-frames';
import { consoleRow } from '../../shared/protocol/test-rows';
import type { Actor } from '../auth/roles';
import { TeamFanout } from './team-fanout';

const row = (agentId: string, state: ConsoleAgentRow['state'] = 'ready'): ConsoleAgentRow =>
	consoleRow(agentId, { teamId: 'team-a', queues: [], state });

const supervisorA: Actor = { kind: 'user', userId: 'u1', role: 'supervisor', teams: ['team-a'] };

function setup() {
	let now = 0;
	let data: TeamData = {
		teamId: 'team-a',
		name: { 'zh-CN': 'A', en: 'A' },
		agents: [row('a1'), row('a2')],
		queues: [],
		alerts: [],
		radar: []
	};
	const sent: Array<{ client: string; frame: TeamFrame }> = [];
	const fanout = new TeamFanout<string>({
		feed: {
			authorize: (actor, teamId) => actor?.kind === 'user' && actor.teams.includes(teamId),
			data: (teamId) => (teamId === 'team-a' || teamId === 'team-b' ? data : null)
		},
		freshness: () => ({
			asOfMs: null,
			serverNowMs: now,
			busConnected: true,
			gapOpen: false,
			lastReceiveMs: null
		}),
		send: (client, frame) => sent.push({ client, frame: JSON.parse(frame.toString()) as TeamFrame }),
		slow: () => false,
		clock: () => now,
		refreshMs: 500
	});
	return {
		fanout,
		sent,
		advance: (ms: number) => (now += ms),
		setAgents: (agents: ConsoleAgentRow[]) => (data = { ...data, agents }),
		setRadar: (radar: TeamData['radar']) => (data = { ...data, radar })
	};
}

describe('TeamFanout', () => {
	it("refuses a team the socket's user may not read, and anonymous sockets", () => {
		const { fanout, sent } = setup();
		expect(fanout.subscribe('c1', 'team:team-b', supervisorA)).toMatchObject({ code: 'forbidden' });
		expect(fanout.subscribe('c2', 'team:team-a', null)).toMatchObject({ code: 'forbidden' });
		expect(sent).toHaveLength(0);
	});

	it('sends a snapshot on subscribe, then only the rows that changed', () => {
		const { fanout, sent, advance, setAgents } = setup();
		expect(fanout.subscribe('c1', 'team:team-a', supervisorA)).toBeNull();
		expect(sent[0]!.frame).toMatchObject({ type: 'team.snapshot.v1', view: 'team:team-a' });
		const seq = sent[0]!.frame.seq;

		advance(500);
		fanout.tick();
		expect(sent).toHaveLength(1);

		setAgents([row('a1', 'on_contact'), row('a3')]);
		advance(500);
		fanout.tick();
		expect(sent[1]!.frame).toEqual(
			expect.objectContaining({
				type: 'team.patch.v1',
				seq: seq + 1,
				data: { agents: [row('a1', 'on_contact'), row('a3')], removedAgentIds: ['a2'] }
			})
		);
	});

	it('rebuilds a view at most once per refresh interval however often it ticks', () => {
		const { fanout, sent, advance, setAgents } = setup();
		fanout.subscribe('c1', 'team:team-a', supervisorA);
		setAgents([row('a1', 'not_ready'), row('a2')]);
		advance(250);
		fanout.tick();
		expect(sent).toHaveLength(1);
		advance(250);
		fanout.tick();
		expect(sent).toHaveLength(2);
	});

	it('sends the radar whole when it changed, and not otherwise', () => {
		const { fanout, sent, advance, setRadar } = setup();
		fanout.subscribe('c1', 'team:team-a', supervisorA);
		const item = {
			alertId: 'x1',
			agentId: 'a1',
			agentName: 'a1',
			teamId: 'team-a',
			cause: 'not_ready_over' as const,
			severity: 'yellow' as const,
			startMs: 0,
			limitSec: 900,
			count: null,
			reason: 'break',
			contactId: null,
			action: 'force_ready' as const
		};
		setRadar([item]);
		advance(500);
		fanout.tick();
		expect(sent[1]!.frame.data).toEqual({ radar: [item] });
		advance(500);
		fanout.tick();
		expect(sent).toHaveLength(2);
	});
});
