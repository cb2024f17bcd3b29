import { describe, expect, it } from 'vitest';
import { monitorNames } from './monitor-names';

describe('monitorNames', () => {
	it('maps the username the platform echoes to the display name people know', () => {
		expect(
			monitorNames([
				{ username: 'sup.a', displayName: '主管 A' },
				{ username: 'root', displayName: 'Administrator' }
			])
		).toEqual({ 'sup.a': '主管 A', root: 'Administrator' });
	});
});
