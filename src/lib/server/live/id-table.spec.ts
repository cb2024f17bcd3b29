import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdTable } from './id-table';

/** A table driven beside a Map; `hashOf` may collide on purpose (clusters, equal hashes, wrap-around). */
function drive(ops: readonly { id: string; insert: boolean }[], hashOf: (id: string) => number): void {
	const table = new IdTable(4);
	const keys: (string | undefined)[] = [];
	const model = new Map<string, number>();
	for (const { id, insert } of ops) {
		const hash = hashOf(id);
		const held = model.get(id);
		if (insert && held === undefined) {
			const slot = keys.length;
			keys.push(id);
			table.insert(hash, slot);
			model.set(id, slot);
		} else if (!insert && held !== undefined) {
			expect(table.remove(hash, held)).toBe(true);
			keys[held] = undefined;
			model.delete(id);
		}
		expect(table.size).toBe(model.size);
		for (const [known, slot] of model) {
			const cell = table.find(known, hashOf(known), keys);
			expect(cell).toBeGreaterThanOrEqual(0);
			expect(table.slotAt(cell)).toBe(slot);
		}
		if (!model.has(id)) expect(table.find(id, hash, keys)).toBe(-1);
	}
}

const op = fc.record({ id: fc.integer({ min: 0, max: 40 }).map((n) => `c${n}`), insert: fc.boolean() });

describe('IdTable', () => {
	it('finds what was inserted and not removed, and nothing else (real hashes)', () => {
		fc.assert(fc.property(fc.array(op, { maxLength: 200 }), (ops) => drive(ops, IdTable.hash)));
	});

	it('stays right when hashes cluster, wrap round the end of the table, or are equal', () => {
		// Hashes 13..16 for 40 ids in a table of 16 to 128 cells: long runs across the end of the cells,
		// and many ids with the very same hash, told apart by their keys alone.
		const clustered = (id: string) => 13 + (Number(id.slice(1)) % 4);
		fc.assert(fc.property(fc.array(op, { maxLength: 200 }), (ops) => drive(ops, clustered)));
		const negative = (id: string) => -1 - (Number(id.slice(1)) % 3);
		fc.assert(fc.property(fc.array(op, { maxLength: 200 }), (ops) => drive(ops, negative)));
	});

	it('points a cell at another slot of the same id', () => {
		const table = new IdTable();
		const keys = ['a', 'b', 'a'];
		table.insert(IdTable.hash('a'), 0);
		table.setSlotAt(table.find('a', IdTable.hash('a'), keys), 2);
		expect(table.slotAt(table.find('a', IdTable.hash('a'), keys))).toBe(2);
		expect(table.remove(IdTable.hash('a'), 0)).toBe(false);
		expect(table.remove(IdTable.hash('a'), 2)).toBe(true);
		expect(table.size).toBe(0);
	});

	it('grows past its first cells and keeps every id', () => {
		const table = new IdTable(4);
		const keys = Array.from({ length: 5000 }, (_, i) => `id-${i}`);
		keys.forEach((id, slot) => table.insert(IdTable.hash(id), slot));
		expect(keys.every((id, slot) => table.slotAt(table.find(id, IdTable.hash(id), keys)) === slot)).toBe(
			true
		);
		expect(table.find('id-5000', IdTable.hash('id-5000'), keys)).toBe(-1);
	});

	it('hashes the same id the same way, and near ids apart', () => {
		expect(IdTable.hash('c1001')).toBe(IdTable.hash('c1001'));
		const low = new Set(Array.from({ length: 256 }, (_, i) => IdTable.hash(`c${1000 + i}`) & 1023));
		expect(low.size).toBeGreaterThan(200);
	});
});
