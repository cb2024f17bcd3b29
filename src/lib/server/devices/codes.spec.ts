import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, CODE_LENGTH, hashToken, normalizeCode, pairingCode, secretToken } from './codes';

describe('pairing codes', () => {
	it('are six characters with no letters or digits that read alike', () => {
		for (let i = 0; i < 200; i++) {
			const code = pairingCode();
			expect(code).toHaveLength(CODE_LENGTH);
			expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]+$`));
		}
		expect(CODE_ALPHABET).not.toMatch(/[01258BILOSZ]/);
	});

	it('take their letters from the picker', () => {
		expect(pairingCode(() => 0)).toBe('AAAAAA');
		expect(pairingCode(() => CODE_ALPHABET.length - 1)).toBe('999999');
	});

	it('are matched however an admin types them', () => {
		expect(normalizeCode(' k7r-x3m ')).toBe('K7RX3M');
	});
});

describe('tokens', () => {
	it('are long random secrets', () => {
		const a = secretToken();
		expect(a.length).toBeGreaterThanOrEqual(43);
		expect(secretToken()).not.toBe(a);
	});

	it('are stored as their SHA-256 only', () => {
		expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
		expect(hashToken('abc')).not.toContain('abc');
	});
});
