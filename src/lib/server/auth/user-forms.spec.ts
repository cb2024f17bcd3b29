import { describe, expect, it } from 'vitest';
import { parseCreateForm, parseUpdateForm } from './user-forms';

const form = (entries: Array<[string, string]>) => {
	const data = new FormData();
	for (const [k, v] of entries) data.append(k, v);
	return data;
};
const teams = ['team-orders', 'team-vip'];

describe('the user forms', () => {
	it('accepts a supervisor with teams and a SIP endpoint, normalising the username', () => {
		const result = parseCreateForm(
			form([
				['username', ' Zhang.Wei '],
				['password', 'long-enough-pw'],
				['displayName', '张伟'],
				['role', 'supervisor'],
				['teams', 'team-orders'],
				['audioEndpoint', 'sip:zhangwei@pbx.example']
			]),
			teams
		);
		expect(result).toEqual({
			ok: true,
			value: {
				username: 'zhang.wei',
				password: 'long-enough-pw',
				displayName: '张伟',
				role: 'supervisor',
				teams: ['team-orders'],
				audioEndpoint: 'sip:zhangwei@pbx.example'
			}
		});
	});

	it('names every bad field with a message key', () => {
		const result = parseCreateForm(
			form([
				['username', 'no spaces allowed'],
				['password', 'short'],
				['displayName', ''],
				['role', 'root'],
				['audioEndpoint', 'call me']
			]),
			teams
		);
		expect(result).toEqual({
			ok: false,
			errors: {
				username: 'authErrUsername',
				password: 'authErrPassword',
				displayName: 'authErrDisplayName',
				role: 'authErrRole',
				audioEndpoint: 'authErrAudioEndpoint'
			}
		});
	});

	it.each([
		['a supervisor without a team', [['role', 'supervisor']], 'authErrSupervisorTeams'],
		[
			'a team the set-up does not know',
			[
				['role', 'manager'],
				['teams', 'team-x']
			],
			'authErrTeams'
		]
	] as const)('refuses %s', (_name, extra, expected) => {
		const result = parseUpdateForm(
			form([['displayName', 'X'], ...extra.map(([k, v]) => [k, v] as [string, string])]),
			teams
		);
		expect(result).toEqual({ ok: false, errors: { teams: expected } });
	});

	it('stores an empty audio endpoint as none and accepts a plain extension', () => {
		const base: Array<[string, string]> = [
			['displayName', 'M'],
			['role', 'manager']
		];
		expect(parseUpdateForm(form([...base, ['audioEndpoint', '']]), teams)).toMatchObject({
			value: { audioEndpoint: null }
		});
		expect(parseUpdateForm(form([...base, ['audioEndpoint', '8001']]), teams)).toMatchObject({
			value: { audioEndpoint: '8001' }
		});
	});
});
