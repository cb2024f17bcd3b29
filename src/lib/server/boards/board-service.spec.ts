import { describe, expect, it } from 'vitest';
import { MemoryBus } from '../bus/memory-bus';
import { applyEvent, createFloor } from '../live/floor';
import { EventBuilder, testCentreSetup } from '../live/test-events';
import { BoardDiff } from '../realtime/board-diff';
import { silentLogger } from '../util/logger';
import { BoardService } from './board-service';

function boardOnAQuietFloor() {
	const setup = testCentreSetup();
	const floor = createFloor(setup, { timeZone: 'Asia/Shanghai' });
	const b = new EventBuilder();
	// One contact waiting since 09:00:00.000, and nothing else happening.
	for (const e of [b.queued('c1', 'neg', { vip: true })]) applyEvent(floor, e, e.ts);
	let nowMs = b.startMs;
	const service = new BoardService({
		bus: new MemoryBus(),
		prefix: 't',
		setup,
		setupBoards: [{ boardId: 'all', title: { 'zh-CN': '全部' }, queues: [], language: 'zh-CN' }],
		floor,
		clock: () => nowMs,
		timeZone: 'Asia/Shanghai',
		logger: silentLogger
	});
	return { service, startMs: b.startMs, setNow: (ms: number) => (nowMs = ms) };
}

describe('board data', () => {
	it('gives waits in whole seconds, floored, as the board shows and colours them', () => {
		const { service, startMs, setNow } = boardOnAQuietFloor();
		setNow(startMs + 59_900);
		const data = service.data('all')!;
		const row = data.queues.find((q) => q.queueId === 'neg')!;
		expect(row.longestWaitSec).toBe(59);
		expect(row.longestVipWaitSec).toBe(59);
		expect(row.maxWaitSec).toBe(59);
		expect(row.maxVipWaitSec).toBe(59);
		expect(data.centre.longestWaitSec).toBe(59);
		expect(data.rolling15?.longestWaitSec).toBe(59);
	});

	it('changes once a second on a quiet floor, not on every tick', () => {
		const { service, startMs, setNow } = boardOnAQuietFloor();
		const diff = new BoardDiff();
		let patches = 0;
		// Ten seconds of 250 ms ticks with one contact waiting and no events.
		for (let tickMs = 0; tickMs <= 10_000; tickMs += 250) {
			setNow(startMs + 500 + tickMs);
			if (diff.next(service.data('all')!) && tickMs > 0) patches++;
		}
		expect(patches).toBe(10);
	});
});
