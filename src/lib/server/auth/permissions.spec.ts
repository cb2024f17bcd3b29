import { describe, expect, it } from 'vitest';
import { can } from './permissions';
import { ACTIONS, type Action, type Actor, type Subject } from './roles';

const admin: Actor = { kind: 'user', userId: 'u1', role: 'admin', teams: [] };
const manager: Actor = { kind: 'user', userId: 'u2', role: 'manager', teams: [] };
const supervisorA: Actor = { kind: 'user', userId: 'u3', role: 'supervisor', teams: ['team-a'] };
const wallboard: Actor = { kind: 'device', role: 'wallboard', deviceId: 'tv1', boards: ['default'] };
const apiToken: Actor = { kind: 'api-token', role: 'api' };

const teamA: Subject = { team: 'team-a' };
const teamB: Subject = { team: 'team-b' };

const table: Array<[string, Actor | null, Action, Subject, boolean]> = [
	['an admin manages users', admin, 'users.manage', {}, true],
	['an admin supervises any team', admin, 'team.supervise', teamB, true],
	['a manager reads every team', manager, 'team.read', teamB, true],
	['a manager reads reports', manager, 'reports.read', {}, true],
	['a manager reads the API', manager, 'api.read', {}, true],
	['a manager does not manage users', manager, 'users.manage', {}, false],
	['a manager does not manage devices', manager, 'devices.manage', {}, false],
	['a manager does not supervise calls', manager, 'team.supervise', teamA, false],
	['a supervisor reads their own team', supervisorA, 'team.read', teamA, true],
	['a supervisor supervises their own team', supervisorA, 'team.supervise', teamA, true],
	['a supervisor does not read another team', supervisorA, 'team.read', teamB, false],
	['a supervisor does not supervise another team', supervisorA, 'team.supervise', teamB, false],
	['a supervisor does not read a team left unnamed', supervisorA, 'team.read', {}, false],
	['a supervisor does not manage users', supervisorA, 'users.manage', {}, false],
	['a supervisor does not read the centre-wide API', supervisorA, 'api.read', {}, false],
	['a wallboard reads its own board', wallboard, 'board.read', { board: 'default' }, true],
	['a wallboard does not read another board', wallboard, 'board.read', { board: 'vip' }, false],
	['a wallboard does not read teams', wallboard, 'team.read', teamA, false],
	['a wallboard does not supervise', wallboard, 'team.supervise', teamA, false],
	['an API token reads the API', apiToken, 'api.read', {}, true],
	['an API token writes the API as before', apiToken, 'api.write', {}, true],
	['an API token does not manage users', apiToken, 'users.manage', {}, false],
	['an API token does not supervise', apiToken, 'team.supervise', teamA, false],
	['nobody anonymous may do anything', null, 'board.read', { board: 'default' }, false]
];

describe('can', () => {
	it.each(table)('%s', (_name, actor, action, subject, expected) => {
		expect(can(actor, action, subject)).toBe(expected);
	});

	it('lets an admin do every action there is', () => {
		for (const action of ACTIONS) expect(can(admin, action, teamB)).toBe(true);
	});

	it('gives a wallboard nothing but reading boards', () => {
		const allowed = ACTIONS.filter((action) => can(wallboard, action, { board: 'default', team: 'team-a' }));
		expect(allowed).toEqual(['board.read']);
	});
});
