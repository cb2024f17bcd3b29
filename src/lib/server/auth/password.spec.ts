import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';
import { TEST_SCRYPT } from './test-auth';

describe('scrypt password hashes', () => {
	it('verifies the password it was made from and rejects any other', async () => {
		const hash = await hashPassword('correct horse battery', TEST_SCRYPT);
		expect(await verifyPassword('correct horse battery', hash)).toBe(true);
		expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
		expect(await verifyPassword('', hash)).toBe(false);
	});

	it('stores its cost parameters and a per-hash salt', async () => {
		const [a, b] = await Promise.all([
			hashPassword('same password', TEST_SCRYPT),
			hashPassword('same password', TEST_SCRYPT)
		]);
		expect(a.split('$').slice(0, 4)).toEqual(['scrypt', '1024', '8', '1']);
		expect(a).not.toBe(b);
	});

	it('verifies with the parameters stored in the hash, not the current defaults', async () => {
		const hash = await hashPassword('old hash still works', { N: 2048, r: 4, p: 2 });
		expect(await verifyPassword('old hash still works', hash)).toBe(true);
	});

	it('treats a malformed hash as a mismatch rather than throwing', async () => {
		for (const bad of ['', 'plain', 'bcrypt$1$2$3$a$b', 'scrypt$x$8$1$c2FsdA$aGFzaA', 'scrypt$1024$8$1$$'])
			expect(await verifyPassword('anything', bad)).toBe(false);
	});

	it('accepts the default production cost (N=2^15) despite Node’s default memory cap', async () => {
		const hash = await hashPassword('production cost');
		expect(hash.startsWith('scrypt$32768$8$3$')).toBe(true);
		expect(await verifyPassword('production cost', hash)).toBe(true);
	});
});
