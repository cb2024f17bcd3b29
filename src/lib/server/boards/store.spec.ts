import { describe, expect, it, vi } from 'vitest';
import { MemoryBus } from '../bus/memory-bus';
import { testCentreSetup } from '../live/test-events';
import type { Logger } from '../util/logger';
import { boardFromSetup } from './scope';
import { BoardStore } from './store';

const setup = testCentreSetup();
const logger: Logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() } as unknown as Logger;
const seed = [
	boardFromSetup({ boardId: 'default', title: { 'zh-CN': '全部' }, queues: [], language: 'zh-CN' }, setup)
];

function replicas() {
	const bus = new MemoryBus();
	let now = 1000;
	const make = () => new BoardStore({ kv: bus, prefix: 't', setup, seed, logger, clock: () => now++ });
	return { bus, make };
}

describe('BoardStore', () => {
	it('serves the set-up boards before it has read the store', () => {
		const { make } = replicas();
		expect(make().get('default')?.version).toBe(1);
	});

	it('seeds an empty store once, and a second replica reads the seed', async () => {
		const { bus, make } = replicas();
		await make().start();
		const second = make();
		await second.start();
		expect(second.list().map((v) => v.board.boardId)).toEqual(['default']);
		expect(Object.keys(await bus.hgetall('t:boards.versions:default'))).toEqual(['1']);
	});

	it('keeps every version, rolls back as a new one, and tells the other replica', async () => {
		const { make } = replicas();
		const a = make();
		const b = make();
		await a.start();
		await b.start();
		const changed: string[] = [];
		b.onChange((id) => changed.push(id));
		const base = a.get('default')!.board;
		await a.save({ ...base, title: { 'zh-CN': '新' } }, 'ana', 1);
		await vi.waitFor(() => expect(b.get('default')?.board.title['zh-CN']).toBe('新'));
		expect(changed).toEqual(['default']);
		const restored = await b.rollback('default', 1, 'bo');
		expect(restored).toMatchObject({ version: 3, restoredFrom: 1, savedBy: 'bo' });
		await vi.waitFor(() => expect(a.get('default')?.version).toBe(3));
		expect((await a.versions('default')).map((v) => v.version)).toEqual([3, 2, 1]);
	});
});
