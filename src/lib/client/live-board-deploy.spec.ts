import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveBoard, type SocketHandlers } from './live-board.svelte';
import { boardData, freshness } from './test-fixtures';

const T0 = 1_763_892_000_000;

function boardOn(buildId: string) {
	let handlers: SocketHandlers | null = null;
	const reload = vi.fn();
	const board = new LiveBoard({
		boardId: 'default',
		initial: boardData(['a']),
		freshness: freshness({ serverNowMs: T0, lastReceiveMs: T0 }),
		url: () => 'ws://test/ws',
		socket: (_url, h) => {
			handlers = h;
			return { send: () => undefined, close: () => undefined };
		},
		random: () => 0,
		reload,
		lastReloadAt: () => null,
		buildId
	});
	board.start();
	const hello = (serverBuild: string) => {
		handlers!.open();
		handlers!.message(
			JSON.stringify({ type: 'hello.v1', protocol: 1, buildId: serverBuild, serverNowMs: Date.now() })
		);
	};
	return { board, reload, hello };
}

describe('LiveBoard after a deploy', () => {
	beforeEach(() => {
		vi.useFakeTimers();
		vi.setSystemTime(T0);
	});
	afterEach(() => vi.useRealTimers());

	it('reloads the page, after a jittered delay, when the server runs another build', () => {
		const { board, reload, hello } = boardOn('build-1');
		hello('build-2');
		vi.advanceTimersByTime(900);
		expect(reload).not.toHaveBeenCalled();
		vi.advanceTimersByTime(200);
		expect(reload).toHaveBeenCalledTimes(1);
		board.stop();
	});

	it('stays put on the same build, and on a server that has no build id', () => {
		for (const server of ['build-1', 'dev']) {
			const { board, reload, hello } = boardOn('build-1');
			hello(server);
			vi.advanceTimersByTime(20_000);
			expect(reload).not.toHaveBeenCalled();
			board.stop();
		}
	});
});
