import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../server/bus/bus';
import { MemoryBus } from '../server/bus/memory-bus';
import { CentreSetup } from '../shared/centre/setup';
import { CommandResult, parseMessage, type CcEvent } from '../shared/contract';
import { parseCommand, runSimulator, type RunningSimulator } from './shell';
import { createSimulation } from './simulation';

const setup = CentreSetup.parse(
	JSON.parse(readFileSync(new URL('../../../config/centre.example.json', import.meta.url), 'utf8'))
);
const T0 = Date.UTC(2025, 10, 20, 2, 0, 0);
const names = channelNames('t');

interface Received {
	events: CcEvent[];
	batches: number;
	results: CommandResult[];
	channels: Map<string, string>;
}

async function start(options: { writeLog?: boolean; log?: (m: string) => void } = {}) {
	const bus = new MemoryBus();
	const received: Received = { events: [], batches: 0, results: [], channels: new Map() };
	await bus.subscribe(
		[names.agent, names.contact, names.supervision, names.commandResult],
		(channel, message) => {
			if (channel === names.commandResult) {
				received.results.push(CommandResult.parse(JSON.parse(message)));
				return;
			}
			if (message.startsWith('[')) received.batches++;
			const { events, rejected } = parseMessage(message);
			expect(rejected).toEqual([]);
			for (const e of events) received.channels.set(e.id, channel);
			received.events.push(...events);
		}
	);
	const simulation = createSimulation({
		setup,
		agents: 80,
		seed: 9,
		source: 'sim',
		startMs: T0,
		timeZone: 'Asia/Shanghai'
	});
	let wallMs = 1_000_000;
	const runner = runSimulator({
		bus,
		prefix: 't',
		simulation,
		speed: 600,
		batchMs: 20,
		// A test clock that runs 40 ms per reading keeps simulated time moving whatever the machine's speed.
		clock: () => (wallMs += 40),
		writeLog: options.writeLog ?? true,
		log: options.log ?? (() => undefined)
	});
	await runner.ready;
	return { bus, received, runner, simulation };
}

let running: RunningSimulator | null = null;
afterEach(async () => {
	await running?.stop();
	running = null;
});

describe('runSimulator', () => {
	it('publishes events on their channels, batched, in seq order, and logs them to the stream', async () => {
		const { bus, received, runner } = await start();
		running = runner;
		await vi.waitFor(() => expect(received.events.length).toBeGreaterThan(300), {
			timeout: 5000,
			interval: 10
		});
		await runner.stop();
		expect(received.events[0]?.type).toBe('floor.snapshot');
		expect(received.events.findIndex((e, i) => e.seq !== i)).toBe(-1);
		expect(received.batches).toBeGreaterThan(0);
		for (const e of received.events.slice(0, 500)) {
			const expected = e.type.startsWith('contact.')
				? names.contact
				: e.type.startsWith('supervision.')
					? names.supervision
					: names.agent;
			expect(received.channels.get(e.id)).toBe(expected);
		}
		const log = await bus.xrange(names.log, '0', 100_000);
		expect(log?.length).toBe(received.events.length);
		expect(JSON.parse(log?.[5]?.[1].e ?? '{}')).toEqual(received.events[5]);
		expect(runner.now()).toBeGreaterThan(T0);
	});

	it('answers each command with one result and its events', async () => {
		const { bus, received, runner } = await start({ writeLog: false });
		running = runner;
		await vi.waitFor(() => expect(received.events.length).toBeGreaterThan(0));
		await bus.publish(
			names.command,
			JSON.stringify({ v: 1, id: 'cmd-1', type: 'snapshot.request', ts: T0, issuedBy: 'sup-1' })
		);
		await bus.publish(
			names.command,
			JSON.stringify({
				v: 1,
				id: 'cmd-2',
				type: 'supervise',
				ts: T0,
				issuedBy: 'sup-1',
				agentId: 'a-nobody',
				contactId: 'c-1',
				mode: 'listen',
				endpoint: 'sip:1'
			})
		);
		await vi.waitFor(() => expect(received.results.length).toBe(2));
		expect(received.results[0]).toEqual({ v: 1, commandId: 'cmd-1', ok: true });
		expect(received.results[1]).toMatchObject({ commandId: 'cmd-2', ok: false });
		expect(received.events.filter((e) => e.type === 'floor.snapshot').length).toBe(2);
		expect(await bus.xrange(names.log, '0', 10)).toEqual([]);
	});

	it('ignores bad commands, logging only the first', async () => {
		const log = vi.fn();
		const { bus, received, runner } = await start({ log });
		running = runner;
		await bus.publish(names.command, 'not json');
		await bus.publish(names.command, JSON.stringify({ v: 1, id: 'x', type: 'agent.teleport' }));
		await bus.publish(
			names.command,
			JSON.stringify({ v: 1, id: 'ok', type: 'snapshot.request', ts: T0, issuedBy: 's' })
		);
		await vi.waitFor(() => expect(received.results.map((r) => r.commandId)).toEqual(['ok']));
		expect(log).toHaveBeenCalledTimes(1);
		expect(log.mock.calls[0]?.[0]).toMatch(/bad command.*not JSON/);
	});

	it('stops publishing once stopped', async () => {
		const { received, runner } = await start();
		await runner.stop();
		const count = received.events.length;
		await new Promise((resolve) => setTimeout(resolve, 60));
		expect(received.events.length).toBe(count);
	});
});

describe('parseCommand', () => {
	it('names the bad field of an invalid command', () => {
		expect(
			parseCommand(JSON.stringify({ v: 1, id: 'c', type: 'supervise', ts: T0, issuedBy: 's' }))
		).toMatchObject({
			ok: false,
			problem: expect.stringContaining('agentId')
		});
	});
});
