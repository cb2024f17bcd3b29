import { describe, expect, it } from 'vitest';
import type { MonitorView, TeamFrame } from '../../shared/protocol/team-frames';
import type { Actor } from '../auth/roles';
import { applyEvent, createFloor, type Floor } from '../live/floor';
import { createEventBuilder, testCentreSetup } from '../live/test-events';
import { lookupDisplayNames, MonitorNames, supervisorsWatching } from './monitor-names';
import { teamData } from './team-data';
import { TeamFanout } from './team-fanout';

const silent = { info: () => {}, warn: () => {}, error: () => {} };

/** A user store stand-in whose names the test changes, counting what was read. */
function directory(initial: Record<string, string>) {
	const names = { ...initial };
	const reads: string[][] = [];
	let failing = false;
	return {
		names,
		reads,
		fail: (on: boolean) => (failing = on),
		lookup: async (usernames: string[]) => {
			reads.push([...usernames]);
			if (failing) throw new Error('redis down');
			return Object.fromEntries(usernames.flatMap((u) => (u in names ? [[u, names[u]!]] : [])));
		}
	};
}

function setup(initial: Record<string, string>, maxAgeMs = 2_000) {
	let now = 1_000;
	const users = directory(initial);
	const monitorNamesLive = new MonitorNames({
		lookup: users.lookup,
		clock: () => now,
		maxAgeMs,
		logger: silent
	});
	return { users, names: monitorNamesLive, advance: (ms: number) => (now += ms) };
}

describe('monitorNames', () => {
	it('names the supervisors of live sessions on the teams shown, once each, and nobody else', () => {
		const agents = new Map([
			['a1', { teamId: 't-orders' }],
			['a2', { teamId: 't-orders' }],
			['a3', { teamId: 't-vip' }]
		]);
		const session = (supervisorId: string, agentId: string) =>
			[
				`s-${supervisorId}-${agentId}`,
				{ supervisorId, agentId, contactId: 'c', mode: 'listen', sinceMs: 0, modeSinceMs: 0 }
			] as const;
		const floor = {
			agents,
			supervisions: new Map([session('sup.a', 'a1'), session('sup.a', 'a2'), session('sup.b', 'a3')])
		} as unknown as Parameters<typeof supervisorsWatching>[0];
		expect(supervisorsWatching(floor, ['t-orders'])).toEqual(['sup.a']);
		expect(supervisorsWatching(floor, ['t-orders', 't-vip']).sort()).toEqual(['sup.a', 'sup.b']);
		expect(supervisorsWatching(floor, ['t-none'])).toEqual([]);
	});

	it('looks display names up by username and leaves out ids without an account', async () => {
		const accounts: Record<string, { username: string; displayName: string }> = {
			'sup.a': { username: 'sup.a', displayName: '主管 A' }
		};
		const store = {
			findByUsername: async (u: string) => (accounts[u] ?? null) as never
		};
		expect(await lookupDisplayNames(store, ['sup.a', 'pbx-operator'])).toEqual({ 'sup.a': '主管 A' });
	});
});

/** Asks for a name and lets the read it starts finish; then answers what a view would get. */
async function ask(names: MonitorNames, username: string): Promise<string | null> {
	names.nameOf(username);
	await names.settled();
	return names.nameOf(username);
}

describe('MonitorNames', () => {
	it('answers null before the first read, then the stored name, without waiting', async () => {
		const { names } = setup({ 'sup.a': '主管 A' });
		expect(names.nameOf('sup.a')).toBeNull();
		await names.settled();
		expect(names.nameOf('sup.a')).toBe('主管 A');
	});

	it('reads a name again once it is older than maxAgeMs, so a change shows up', async () => {
		const { names, users, advance } = setup({ 'sup.a': '主管 A' });
		expect(await ask(names, 'sup.a')).toBe('主管 A');
		users.names['sup.a'] = '王主管';
		advance(1_999);
		expect(names.nameOf('sup.a')).toBe('主管 A');
		await names.settled();
		expect(users.reads).toHaveLength(1);
		advance(1);
		// Due: the old name while the new one is read, the new one after.
		expect(names.nameOf('sup.a')).toBe('主管 A');
		await names.settled();
		expect(names.nameOf('sup.a')).toBe('王主管');
		expect(users.reads).toHaveLength(2);
	});

	it('reads the names asked for while a read is under way right after it, in one read', async () => {
		const { names, users } = setup({ 'sup.a': 'A', 'sup.b': 'B', 'sup.c': 'C' });
		names.nameOf('sup.a');
		names.nameOf('sup.b');
		names.nameOf('sup.c');
		await names.settled();
		expect(users.reads).toEqual([['sup.a'], ['sup.b', 'sup.c']]);
		expect([names.nameOf('sup.a'), names.nameOf('sup.b'), names.nameOf('sup.c')]).toEqual(['A', 'B', 'C']);
	});

	it('learns of a user created after the first read (another replica, a new account)', async () => {
		const { names, users, advance } = setup({});
		expect(await ask(names, 'sup.new')).toBeNull();
		users.names['sup.new'] = '新主管';
		advance(2_000);
		expect(await ask(names, 'sup.new')).toBe('新主管');
	});

	it('keeps the last names when the store fails, and does not retry before they are due', async () => {
		const { names, users, advance } = setup({ 'sup.a': '主管 A' });
		expect(await ask(names, 'sup.a')).toBe('主管 A');
		users.fail(true);
		advance(2_000);
		expect(await ask(names, 'sup.a')).toBe('主管 A');
		await names.settled();
		expect(users.reads).toHaveLength(2);
	});
});

