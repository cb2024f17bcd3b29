import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from './redirect-target';

describe('safeRedirectTarget', () => {
	it.each([
		['/admin/users?lang=en', '/admin/users?lang=en'],
		['/console', '/console'],
		[null, '/'],
		['', '/'],
		['https://evil.example/', '/'],
		['//evil.example/', '/'],
		['/\\evil.example', '/'],
		['/ok\nSet-Cookie: x', '/']
	])('sends %j to %j', (candidate, expected) => {
		expect(safeRedirectTarget(candidate)).toBe(expected);
	});
});