describe('"monitoring" in the team views', () => {
	const supervisor: Actor = { kind: 'user', userId: 'u1', role: 'supervisor', teams: ['voice-team'] };

	/** A floor with one agent on a call, a live names directory and a fan-out serving the team. */
	function live(initial: Record<string, string>) {
		const b = createEventBuilder();
		const floor: Floor = createFloor(testCentreSetup(), { timeZone: 'Asia/Shanghai' });
		const apply = () => {
			for (const e of b.take()) applyEvent(floor, e, e.ts);
		};
		b.login('a1', { teamId: 'voice-team', queues: ['neg'] });
		b.queued('c1', 'neg');
		b.answered('c1', 'a1');
		apply();
		const { names, users, advance } = setup(initial, 2_000);
		let now = b.nowMs;
		const sent: TeamFrame[] = [];
		const fanout = new TeamFanout<string>({
			feed: {
				authorize: (actor, teamId) => actor?.kind === 'user' && actor.teams.includes(teamId),
				data: (teamId) =>
					teamData(
						{ floor, activeAlerts: () => [], clock: () => now, monitorName: (id) => names.nameOf(id) },
						teamId
					)
			},
			freshness: () => ({
				asOfMs: null,
				serverNowMs: now,
				busConnected: true,
				gapOpen: false,
				lastReceiveMs: null
			}),
			send: (_client, frame) => sent.push(JSON.parse(frame.toString()) as TeamFrame),
			slow: () => false,
			clock: () => now,
			refreshMs: 500
		});
		/** Half a second later: the view is rebuilt, after the reads the last build started. */
		const tick = async () => {
			await names.settled();
			now += 500;
			advance(500);
			fanout.tick();
		};
		const monitorsOf = (frame: TeamFrame | undefined): MonitorView[] | undefined =>
			(frame?.data.agents ?? []).find((a) => a.agentId === 'a1')?.monitors;
		/** The platform reports a session on a1's call. */
		const start = (sessionId: string, supervisorId: string, mode: 'listen' | 'whisper') => {
			b.after(1).supervisionStarted(sessionId, { supervisorId, agentId: 'a1', contactId: 'c1', mode });
			apply();
		};
		return { b, apply, start, fanout, sent, users, tick, monitorsOf };
	}

	it('carries the current display name of every supervisor on the agent, updated as names change', async () => {
		const { b, apply, start, fanout, sent, users, tick, monitorsOf } = live({
			'sup.a': '主管 A',
			'sup.b': '主管 B'
		});
		start('s1', 'sup.a', 'listen');
		fanout.subscribe('console-1', 'team:voice-team', supervisor);
		// The first snapshot goes out before the name is read: the id, with no name yet.
		expect(monitorsOf(sent[0])).toMatchObject([{ supervisorId: 'sup.a', supervisorName: null }]);
		await tick();
		expect(monitorsOf(sent.at(-1))).toMatchObject([{ sessionId: 's1', supervisorName: '主管 A' }]);

		// Another supervisor (another console, another replica) joins: they show by name as well.
		start('s2', 'sup.b', 'whisper');
		await tick();
		await tick();
		expect(monitorsOf(sent.at(-1))).toEqual([
			expect.objectContaining({ sessionId: 's1', supervisorName: '主管 A', mode: 'listen' }),
			expect.objectContaining({ sessionId: 's2', supervisorName: '主管 B', mode: 'whisper' })
		]);

		// An admin renames sup.a: within the names' max age the row carries the new name.
		users.names['sup.a'] = '王经理';
		const before = sent.length;
		for (let i = 0; i < 6; i++) await tick();
		expect(sent.length).toBeGreaterThan(before);
		expect(monitorsOf(sent.at(-1))?.find((m) => m.sessionId === 's1')?.supervisorName).toBe('王经理');

		// A mode change and an end change the row too.
		b.after(1).supervisionChanged('s2', 'barge');
		apply();
		await tick();
		expect(monitorsOf(sent.at(-1))?.find((m) => m.sessionId === 's2')?.mode).toBe('barge');
		b.after(1).supervisionEnded('s1');
		apply();
		await tick();
		expect(monitorsOf(sent.at(-1))?.map((m) => [m.sessionId, m.supervisorName])).toEqual([['s2', '主管 B']]);
	});

	it('sends nothing while neither the sessions nor the names change', async () => {
		const { start, fanout, sent, users, tick } = live({ 'sup.a': '主管 A' });
		start('s1', 'sup.a', 'listen');
		fanout.subscribe('console-1', 'team:voice-team', supervisor);
		await tick();
		expect(sent.at(-1)?.data.agents?.[0]?.monitors[0]?.supervisorName).toBe('主管 A');
		const count = sent.length;
		for (let i = 0; i < 8; i++) await tick();
		// Names were read again (they age), but being the same they changed no row.
		expect(users.reads.length).toBeGreaterThan(2);
		expect(sent.slice(count).filter((f) => f.data.agents)).toEqual([]);
	});
});
